import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTraceViewer, type TraceViewer } from '../src/index.js';
import { WireReader } from '@cruddur/protobuf-wire';
import { send } from './support/http.js';
import { anyValue, hexBytes, keyValue, pb, request } from './support/proto-writer.js';

const LIMIT = 64 * 1024;
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

const protobufBody = request([keyValue('service.name', anyValue.string('backend-flask'))], pb.string(1, 'test'), [
  [
    ...pb.bytes(1, hexBytes(TRACE_ID)),
    ...pb.bytes(2, hexBytes('b7ad6b7169203331')),
    ...pb.string(5, 'GET /api/activities/home'),
    ...pb.varint(6, 2),
    ...pb.fixed64(7, 1_700_000_000_000_000_000n),
    ...pb.fixed64(8, 1_700_000_000_010_000_000n),
  ],
]);

const jsonBody = JSON.stringify({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'frontend-react-js' } }] },
      scopeSpans: [
        {
          scope: { name: 'test' },
          spans: [
            {
              traceId: TRACE_ID,
              spanId: '00f067aa0ba902b7',
              name: 'click',
              kind: 1,
              startTimeUnixNano: '1699999999990000000',
              endTimeUnixNano: '1700000000020000000',
            },
          ],
        },
      ],
    },
  ],
});

/** google.rpc.Status { code = 1; message = 2 } read back from a protobuf error body. */
const rpcStatus = (body: Uint8Array): { code: number; message: string } => {
  const reader = new WireReader(body);
  const status = { code: 0, message: '' };
  for (const field of reader.fields()) {
    if (field.number === 1) status.code = reader.int32(field);
    else if (field.number === 2) status.message = reader.string(field);
    else reader.skip(field);
  }
  return status;
};

describe('OTLP/HTTP receiver', () => {
  let viewer: TraceViewer;
  let endpoint: string;

  beforeAll(async () => {
    viewer = await startTraceViewer({ port: 0, maxBodyBytes: LIMIT });
    endpoint = `${viewer.url}/v1/traces`;
  });
  afterAll(() => viewer.close());
  beforeEach(() => {
    viewer.store.clear();
  });

  const post = (contentType: string, body: Uint8Array | string | Uint8Array[], headers: Record<string, string> = {}) =>
    send(endpoint, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });

  it('accepts protobuf and answers with an empty protobuf ExportTraceServiceResponse', async () => {
    const res = await post('application/x-protobuf', protobufBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-protobuf');
    expect(res.body.length).toBe(0);
    expect(viewer.store.spanCount).toBe(1);
  });

  it('accepts JSON (with a charset parameter) and answers {}', async () => {
    const res = await post('application/json; charset=utf-8', jsonBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.body.toString())).toEqual({});
    expect(viewer.store.summary(TRACE_ID)?.rootName).toBe('click');
  });

  it('merges the two requests of one trace', async () => {
    await post('application/x-protobuf', protobufBody);
    await post('application/json', jsonBody);
    expect(viewer.store.summary(TRACE_ID)).toMatchObject({ spanCount: 2, services: ['frontend-react-js', 'backend-flask'] });
  });

  it('accepts gzip bodies, in both encodings', async () => {
    const proto = await post('application/x-protobuf', gzipSync(protobufBody), { 'content-encoding': 'gzip' });
    const json = await post('application/json', gzipSync(jsonBody), { 'content-encoding': 'gzip' });
    expect([proto.status, json.status]).toEqual([200, 200]);
    expect(viewer.store.spanCount).toBe(2);
  });

  it('answers a malformed protobuf body with 400 and a protobuf google.rpc.Status', async () => {
    for (const body of [protobufBody.subarray(0, protobufBody.length - 3), Buffer.from('garbage, not protobuf')]) {
      const res = await post('application/x-protobuf', body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/x-protobuf');
      const status = rpcStatus(res.body);
      expect(status.code).toBe(3);
      expect(status.message).toMatch(/invalid protobuf/);
    }
    expect(viewer.store.spanCount).toBe(0);
  });

  it.each([
    ['malformed JSON', '{"resourceSpans": ['],
    ['JSON that is not OTLP', '[{"hello": "world"}]'],
    ['OTLP with a bad trace id', jsonBody.replace(TRACE_ID, 'zz')],
  ])('answers %s with 400 and a JSON google.rpc.Status', async (_, body) => {
    const res = await post('application/json', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/json');
    const status = JSON.parse(res.body.toString()) as { code: number; message: string };
    expect(status.code).toBe(3);
    expect(status.message).not.toBe('');
  });

  it('answers a body that is not gzip although it says so with 400', async () => {
    const res = await post('application/json', jsonBody, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString())).toMatchObject({ message: 'request body is not valid gzip' });
  });

  it('answers other content types and encodings with 415', async () => {
    for (const [type, encoding] of [
      ['text/plain', 'identity'],
      ['application/protobuf+json', 'identity'],
      ['application/json', 'br'],
    ] as const) {
      const res = await post(type, jsonBody, { 'content-encoding': encoding });
      expect(res.status, `${type} ${encoding}`).toBe(415);
    }
    const untyped = await send(endpoint, { method: 'POST', body: jsonBody });
    expect(untyped.status).toBe(415);
  });

  it('answers bodies over the limit with 413: declared, chunked, or once gunzipped', async () => {
    const big = Buffer.alloc(LIMIT + 1, 0x20);
    const declared = await post('application/json', big);
    const chunked = await post('application/json', [big.subarray(0, LIMIT / 2), big.subarray(LIMIT / 2)]);
    const bomb = await post('application/json', gzipSync(Buffer.alloc(LIMIT * 4, 0x20)), { 'content-encoding': 'gzip' });
    expect([declared.status, chunked.status, bomb.status]).toEqual([413, 413, 413]);
    expect(JSON.parse(bomb.body.toString())).toMatchObject({ code: 8 });
    // The connection stays usable after a refused body.
    expect((await post('application/x-protobuf', protobufBody)).status).toBe(200);
  });

  it('allows only POST (and CORS preflight) on /v1/traces', async () => {
    const get = await send(endpoint);
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST, OPTIONS');
    const preflight = await send(endpoint, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
    });
    const posted = await post('application/json', jsonBody, { origin: 'http://localhost:3000' });
    expect(posted.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers unknown paths with 404', async () => {
    for (const path of ['/v1/metrics', '/v1/traces/extra', '/nope', '/api/nope']) {
      expect((await send(`${viewer.url}${path}`, { method: 'POST', body: '{}' })).status, path).toBe(404);
    }
  });
});
