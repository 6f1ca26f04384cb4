import { SPAN } from '@cruddur/telemetry-conventions';
import { diag, DiagLogLevel, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import Fastify from 'fastify';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { traceServerRequests } from '../src/telemetry/server-span.js';
import { postJson, testApp } from './helpers.js';
import { recordSpansInProcess } from './in-process-tracing.js';
import { waitFor } from './server-process.js';

// The SDK in-process with the API's own SERVER spans: every Fastify instance
// created from here on gets the hooks, as under instrumentation.ts.
const exporter = recordSpansInProcess();
traceServerRequests();

const TRACE_ID = '6740a1b2c3d4e5f6a7b8c9d0e1f2a3b4';
const CALLER = 'b7ad6b7169203331';
const traceparent = `00-${TRACE_ID}-${CALLER}-01`;

const serverSpans = () => exporter.getFinishedSpans().filter(({ kind }) => kind === SpanKind.SERVER);
const onlyServerSpan = () => {
  const spans = serverSpans();
  expect(spans).toHaveLength(1);
  const [span] = spans;
  if (!span) throw new Error('no SERVER span');
  return span;
};

describe('SERVER spans from Fastify hooks', () => {
  it('names the span by route from the start, continues the caller, and has the use case span right under it', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/api/activities/home', headers: { traceparent, 'user-agent': 'vitest' } });
    expect(res.statusCode).toBe(200);
    const server = onlyServerSpan();
    expect(server.name).toBe('GET /api/activities/home');
    expect(server.spanContext().traceId).toBe(TRACE_ID);
    expect(server.parentSpanContext?.spanId).toBe(CALLER);
    expect(server.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/api/activities/home',
      'http.response.status_code': 200,
      'url.scheme': 'http',
      'url.path': '/api/activities/home',
      'user_agent.original': 'vitest',
      'network.protocol.version': '1.1',
      'client.address': '127.0.0.1',
    });
    expect(server.attributes).not.toHaveProperty(['url.query']);
    expect(server.status.code).toBe(SpanStatusCode.UNSET);
    const useCase = exporter.getFinishedSpans().find(({ name }) => name === SPAN.homeActivitiesMockData);
    expect(useCase?.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
  });

  it('keeps the context across a POST body: the use case span is still the SERVER span child', async () => {
    const app = await testApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { traceparent, 'content-type': 'application/json' },
      payload: JSON.stringify({ message: 'traced', ttl: '1-day' }),
    });
    expect(res.statusCode).toBe(201);
    const server = onlyServerSpan();
    expect(server.name).toBe('POST /api/activities');
    expect(server.attributes['http.response.status_code']).toBe(201);
    const create = exporter.getFinishedSpans().find(({ name }) => name === SPAN.createActivity);
    expect(create?.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
  });

  it('gives an unmatched path the bare method and no route; a 4xx is no error on a SERVER span', async () => {
    const app = await testApp();
    expect((await app.inject({ url: '/api/nowhere?term=x&token=secret-value' })).statusCode).toBe(404);
    const server = onlyServerSpan();
    expect(server.name).toBe('GET');
    expect(server.attributes).not.toHaveProperty(['http.route']);
    expect(server.attributes).toMatchObject({ 'url.path': '/api/nowhere', 'http.response.status_code': 404 });
    expect(server.attributes['url.query']).toContain('term=x');
    expect(JSON.stringify(server.attributes)).not.toContain('secret-value');
    expect(server.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('marks a 5xx as an error', async () => {
    const app = await testApp({ env: { CRUDDUR_FAULT_INJECTION: '1' } });
    const res = await app.inject({ url: '/api/activities/home', headers: { 'x-cruddur-fault': '500' } });
    expect(res.statusCode).toBe(500);
    expect(onlyServerSpan().status.code).toBe(SpanStatusCode.ERROR);
  });

  it('leaves preflights, the health check and the relay untraced, and whatever they do too', async () => {
    const app = await testApp();
    await app.inject({ url: '/api/health-check' });
    await app.inject({ method: 'OPTIONS', url: '/api/activities', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } });
    await postJson(app, '/v1/traces', { resourceSpans: [] });
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it.each([
    [{ 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'x-forwarded-host': 'cruddur.example:8443' }, '203.0.113.7', 'cruddur.example', 8443],
    [{ forwarded: 'for="[2001:db8::7]:4711";host=api.example;proto=https', host: 'internal:4567' }, '2001:db8::7', 'api.example', 443],
    [{ 'x-forwarded-for': '198.51.100.4:5150', host: '[::1]:4567' }, '198.51.100.4', '[::1]', 4567],
    [{ host: 'localhost' }, '127.0.0.1', 'localhost', 80],
  ])('reads the client and server addresses from %o', async (headers, client, host, port) => {
    const app = await testApp();
    await app.inject({ url: '/api/activities/home', headers });
    expect(onlyServerSpan().attributes).toMatchObject({ 'client.address': client, 'server.address': host, 'server.port': port });
  });

  it.each([
    [{ 'x-forwarded-proto': 'https', host: 'cruddur.example' }, 'https', 443],
    [{ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'cruddur.example:8443' }, 'https', 8443],
    [{ forwarded: 'proto=http;host=api.example' }, 'http', 80],
    [{ 'x-forwarded-proto': 'gopher', host: 'cruddur.example' }, 'http', 80],
  ])('takes url.scheme and the default port from the same proxy header: %o', async (headers, scheme, port) => {
    const app = await testApp();
    await app.inject({ url: '/api/activities/home', headers });
    expect(onlyServerSpan().attributes).toMatchObject({ 'url.scheme': scheme, 'server.port': port });
  });

  it('ends the span as an error when the connection closes before the response', async () => {
    const app = Fastify();
    onTestFinished(() => app.close());
    let handling = false;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    app.get('/slow', async () => {
      handling = true;
      await released;
      return { done: true };
    });
    // Fastify writes the handler's late answer (to a closed socket) right after the onSend hooks.
    let answeredLate = false;
    app.addHook('onSend', (_request, _reply, payload, done) => {
      answeredLate = true;
      done(null, payload);
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    // The SDK ignores a second end() but warns through diag: listen for that.
    const warnings: string[] = [];
    diag.setLogger(
      { error: () => undefined, warn: (message) => warnings.push(message), info: () => undefined, debug: () => undefined, verbose: () => undefined },
      DiagLogLevel.WARN,
    );
    onTestFinished(() => {
      diag.disable();
    });
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n');
    });
    await waitFor(() => handling, 3_000, () => 'the request never reached the handler');
    socket.destroy();
    await waitFor(() => serverSpans().length > 0, 3_000, () => 'no SERVER span ended after the client hung up');
    const server = onlyServerSpan();
    expect(server.name).toBe('GET /slow');
    expect(server.status).toEqual({ code: SpanStatusCode.ERROR, message: 'the connection closed before the response was sent' });
    expect(server.attributes).not.toHaveProperty(['http.response.status_code']);
    // The handler finishing later does not touch it again.
    release();
    await waitFor(() => answeredLate, 3_000, () => 'the handler never answered');
    expect(serverSpans()).toHaveLength(1);
    expect(warnings).toEqual([]);
    // Room for the waits above to fail with their own message.
  }, 15_000);
});
