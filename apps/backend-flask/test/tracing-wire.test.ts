import { SERVICE, SPAN, ATTR } from '@cruddur/telemetry-conventions';
import { startTraceViewer, type TraceViewer } from '@cruddur/trace-viewer';
import { describe, expect, it, onTestFinished } from 'vitest';
import { jsonBody, recordSpans } from './browser-spans.js';
import { startReceiver } from './otlp-receiver.js';
import { runUntilExit, startServer, waitFor } from './server-process.js';

/**
 * The built server as `pnpm start` runs it, exporting over real HTTP: one
 * process per scenario, each checked at the receiving end.
 */

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN_ID = 'b7ad6b7169203331';
const TRACEPARENT = `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`;
const FRONTEND = 'http://localhost:3000';
const HONEYCOMB_KEY = 'hcaik_01testtesttesttesttesttesttesttesttesttesttesttesttestkey9876';
const CLEAN_EXIT = { code: 0, signal: null };
const SCENARIO_TIMEOUT_MS = 30_000;

const getHome = (base: string) => fetch(`${base}/api/activities/home`, { headers: { traceparent: TRACEPARENT } });

const relayBrowserSpans = async (base: string) =>
  fetch(`${base}/v1/traces`, {
    method: 'POST',
    headers: { origin: FRONTEND, 'content-type': 'application/json' },
    body: jsonBody(await recordSpans({ 'service.name': SERVICE.frontend }, ['open-home'])),
  });

const startViewer = async (): Promise<TraceViewer> => {
  const viewer = await startTraceViewer({ port: 0 });
  onTestFinished(() => viewer.close());
  return viewer;
};

const spansOf = (viewer: TraceViewer, service: string) =>
  viewer.store
    .list()
    .flatMap(({ traceId }) => [...(viewer.store.get(traceId)?.spans.values() ?? [])])
    .filter((span) => span.resource['service.name'] === service);

interface JsonExport {
  resourceSpans: { scopeSpans: { spans: { name: string; traceId: string }[] }[] }[];
}

describe('tracing in the built server', () => {
  it(
    'exports one SERVER span per request, named by route, under the caller; preflights and the relay stay untraced; SIGTERM flushes',
    async () => {
      const viewer = await startViewer();
      // A minute's batching: spans the viewer holds after SIGTERM came from the shutdown flush.
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: viewer.url, OTEL_BSP_SCHEDULE_DELAY: '60000' });

      // First, while the API holds no span: relaying sends whatever it holds (see the next test).
      expect((await relayBrowserSpans(server.url)).status).toBe(200);
      expect(spansOf(viewer, SERVICE.frontend).map(({ name }) => name)).toEqual(['open-home']);
      expect((await getHome(server.url)).status).toBe(200);
      const preflight = await fetch(`${server.url}/api/activities`, {
        method: 'OPTIONS',
        headers: { origin: FRONTEND, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,traceparent' },
      });
      expect(preflight.status).toBe(204);
      expect((await fetch(`${server.url}/api/health-check`)).status).toBe(200);
      // The API's own spans are still batched.
      expect(spansOf(viewer, SERVICE.backend)).toHaveLength(0);

      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      const spans = spansOf(viewer, SERVICE.backend);
      // Only the home request's trace: no span for the preflight, the health check, the relay or its forward.
      expect(spans.map(({ traceId }) => traceId)).toEqual(spans.map(() => TRACE_ID));
      // The SERVER span and the use case's span under it: nothing in between.
      expect(spans.map(({ name, kind }) => `${kind} ${name}`).sort()).toEqual([
        `INTERNAL ${SPAN.homeActivitiesMockData}`,
        'SERVER GET /api/activities/home',
      ]);

      const serverSpan = spans.find(({ kind }) => kind === 'SERVER');
      expect(serverSpan?.parentSpanId).toBe(CALLER_SPAN_ID);
      expect(serverSpan?.attributes).toMatchObject({
        'http.route': '/api/activities/home',
        'http.request.method': 'GET',
        'http.response.status_code': 200,
        'url.path': '/api/activities/home',
      });

      const mockData = spans.find(({ name }) => name === SPAN.homeActivitiesMockData);
      expect(mockData?.attributes[ATTR.resultLength]).toBe(3);
      const now = mockData?.attributes[ATTR.now];
      expect(typeof now === 'string' && Date.now() - Date.parse(now)).toBeLessThan(60_000);
      expect(mockData?.parentSpanId).toBe(serverSpan?.spanId);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'relaying a browser batch sends the API’s queued spans with it, a minute before their batch timer',
    async () => {
      const viewer = await startViewer();
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: viewer.url, OTEL_BSP_SCHEDULE_DELAY: '60000' });
      expect((await getHome(server.url)).status).toBe(200);
      expect(spansOf(viewer, SERVICE.backend)).toHaveLength(0);

      expect((await relayBrowserSpans(server.url)).status).toBe(200);
      // 10 s is slack for a loaded machine, and still far below the batch timer's minute.
      await waitFor(
        () => spansOf(viewer, SERVICE.backend).length === 2,
        10_000,
        () => `the home request's two spans, flushed by the relay; got ${String(spansOf(viewer, SERVICE.backend).length)}`,
      );
      expect(spansOf(viewer, SERVICE.backend).map(({ traceId }) => traceId)).toEqual([TRACE_ID, TRACE_ID]);
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'names a POST by its route too, with the use case span right under it; an unmatched path keeps the bare method',
    async () => {
      const viewer = await startViewer();
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: viewer.url, OTEL_BSP_SCHEDULE_DELAY: '60000' });
      const posted = await fetch(`${server.url}/api/activities`, {
        method: 'POST',
        headers: { traceparent: TRACEPARENT, 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'traced', ttl: '1-day' }),
      });
      expect(posted.status).toBe(201);
      expect((await fetch(`${server.url}/api/nowhere`)).status).toBe(404);
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      const spans = spansOf(viewer, SERVICE.backend);
      const post = spans.find(({ kind, traceId }) => kind === 'SERVER' && traceId === TRACE_ID);
      expect(post?.name).toBe('POST /api/activities');
      expect(post?.attributes).toMatchObject({ 'http.route': '/api/activities', 'http.response.status_code': 201 });
      const create = spans.find(({ name }) => name === SPAN.createActivity);
      expect(create?.parentSpanId).toBe(post?.spanId);
      const unmatched = spans.find(({ kind, traceId }) => kind === 'SERVER' && traceId !== TRACE_ID);
      expect(unmatched?.name).toBe('GET');
      expect(unmatched?.attributes).toMatchObject({ 'url.path': '/api/nowhere', 'http.response.status_code': 404 });
      expect(unmatched?.attributes).not.toHaveProperty(['http.route']);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'sends to Honeycomb as protobuf with the team header on its 200 ms batch timer, relays with the same key, never prints it',
    async () => {
      const receiver = await startReceiver();
      const server = await startServer({ HONEYCOMB_API_KEY: HONEYCOMB_KEY, HONEYCOMB_API_ENDPOINT: receiver.url });
      expect(server.stdout()).toContain(`honeycomb: ${receiver.url}/v1/traces (http/protobuf; headers x-honeycomb-team=****9876)`);

      expect((await getHome(server.url)).status).toBe(200);
      // The batch goes 200 ms after the span ends. 3 s leaves a loaded machine room for a cold process's
      // first export, yet stays under the SDK's default 5 s delay: an export that lost the 200 ms fails here.
      await waitFor(() => receiver.received.length > 0, 3_000, () => 'no export within 3 s of the response (the batch delay is 200 ms)');
      const [exported] = receiver.received;
      expect(exported?.url).toBe('/v1/traces');
      expect(exported?.headers['x-honeycomb-team']).toBe(HONEYCOMB_KEY);
      expect(exported?.headers['content-type']).toBe('application/x-protobuf');

      expect((await relayBrowserSpans(server.url)).status).toBe(200);
      const relayed = receiver.received.filter(({ headers }) => headers['content-type'] === 'application/json');
      expect(relayed).toHaveLength(1);
      expect(relayed[0]?.headers['x-honeycomb-team']).toBe(HONEYCOMB_KEY);

      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);
      expect(server.stdout()).not.toContain(HONEYCOMB_KEY);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'exports OTLP/JSON with OTEL_EXPORTER_OTLP_PROTOCOL=http/json',
    async () => {
      const receiver = await startReceiver();
      const server = await startServer({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
      expect((await getHome(server.url)).status).toBe(200);
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      expect(receiver.received.length).toBeGreaterThan(0);
      expect(receiver.received.map(({ headers }) => headers['content-type'])).toEqual(receiver.received.map(() => 'application/json'));
      const names = receiver.received.flatMap(({ body }) =>
        (JSON.parse(body.toString()) as JsonExport).resourceSpans.flatMap(({ scopeSpans }) =>
          scopeSpans.flatMap(({ spans }) => spans.map(({ name, traceId }) => `${traceId} ${name}`)),
        ),
      );
      expect(names).toContain(`${TRACE_ID} GET /api/activities/home`);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'sends nothing with OTEL_SDK_DISABLED=true, relayed spans included',
    async () => {
      const receiver = await startReceiver();
      const server = await startServer({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
      expect(server.stdout()).toContain('backend-flask: tracing off (OTEL_SDK_DISABLED=true)');

      expect((await getHome(server.url)).status).toBe(200);
      expect((await relayBrowserSpans(server.url)).status).toBe(200);
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      // Nothing to wait for: with tracing on, the relay forwards before it answers and SIGTERM
      // flushes the batch before the process exits (the first test), so it would all be here by now.
      expect(receiver.received).toHaveLength(0);
      expect(server.stdout()).not.toContain('trace_id');
    },
    SCENARIO_TIMEOUT_MS,
  );

  it.each([
    [{ OTEL_TRACES_SAMPLER: 'sometimes' }, 'OTEL_TRACES_SAMPLER must be one of'],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '2' }, 'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1'],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, 'OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported'],
  ])(
    'refuses to start on %o with one line naming the variable',
    async (env, message) => {
      const run = await runUntilExit(env);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^backend-flask failed to start: ${message}[^\\n]*\\n$`));
      expect(run.stdout).not.toContain('listening');
    },
    SCENARIO_TIMEOUT_MS,
  );
});
