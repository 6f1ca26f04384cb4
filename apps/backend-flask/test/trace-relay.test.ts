import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startTraceViewer } from '@cruddur/trace-viewer';
import type { TraceExport } from '@cruddur/telemetry-config';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { encode } from '@cruddur/protobuf-wire';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { DEFAULT_RELAY_OPTIONS, RELAY_BODY_LIMIT_BYTES, type TraceRelayOptions } from '../src/routes/trace-relay.js';
import { jsonBody, protobufBody, recordSpans } from './browser-spans.js';
import { testApp } from './helpers.js';
import { startReceiver } from './otlp-receiver.js';

const FRONTEND = 'http://localhost:3000';
const SERVER_KEY = 'server-side-key-1234';

const destinationAt = (base: string): TraceExport => ({
  enabled: true,
  destination: 'honeycomb',
  url: `${base}/v1/traces`,
  protocol: 'http/protobuf',
  headers: { 'x-honeycomb-team': SERVER_KEY },
});

const relayTo = (base: string, relay: Partial<TraceRelayOptions> = {}) =>
  testApp({ relay: { destination: destinationAt(base), ...relay } });

const post = (app: FastifyInstance, body: Buffer | string, contentType: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/v1/traces',
    headers: { origin: FRONTEND, 'content-type': contentType, ...headers },
    payload: body,
  });

interface JsonKeyValue {
  key: string;
  value: Record<string, unknown>;
}
interface JsonExport {
  resourceSpans: { resource?: { attributes: JsonKeyValue[] }; scopeSpans: { spans: { name: string }[] }[] }[];
}

const forgedJson = async () => jsonBody(await recordSpans({ 'service.name': 'backend-flask', 'deployment.environment': 'dev' }, ['click']));

/** A port nothing listens on. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => {
    resolve();
  }));
  return port;
};

// Hand-made protobuf, field numbers as in the OTLP protos.
const len = (field: number, bytes: Uint8Array | readonly number[]): number[] => [...encode.bytes(field, bytes)];
const fixed64 = (field: number, value: number): number[] => [...encode.fixed64(field, BigInt(value))];

/** A span that carries `service.name` itself, on it, on its event and on its link, beside an attribute of its own. */
const spanForgingItsService = async (): Promise<ReadableSpan[]> => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const tracer = provider.getTracer('browser-test');
  const linked = tracer.startSpan('linked');
  linked.end();
  const span = tracer.startSpan('forging', {
    attributes: { 'service.name': 'payments', 'app.action': 'open-home' },
    links: [{ context: linked.spanContext(), attributes: { 'service.name': 'payments' } }],
  });
  span.addEvent('moment', { 'service.name': 'payments', 'app.step': 1 });
  span.end();
  await provider.forceFlush();
  return exporter.getFinishedSpans();
};

describe('trace relay: forwarding', () => {
  it('relays OTLP/JSON with the server-side headers and service.name pinned to the frontend', async () => {
    const receiver = await startReceiver();
    const app = await relayTo(receiver.url);

    const res = await post(app, await forgedJson(), 'application/json');

    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(receiver.received).toHaveLength(1);
    const [forwarded] = receiver.received;
    expect(forwarded?.url).toBe('/v1/traces');
    expect(forwarded?.headers['x-honeycomb-team']).toBe(SERVER_KEY);
    expect(forwarded?.headers['content-type']).toBe('application/json');
    const sent = JSON.parse(forwarded?.body.toString() ?? '') as JsonExport;
    expect(sent.resourceSpans[0]?.resource?.attributes).toEqual(
      expect.arrayContaining([
        { key: 'service.name', value: { stringValue: 'frontend-react-js' } },
        { key: 'deployment.environment', value: { stringValue: 'dev' } },
      ]),
    );
    expect(sent.resourceSpans[0]?.resource?.attributes.filter(({ key }) => key === 'service.name')).toHaveLength(1);
    expect(sent.resourceSpans[0]?.scopeSpans[0]?.spans.map(({ name }) => name)).toEqual(['click']);
  });

  it('gives a JSON ResourceSpans without a resource the frontend service name', async () => {
    const receiver = await startReceiver();
    const app = await relayTo(receiver.url);
    const body = JSON.stringify({ resourceSpans: [{ scopeSpans: [] }] });

    expect((await post(app, body, 'application/json; charset=utf-8')).statusCode).toBe(200);

    const sent = JSON.parse(receiver.received[0]?.body.toString() ?? '') as JsonExport;
    expect(sent.resourceSpans[0]?.resource?.attributes).toEqual([{ key: 'service.name', value: { stringValue: 'frontend-react-js' } }]);
  });

  it('relays OTLP/protobuf with every resource pinned, spans and other attributes intact', async () => {
    const receiver = await startReceiver();
    const app = await relayTo(receiver.url);
    const spans = [
      ...(await recordSpans({ 'service.name': 'backend-flask', 'deployment.environment': 'dev' }, ['forged-1', 'forged-2'])),
      ...(await recordSpans({ 'service.name': 'payments' }, ['forged-3'])),
    ];

    const res = await post(app, protobufBody(spans), 'application/x-protobuf');

    expect(res.statusCode).toBe(200);
    const forwarded = receiver.received[0];
    expect(forwarded?.headers['content-type']).toBe('application/x-protobuf');
    expect(forwarded?.headers['x-honeycomb-team']).toBe(SERVER_KEY);
    // The forged names are gone from the bytes, not merely shadowed: one service.name per resource.
    const bytes = forwarded?.body ?? Buffer.alloc(0);
    const occurrences = (text: string) => bytes.toString('latin1').split(text).length - 1;
    expect([occurrences('backend-flask'), occurrences('payments')]).toEqual([0, 0]);
    expect([occurrences('service.name'), occurrences('frontend-react-js')]).toEqual([2, 2]);

    // Decoded by an independent OTLP receiver: the same spans, under the frontend's name.
    const viewer = await startTraceViewer({ port: 0 });
    onTestFinished(() => viewer.close());
    const decoded = await fetch(`${viewer.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: bytes,
    });
    expect(decoded.status).toBe(200);
    const relayed = spans.map((span) => {
      const { traceId, spanId } = span.spanContext();
      return { name: span.name, stored: viewer.store.get(traceId)?.spans.get(spanId) };
    });
    for (const { name, stored } of relayed) {
      expect(stored?.name).toBe(name);
      expect(stored?.resource['service.name']).toBe('frontend-react-js');
    }
    expect(relayed[0]?.stored?.resource['deployment.environment']).toBe('dev');
  });

  it('gives a protobuf ResourceSpans without a resource the frontend service name', async () => {
    const viewer = await startTraceViewer({ port: 0 });
    onTestFinished(() => viewer.close());
    const app = await relayTo(viewer.url);
    const traceId = 'ab'.repeat(16);
    const span = [
      ...len(1, Buffer.from(traceId, 'hex')),
      ...len(2, Buffer.from('cd'.repeat(8), 'hex')),
      ...len(5, Buffer.from('no-resource')),
      ...fixed64(7, 1_000),
      ...fixed64(8, 2_000),
    ];
    const request = Buffer.from(len(1, len(2, len(2, span))));

    expect((await post(app, request, 'application/x-protobuf')).statusCode).toBe(200);

    const stored = viewer.store.get(traceId)?.spans.get('cd'.repeat(8));
    expect(stored?.name).toBe('no-resource');
    expect(stored?.resource).toEqual({ 'service.name': 'frontend-react-js' });
  });

  it('lets the frontend preflight a JSON export', async () => {
    const app = await testApp();
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/v1/traces',
      headers: { origin: FRONTEND, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(res.headers['access-control-allow-headers']).toMatch(/content-type/);
  });

  it('answers success and forwards nothing while tracing is off', async () => {
    const app = await testApp();
    const json = await post(app, await forgedJson(), 'application/json');
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual({});
    const protobuf = await post(app, protobufBody(await recordSpans({ 'service.name': 'x' }, ['a'])), 'application/x-protobuf');
    expect(protobuf.statusCode).toBe(200);
    expect(protobuf.rawPayload).toHaveLength(0);
  });
});

/** Sends one request to a relay with a live destination: the given refusal, nothing forwarded, the API still answering. */
const refuses = async (
  send: (app: FastifyInstance) => Promise<LightMyRequestResponse>,
  status: number,
  error: string,
) => {
  const receiver = await startReceiver();
  const app = await relayTo(receiver.url);
  const res = await send(app);
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject({ error });
  expect(Object.keys(res.json<object>()).sort()).toEqual(['error', 'message']);
  expect(receiver.received).toHaveLength(0);
  expect((await app.inject({ url: '/api/activities/home' })).statusCode).toBe(200);
  return res;
};

describe('trace relay: refusals (nothing is forwarded)', () => {
  it.each([
    ['another origin', { origin: 'http://evil.example' }],
    ['the frontend origin over https', { origin: 'https://localhost:3000' }],
    ['the null origin', { origin: 'null' }],
    ['the frontend origin with a trailing slash', { origin: 'http://localhost:3000/' }],
    ['a host that starts like the frontend', { origin: 'http://localhost:3000.evil.com' }],
    ['the frontend on another port', { origin: 'http://localhost:3001' }],
    ['the frontend origin upper-cased', { origin: 'HTTP://LOCALHOST:3000' }],
  ])('refuses %s with 403', async (_case, headers) => {
    const res = await refuses(async (app) => post(app, await forgedJson(), 'application/json', headers), 403, 'forbidden_origin');
    expect(res.json()).toMatchObject({ message: 'Traces are accepted from http://localhost:3000 only' });
  });

  it('refuses a request without an Origin with 403', async () => {
    await refuses(
      async (app) =>
        app.inject({ method: 'POST', url: '/v1/traces', headers: { 'content-type': 'application/json' }, payload: await forgedJson() }),
      403,
      'forbidden_origin',
    );
  });

  it.each(['text/plain', 'application/protobuf', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded'])(
    'refuses content-type %s with 415',
    async (contentType) => {
      const res = await refuses(async (app) => post(app, await forgedJson(), contentType), 415, 'unsupported_media_type');
      expect(res.json()).toMatchObject({ message: 'Traces must be sent as application/json or application/x-protobuf' });
    },
  );

  it('refuses a compressed body with 415', async () => {
    await refuses(
      async (app) => post(app, await forgedJson(), 'application/json', { 'content-encoding': 'gzip' }),
      415,
      'unsupported_media_type',
    );
  });

  it('refuses a body over 512 KiB with 413, and takes one just under it', async () => {
    const padded = (size: number): string => {
      const frame = '{"resourceSpans":[{"resource":{"attributes":[{"key":"pad","value":{"stringValue":""}}]},"scopeSpans":[]}]}';
      return frame.replace('"stringValue":""', `"stringValue":"${'x'.repeat(size - frame.length)}"`);
    };
    expect(RELAY_BODY_LIMIT_BYTES).toBe(512 * 1024);
    await refuses(async (app) => post(app, padded(RELAY_BODY_LIMIT_BYTES + 1), 'application/json'), 413, 'payload_too_large');

    const receiver = await startReceiver();
    const app = await relayTo(receiver.url);
    expect((await post(app, padded(RELAY_BODY_LIMIT_BYTES), 'application/json')).statusCode).toBe(200);
    expect(receiver.received).toHaveLength(1);
  });

  it.each([
    ['text', Buffer.from('not protobuf at all')],
    ['an empty body', Buffer.alloc(0)],
    ['a length running past the end', Buffer.from([0x0a, 0x10, 0x0a, 0x02])],
    ['a truncated varint', Buffer.from([0x0a, 0xff])],
    ['resource_spans that is not length-delimited', Buffer.from([0x08, 0x01])],
    ['a resource attribute with the wrong wire type', Buffer.from([0x0a, 0x04, 0x0a, 0x02, 0x08, 0x01])],
  ])('refuses protobuf that is %s with 400', async (_case, body) => {
    await refuses((app) => post(app, body, 'application/x-protobuf'), 400, 'invalid_request');
  });

  it('refuses a truncated real protobuf export with 400', async () => {
    const body = protobufBody(await recordSpans({ 'service.name': 'x' }, ['a']));
    await refuses((app) => post(app, body.subarray(0, body.length - 3), 'application/x-protobuf'), 400, 'invalid_request');
  });

  it.each([
    ['not JSON', '{"resourceSpans": ['],
    ['some other object', '{"hello":"world"}'],
    ['an array', '[]'],
    ['an empty export', '{"resourceSpans":[]}'],
    ['snake_case keys', '{"resource_spans":[{}]}'],
    ['a resource that is not an object', '{"resourceSpans":[{"resource":"backend-flask"}]}'],
    ['attributes that are not a list', '{"resourceSpans":[{"resource":{"attributes":{"service.name":"x"}}}]}'],
    ['an attribute without a key', '{"resourceSpans":[{"resource":{"attributes":[{"value":{}}]}}]}'],
  ])('refuses JSON that is %s with 400', async (_case, body) => {
    await refuses((app) => post(app, body, 'application/json'), 400, 'invalid_request');
  });

  it('rate-limits exports with 429, and only exports', async () => {
    const receiver = await startReceiver();
    const app = await relayTo(receiver.url, { maxPerMinute: 2 });
    const body = await forgedJson();
    expect((await post(app, body, 'application/json')).statusCode).toBe(200);
    expect((await post(app, body, 'application/json')).statusCode).toBe(200);
    const limited = await post(app, body, 'application/json');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate_limited' });
    expect(receiver.received).toHaveLength(2);
    expect((await app.inject({ url: '/api/activities/home' })).statusCode).toBe(200);
  });
});

describe('trace relay: destination trouble', () => {
  it('answers 502 when the destination refuses the spans', async () => {
    const receiver = await startReceiver({ status: 401 });
    const app = await relayTo(receiver.url);
    const res = await post(app, await forgedJson(), 'application/json');
    expect(res.statusCode).toBe(502);
    expect(res.json()).toEqual({ error: 'bad_gateway', message: 'The trace destination answered 401' });
  });

  it('answers 502 at once when the destination is down', async () => {
    const app = await relayTo(`http://127.0.0.1:${String(await closedPort())}`);
    const res = await post(app, await forgedJson(), 'application/json');
    expect(res.statusCode).toBe(502);
    expect(res.json()).toEqual({ error: 'bad_gateway', message: 'The trace destination is unreachable' });
  });

  it('answers 504 after its timeout when the destination hangs, serving other requests meanwhile', async () => {
    const receiver = await startReceiver({ delayMs: 5_000 });
    // Ample for the health check below to be answered first on a loaded machine.
    const app = await relayTo(receiver.url, { timeoutMs: 1_000 });
    const started = Date.now();
    let settled = false;
    const relayed = post(app, await forgedJson(), 'application/json').finally(() => {
      settled = true;
    });

    const health = await app.inject({ url: '/api/health-check' });
    expect(health.statusCode).toBe(200);
    expect(settled).toBe(false);

    const res = await relayed;
    expect(res.statusCode).toBe(504);
    expect(res.json()).toEqual({ error: 'gateway_timeout', message: 'The trace destination did not answer within 1000 ms' });
    // Before the default an ignored timeout would fall back to.
    expect(Date.now() - started, 'ms to the 504').toBeLessThan(DEFAULT_RELAY_OPTIONS.timeoutMs);
    // Room for a relay on its default timeout to fail on the bound above.
  }, 2 * DEFAULT_RELAY_OPTIONS.timeoutMs);
});

/** mulberry32: a tiny deterministic PRNG, so the "random" bodies are the same every run. */
const RANDOM_SEED = 0x5eedc0de;
const randomBytes = (seed: number, length: number): Buffer => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)));
};

/** The forwarded OTLP/JSON export, parsed. */
const forwardedJson = (body: Buffer | undefined): JsonExport => JSON.parse(body?.toString() ?? '') as JsonExport;

/** `depth` nested arrays: `[[[...]]]`. */
const nestedArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe(`trace relay: hostile payloads (random bodies from seed 0x${RANDOM_SEED.toString(16)})`, () => {
  const LENGTHS = [1, 2, 7, 64, 1_000, 4_096, 65_536, 500_000];
  it.each(LENGTHS.map((length, index) => [length, randomBytes(RANDOM_SEED + index, length)] as const))(
    'refuses %i random bytes with 400, sent as protobuf or as JSON',
    async (_length, body) => {
      await refuses((app) => post(app, body, 'application/x-protobuf'), 400, 'invalid_request');
      await refuses((app) => post(app, body, 'application/json'), 400, 'invalid_request');
    },
  );

  it.each([
    ['resourceSpans as an object', '{"resourceSpans":{}}'],
    ['resourceSpans as a string', '{"resourceSpans":"frontend-react-js"}'],
    ['a null resourceSpans entry', '{"resourceSpans":[null]}'],
    ['an array as resourceSpans entry', '{"resourceSpans":[[]]}'],
    ['a number too big for a double', '1e999'],
    ['null', 'null'],
    ['a string', '"resourceSpans"'],
    ['resourceSpans under __proto__', '{"__proto__":{"resourceSpans":[{}]}}'],
    ['resourceSpans under constructor.prototype', '{"constructor":{"prototype":{"resourceSpans":[{}]}}}'],
    ['an attribute key that is a number', '{"resourceSpans":[{"resource":{"attributes":[{"key":1,"value":{}}]}}]}'],
    ['UTF-16 text', Buffer.from('{"resourceSpans":[{}]}', 'utf16le')],
    ['a byte-order mark before the JSON', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"resourceSpans":[{}]}')])],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ['JSON followed by garbage', '{"resourceSpans":[{}]}{"resourceSpans":[{}]}'],
  ])('refuses JSON that is %s with 400, and Object.prototype stays clean', async (_case, body) => {
    await refuses((app) => post(app, body, 'application/json'), 400, 'invalid_request');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('resourceSpans');
    expect(({} as Record<string, unknown>).resourceSpans).toBeUndefined();
  });

  it.each([
    ['scopeSpans nested 100,000 levels deep', `{"resourceSpans":[{"scopeSpans":${nestedArrays(100_000)}}]}`],
    ['an attribute value nested 65 levels deep', `{"resourceSpans":[{"resource":{"attributes":[{"key":"a","value":${nestedArrays(61)}}]}}]}`],
    ['a top level nested 200,000 levels deep', nestedArrays(200_000)],
  ])('refuses JSON with %s with 400 rather than overflowing the stack', async (_case, body) => {
    const res = await refuses((app) => post(app, body, 'application/json'), 400, 'invalid_request');
    expect(res.json()).toMatchObject({ message: 'Not an OTLP trace export: the JSON nests deeper than 64 levels' });
  });

  it('takes JSON nested exactly 64 levels deep', async () => {
    const receiver = await startReceiver();
    const app = await relayTo(receiver.url);
    // {"resourceSpans":[{"resource":{"attributes":[{"value": is 6 levels; 58 arrays make 64.
    const body = `{"resourceSpans":[{"resource":{"attributes":[{"key":"a","value":${nestedArrays(58)}}]}}]}`;
    expect((await post(app, body, 'application/json')).statusCode).toBe(200);
    expect(receiver.received).toHaveLength(1);
  });

  it('refuses more than 64 resources in one export with 400, JSON or protobuf (each would grow by the pinned name); takes 64', async () => {
    const jsonWith = (count: number) => `{"resourceSpans":[${Array.from({ length: count }, () => '{}').join(',')}]}`;
    const protobufWith = (count: number) => Buffer.from(Array.from({ length: count }, () => [0x0a, 0x00]).flat());
    // Near the size limit: 170,000 empty resources would have become 16 MB forwarded with the server's key.
    await refuses((app) => post(app, jsonWith(170_000), 'application/json'), 400, 'invalid_request');
    await refuses((app) => post(app, protobufWith(250_000), 'application/x-protobuf'), 400, 'invalid_request');
    await refuses((app) => post(app, jsonWith(65), 'application/json'), 400, 'invalid_request');
    await refuses((app) => post(app, protobufWith(65), 'application/x-protobuf'), 400, 'invalid_request');

    const receiver = await startReceiver();
    const app = await relayTo(receiver.url);
    expect((await post(app, jsonWith(64), 'application/json')).statusCode).toBe(200);
    expect((await post(app, protobufWith(64), 'application/x-protobuf')).statusCode).toBe(200);
    expect(forwardedJson(receiver.received[0]?.body).resourceSpans).toHaveLength(64);
    expect(receiver.received).toHaveLength(2);
  });

  it.each(['application/json; charset=utf-8', 'application/json;charset=UTF-8', 'APPLICATION/JSON', 'application/json; charset="utf-8"', ' application/json '])(
    'accepts an export sent as %j, pinned and forwarded',
    async (contentType) => {
      const receiver = await startReceiver();
      const app = await relayTo(receiver.url);
      expect((await post(app, await forgedJson(), contentType)).statusCode).toBe(200);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]?.body.toString()).not.toContain('backend-flask');
    },
  );

  it('reads JSON as UTF-8 whatever charset it names (RFC 8259): UTF-16 claimed and sent is refused with 400', async () => {
    const body = Buffer.from((await forgedJson()).toString(), 'utf16le');
    await refuses((app) => post(app, body, 'application/json; charset=utf-16le'), 400, 'invalid_request');
  });

  it.each(['text/json', 'application/jsonx', 'application/json-seq', 'application/vnd.api+json', 'application/octet-stream', 'application/grpc', 'application/x-protobuf, application/json', 'application/json, text/plain'])(
    'refuses content-type %j with 415',
    async (contentType) => {
      await refuses(async (app) => post(app, await forgedJson(), contentType), 415, 'unsupported_media_type');
    },
  );

  it('pins service.name however an OTLP/JSON export forges it, and forwards resourceSpans only', async () => {
    const receiver = await startReceiver();
    const app = await relayTo(receiver.url);
    const forged = { key: 'service.name', value: { stringValue: 'backend-flask' } };
    const smuggled = [{ resource: { attributes: [forged] }, scopeSpans: [{ spans: [{ name: 'smuggled' }] }] }];
    // Written out by hand: an escaped key, a duplicated key, a non-string value, and `resource_spans`,
    // which the OpenTelemetry Collector reads as well as `resourceSpans`.
    const body = `{
      "resourceSpans": [{"resource": {"attributes": [${JSON.stringify(forged)}]}}],
      "resourceSpans": [{"resource": {"attributes": [
        {"key": "service\\u002ename", "value": {"stringValue": "backend-flask"}},
        {"key": "service.name", "value": {"intValue": "7"}},
        {"key": "deployment.environment", "value": {"stringValue": "dev"}}
      ]}, "scopeSpans": [{"spans": [{"name": "kept"}]}]}],
      "resource_spans": ${JSON.stringify(smuggled)},
      "ResourceSpans": ${JSON.stringify(smuggled)}
    }`;

    expect((await post(app, body, 'application/json')).statusCode).toBe(200);

    const text = receiver.received[0]?.body.toString() ?? '';
    expect(text).not.toContain('backend-flask');
    expect(text).not.toContain('smuggled');
    const sent = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(sent)).toEqual(['resourceSpans']);
    expect(forwardedJson(receiver.received[0]?.body).resourceSpans[0]?.resource?.attributes).toEqual([
      { key: 'deployment.environment', value: { stringValue: 'dev' } },
      { key: 'service.name', value: { stringValue: 'frontend-react-js' } },
    ]);
    expect((await app.inject({ url: '/api/activities/home' })).statusCode).toBe(200);
  });

  it.each([
    ['OTLP/JSON', 'application/json', jsonBody],
    ['OTLP/protobuf', 'application/x-protobuf', protobufBody],
  ])('pins a service.name a span carries as its own attribute, its event’s or its link’s (%s)', async (_format, contentType, encodeSpans) => {
    const receiver = await startReceiver();
    const app = await relayTo(receiver.url);
    expect((await post(app, encodeSpans(await spanForgingItsService()), contentType)).statusCode).toBe(200);

    const bytes = receiver.received[0]?.body ?? Buffer.alloc(0);
    expect(bytes.toString('latin1')).not.toContain('payments');
    // Decoded by an independent OTLP receiver: the span's other attributes are kept.
    const viewer = await startTraceViewer({ port: 0 });
    onTestFinished(() => viewer.close());
    const stored = await fetch(`${viewer.url}/v1/traces`, { method: 'POST', headers: { 'content-type': contentType }, body: bytes });
    expect(stored.status).toBe(200);
    const [forging] = viewer.store.list().flatMap(({ traceId }) => [...(viewer.store.get(traceId)?.spans.values() ?? [])]).filter(({ name }) => name === 'forging');
    expect(forging?.attributes).toEqual({ 'service.name': 'frontend-react-js', 'app.action': 'open-home' });
    expect(forging?.events.map(({ attributes }) => attributes)).toEqual([{ 'service.name': 'frontend-react-js', 'app.step': 1 }]);
    expect(forging?.links.map(({ attributes }) => attributes)).toEqual([{ 'service.name': 'frontend-react-js' }]);
  });

  it('pins service.name in a protobuf ResourceSpans that repeats its resource field, each forging the name', async () => {
    const receiver = await startReceiver();
    const app = await relayTo(receiver.url);
    const forgedAttribute = len(1, [...len(1, Buffer.from('service.name')), ...len(2, len(1, Buffer.from('backend-flask')))]);
    const resourceSpans = [...len(1, forgedAttribute), ...len(1, forgedAttribute)];
    expect((await post(app, Buffer.from(len(1, resourceSpans)), 'application/x-protobuf')).statusCode).toBe(200);
    const bytes = receiver.received[0]?.body.toString('latin1') ?? '';
    expect(bytes).not.toContain('backend-flask');
    expect(bytes.split('frontend-react-js')).toHaveLength(3);
  });
});
