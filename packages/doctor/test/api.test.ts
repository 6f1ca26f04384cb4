import type { TraceExport } from '@cruddur/telemetry-config';
import { buildApp } from 'backend-flask/dist/app.js';
import { loadConfig } from 'backend-flask/dist/config.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkApi } from '../src/live/api.js';
import type { Env } from '../src/finding.js';
import { closedPort, json, startHttp, type Answer } from './servers.js';

const TIMEOUT_MS = 2_000;
const LOCALHOST_FRONTEND = 'http://localhost:3000';
const GITPOD_FRONTEND = 'https://3000-cruddur-abc123.ws-us1.gitpod.io';

/** The real API (apps/backend-flask's buildApp), on 127.0.0.1:<OS-assigned port>, closed when the test ends. */
const startApi = async (env: Env, relay: { destination?: TraceExport; maxPerMinute?: number } = {}): Promise<string> => {
  const app = await buildApp(loadConfig(env), { logger: false, relay });
  onTestFinished(() => app.close());
  return app.listen({ host: '127.0.0.1', port: 0 });
};

/** Where the API relays spans: an OTLP/HTTP receiver answering `status`. */
const destination = async (status = 200) => {
  const receiver = await startHttp(() => json(status, {}));
  const export_: TraceExport = { enabled: true, destination: 'otlp', url: `${receiver.url}/v1/traces`, protocol: 'http/json', headers: {} };
  return { receiver, export_ };
};

interface ForwardedExport {
  resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: { name: string }[] }[] }[];
}

describe('live checks against the running API', () => {
  it('passes a correctly configured API: preflight allowed, one span relayed to its destination', async () => {
    const { receiver, export_ } = await destination();
    const api = await startApi({}, { destination: export_ });

    const result = await checkApi({}, { api, timeoutMs: TIMEOUT_MS });

    expect(result.findings).toEqual([]);
    expect(result.statuses).toEqual([
      { integration: 'API (live)', on: true, target: `${api} answers (health check 200); CORS preflight from ${LOCALHOST_FRONTEND} allowed` },
      { integration: 'browser relay (live)', on: true, target: `POST ${api}/v1/traces from ${LOCALHOST_FRONTEND}: 200, spans accepted` },
    ]);
    // The doctor's payload is a real OTLP/JSON export: the API relayed it, service.name pinned.
    expect(receiver.received).toHaveLength(1);
    const forwarded = JSON.parse(receiver.received[0]?.body ?? '') as ForwardedExport;
    expect(forwarded.resourceSpans[0]?.scopeSpans[0]?.spans.map((span) => span.name)).toEqual(['cruddur-doctor relay check']);
    expect(forwarded.resourceSpans[0]?.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'frontend-react-js' } });
  });

  it('finds the API at BACKEND_URL and the browser at FRONTEND_URL, as the apps do', async () => {
    const api = await startApi({ FRONTEND_URL: GITPOD_FRONTEND });
    const result = await checkApi({ BACKEND_URL: api, FRONTEND_URL: GITPOD_FRONTEND }, { timeoutMs: TIMEOUT_MS });
    expect(result.findings).toEqual([]);
    expect(result.statuses[0]?.target).toContain(`CORS preflight from ${GITPOD_FRONTEND} allowed`);
  });

  it('refuses the preflight and the relay when FRONTEND_URL is not the browser origin, with the fix', async () => {
    const api = await startApi({ FRONTEND_URL: GITPOD_FRONTEND });

    const result = await checkApi({}, { api, timeoutMs: TIMEOUT_MS });

    expect(result.findings).toEqual([
      {
        id: 'cors-preflight-refused',
        level: 'error',
        integration: 'CORS / URLs',
        message: `a browser on ${LOCALHOST_FRONTEND} cannot call the API at ${api}: the preflight got no Access-Control-Allow-Origin`,
        fix: `start the API with FRONTEND_URL=${LOCALHOST_FRONTEND}, exactly the origin in the browser's address bar`,
      },
      {
        id: 'relay-forbidden-origin',
        level: 'error',
        integration: 'browser relay',
        message: `POST ${api}/v1/traces from ${LOCALHOST_FRONTEND} answered 403: Traces are accepted from ${GITPOD_FRONTEND} only`,
        fix: `start the API with FRONTEND_URL=${LOCALHOST_FRONTEND}: the relay takes spans from that origin only`,
      },
    ]);
    expect(result.statuses[0]?.target).toContain('refused');
    // --origin names the browser's origin when it is not FRONTEND_URL here.
    expect((await checkApi({}, { api, origin: GITPOD_FRONTEND, timeoutMs: TIMEOUT_MS })).findings).toEqual([]);
  });

  it('reports the relay rate limit as a warning', async () => {
    const api = await startApi({}, { maxPerMinute: 1 });
    const first = await fetch(`${api}/v1/traces`, { method: 'POST', headers: { origin: LOCALHOST_FRONTEND, 'content-type': 'application/json' }, body: '{"resourceSpans":[{}]}' });
    expect(first.status).toBe(200);

    const result = await checkApi({}, { api, timeoutMs: TIMEOUT_MS });

    expect(result.findings.map(({ id, level }) => ({ id, level }))).toEqual([{ id: 'relay-rate-limited', level: 'warning' }]);
    expect(result.findings[0]?.message).toBe(`POST ${api}/v1/traces from ${LOCALHOST_FRONTEND} answered 429: Too many trace exports: slow down`);
  });

  it("reports a relay whose destination refuses the spans, with the API's reason", async () => {
    const { export_ } = await destination(401);
    const api = await startApi({}, { destination: export_ });

    const result = await checkApi({}, { api, timeoutMs: TIMEOUT_MS });

    expect(result.findings).toEqual([
      expect.objectContaining({
        id: 'relay-destination-failed',
        level: 'error',
        message: `POST ${api}/v1/traces from ${LOCALHOST_FRONTEND} answered 502: The trace destination answered 401: the API could not pass the spans on`,
      }),
    ]);
  });

  it('says in one info line that the API is not running, and checks nothing else', async () => {
    const port = await closedPort();
    const api = `http://127.0.0.1:${String(port)}`;
    expect(await checkApi({}, { api, timeoutMs: TIMEOUT_MS })).toEqual({
      statuses: [],
      findings: [expect.objectContaining({ id: 'api-not-running', level: 'info', message: `API not running at ${api} (connection refused): live checks skipped` })],
    });
  });
});

describe('relay answers from whatever stands in front of the API', () => {
  /** Allows the preflight like the API does, and answers the relay with `relay`. */
  const proxy = (relay: Answer) =>
    startHttp((request) =>
      request.method === 'OPTIONS'
        ? { status: 204, headers: { 'access-control-allow-origin': LOCALHOST_FRONTEND, 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type, traceparent' } }
        : request.url === '/v1/traces'
          ? relay
          : json(200, { success: true }),
    );

  it.each([
    [json(403, { error: 'forbidden_origin', message: 'no' }), 'relay-forbidden-origin', 'error'],
    [json(415, { error: 'unsupported_media_type', message: 'Trace payloads must not be compressed' }), 'relay-unsupported-media-type', 'error'],
    [json(429, { error: 'rate_limited', message: 'slow down' }), 'relay-rate-limited', 'warning'],
    [json(500, { error: 'internal' }), 'relay-destination-failed', 'error'],
    [{ status: 503, body: 'Service Unavailable' }, 'relay-destination-failed', 'error'],
    [{ status: 404, body: 'Not Found' }, 'relay-unexpected-answer', 'error'],
  ])('diagnoses %j in one finding', async (answer, id, level) => {
    const server = await proxy(answer);
    const result = await checkApi({}, { api: server.url, timeoutMs: TIMEOUT_MS });
    expect(result.findings).toEqual([expect.objectContaining({ id, level, message: expect.stringContaining(`answered ${String(answer.status)}`) as unknown })]);
  });

  it.each([
    [{ 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' }, 'the API does not allow the request header(s) traceparent'],
    [{ 'access-control-allow-origin': 'http://localhost:3001', 'access-control-allow-headers': 'traceparent, content-type' }, 'the API allows http://localhost:3001, not http://localhost:3000'],
    [{ 'access-control-allow-origin': LOCALHOST_FRONTEND, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': '*' }, 'GET is not among the allowed methods (POST)'],
  ])('refuses the preflight answer %j', async (headers, problem) => {
    const server = await startHttp((request) => (request.method === 'OPTIONS' ? { status: 204, headers } : json(200, {})));
    const result = await checkApi({}, { api: server.url, timeoutMs: TIMEOUT_MS });
    expect(result.findings.map((finding) => finding.message)).toEqual([`a browser on ${LOCALHOST_FRONTEND} cannot call the API at ${server.url}: ${problem}`]);
  });
});
