import { Writable } from 'node:stream';
import type { Env } from '@cruddur/config';
import { SPAN } from '@cruddur/telemetry-conventions';
import { SpanKind } from '@opentelemetry/api';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp, type BuildOptions } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ROLLBAR_REQUEST_TIMEOUT_MS } from '../src/rollbar/notifier.js';
import { traceServerRequests } from '../src/telemetry/server-span.js';
import { jsonBody, recordSpans } from './browser-spans.js';
import { START, postJson, testApp } from './helpers.js';
import { deadRollbarEndpoint, startRollbarReceiver, type ReceivedItem } from './rollbar-receiver.js';
import { recordSpansInProcess } from './in-process-tracing.js';

// The SDK in-process with the API's own SERVER spans, from Fastify's hooks
// as instrumentation.ts starts them: every app built from here on has them.
const exporter = recordSpansInProcess();
traceServerRequests();

const TOKEN = 'post-server-item-token-abcd';
const FRONTEND = 'http://localhost:3000';
const FAULT = { 'x-cruddur-fault': '500' };

/** A pino stream that keeps every line. */
const logLines = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
};

/**
 * An app reporting to `rollbar`, as tests run it. `allSent()` closes it and
 * returns every item Rollbar got: closing waits until the SDK has Rollbar's
 * answer to each item it was handed (as at shutdown), so no item, a
 * duplicate included, can still be on its way. If that wait runs out, the
 * app says so, and that fails here.
 */
const rollbarApp = async (
  rollbar: { readonly endpoint: string; readonly received: readonly ReceivedItem[] },
  { env = {}, ...options }: BuildOptions & { env?: Env } = {},
) => {
  const { lines, stream } = logLines();
  const app = await testApp({
    ...options,
    env: { ROLLBAR_ACCESS_TOKEN: TOKEN, ROLLBAR_ENDPOINT: rollbar.endpoint, ...env },
    logger: { level: 'warn', stream },
  });
  const allSent = async () => {
    await app.close();
    expect(lines.filter((line) => line.includes('Rollbar: items still unsent')), 'items still unsent when the app closed').toEqual([]);
    return rollbar.received;
  };
  return { app, allSent };
};

/** As rollbarApp, fault injection on, environment "test". */
const reportingApp = (rollbar: Parameters<typeof rollbarApp>[0], env: Env = {}) =>
  rollbarApp(rollbar, { env: { ROLLBAR_ENVIRONMENT: 'test', CRUDDUR_FAULT_INJECTION: '1', ...env } });

/** A traced caller (the browser's fetch span): the API's SERVER span continues its trace. */
const CALLER = { traceId: '6740a1b2c3d4e5f6a7b8c9d0e1f2a3b4', spanId: 'b7ad6b7169203331' };
const traced = (headers: Record<string, string> = {}) => ({ ...headers, traceparent: `00-${CALLER.traceId}-${CALLER.spanId}-01` });

/** The one SERVER span the app made, read once the app has closed; it continues CALLER's trace. */
const serverSpan = () => {
  const servers = exporter.getFinishedSpans().filter(({ kind }) => kind === SpanKind.SERVER);
  expect(servers).toHaveLength(1);
  const [server] = servers;
  if (!server) throw new Error('no SERVER span');
  expect(server.spanContext().traceId).toBe(CALLER.traceId);
  expect(server.parentSpanContext?.spanId).toBe(CALLER.spanId);
  return server.spanContext();
};

const SECRETS = {
  authorization: 'Bearer secret-token-1234',
  honeycomb: 'hcaik_secret-honeycomb-5678',
  cookie: 'session=secret-cookie-9012',
  apiKeyHeader: 'secret-api-key-header-3456',
  password: 'secret-password-7890',
  nestedToken: 'secret-nested-token-2468',
  queryKey: 'secret-query-key-1357',
};

/**
 * A route of the shape a sign-in will have, failing: the app's hooks report
 * it like any other. (Kept away from SECRETS: the SDK sends the source lines
 * around each frame.)
 */
const addFailingSignIn = (app: FastifyInstance): void => {
  app.post('/api/sessions', () => {
    throw new Error('sign-in store unavailable');
  });
};

const onlyItem = (received: readonly ReceivedItem[]): ReceivedItem => {
  expect(received).toHaveLength(1);
  const [first] = received;
  if (!first) throw new Error('no item');
  return first;
};

describe('5xx reporting to Rollbar', () => {
  it('reports a 500 thrown in a use case once, level error, with the trace and span ids of the request', async () => {
    const rollbar = await startRollbarReceiver();
    const { app, allSent } = await reportingApp(rollbar);

    const response = await app.inject({ url: '/api/activities/home', headers: traced(FAULT) });

    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'internal_error', message: 'Something went wrong on our side' });
    const { item, headers } = onlyItem(await allSent());
    const span = serverSpan();
    expect(headers['x-rollbar-access-token']).toBe(TOKEN);
    expect(item.data.level).toBe('error');
    expect(item.data.environment).toBe('test');
    expect(item.data.context).toBe('/api/activities/home');
    expect(item.data.body.trace_chain?.[0]?.exception).toEqual({
      class: 'InjectedFault',
      message: `fault injected into ${SPAN.homeActivitiesMockData} (x-cruddur-fault: 500)`,
    });
    expect(item.data.body.trace_chain?.[0]?.frames.some(({ filename }) => filename.endsWith('/src/services/traced.ts'))).toBe(true);
    expect(item.data.custom).toMatchObject({ trace_id: span.traceId, span_id: span.spanId, status_code: 500 });
    expect(item.data.custom).not.toHaveProperty('honeycomb_trace_url');
    expect(item.data.request).toMatchObject({ method: 'GET', url: 'http://localhost:80/api/activities/home' });
  });

  it('reports a 5xx answered without a throw (the relay’s 502) once, by route and status', async () => {
    const rollbar = await startRollbarReceiver();
    const { app, allSent } = await rollbarApp(rollbar, {
      relay: {
        destination: { enabled: true, destination: 'otlp', url: await deadRollbarEndpoint(), protocol: 'http/json', headers: {} },
      },
    });

    const response = await app.inject({
      method: 'POST',
      url: '/v1/traces',
      headers: { origin: FRONTEND, 'content-type': 'application/json' },
      payload: jsonBody(await recordSpans({ 'service.name': 'frontend-react-js' }, ['click'])),
    });

    expect(response.statusCode).toBe(502);
    const { item } = onlyItem(await allSent());
    expect(item.data.level).toBe('error');
    expect(item.data.body.message?.body).toBe('POST /v1/traces answered 502');
    expect(item.data.custom).toMatchObject({ status_code: 502 });
    expect(item.data.environment).toBe('development');
  });

  it('scrubs credentials from headers, query and body: none of their values is anywhere in the item', async () => {
    const rollbar = await startRollbarReceiver();
    const { app, allSent } = await reportingApp(rollbar);
    addFailingSignIn(app);

    const response = await app.inject({
      method: 'POST',
      url: `/api/sessions?api_key=${SECRETS.queryKey}&page=2`,
      headers: {
        authorization: SECRETS.authorization,
        'x-honeycomb-team': SECRETS.honeycomb,
        cookie: SECRETS.cookie,
        'x-api-key': SECRETS.apiKeyHeader,
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ handle: 'andrewbrown', password: SECRETS.password, device: { refresh_token: SECRETS.nestedToken } }),
    });

    expect(response.statusCode).toBe(500);
    const { raw, item } = onlyItem(await allSent());
    for (const secret of Object.values(SECRETS)) expect(raw).not.toContain(secret);
    expect(raw).not.toContain(TOKEN);
    // What is not secret stays readable.
    expect(item.data.request?.headers['content-type']).toBe('application/json');
    expect(raw).toContain('andrewbrown');
    expect(item.data.request?.url).toContain('page=2');
    expect(item.data.body.trace_chain?.[0]?.exception.message).toBe('sign-in store unavailable');
  });

  it('links the trace in Honeycomb when traces go there', async () => {
    const rollbar = await startRollbarReceiver();
    const { app, allSent } = await reportingApp(rollbar, {
      HONEYCOMB_API_KEY: 'hcaik_key',
      HONEYCOMB_TEAM: 'cruddur',
      HONEYCOMB_ENVIRONMENT: 'dev',
    });

    await app.inject({ url: '/api/message_groups', headers: traced(FAULT) });

    const url = new URL(String(onlyItem(await allSent()).item.data.custom?.honeycomb_trace_url));
    const span = serverSpan();
    expect(`${url.origin}${url.pathname}`).toBe('https://ui.honeycomb.io/cruddur/environments/dev/datasets/backend-flask/trace');
    expect(url.searchParams.get('trace_id')).toBe(span.traceId);
    expect(url.searchParams.get('span')).toBe(span.spanId);
  });

  it.each<[string, InjectOptions, number]>([
    ['an unknown route', { url: '/api/nothing-here' }, 404],
    ['a missing crud', { url: '/api/activities/00000000-0000-0000-0000-000000000000' }, 404],
    ['a blank search', { url: '/api/activities/search?term=' }, 422],
    ['malformed JSON', { method: 'POST', url: '/api/activities', headers: { 'content-type': 'application/json' }, payload: '{' }, 400],
  ])('never reports a 4xx: %s', async (_name, request, status) => {
    const rollbar = await startRollbarReceiver();
    const { app, allSent } = await reportingApp(rollbar);

    expect((await app.inject(request)).statusCode).toBe(status);
    // The warning shows that the app reports at all; the 4xx alone must send nothing.
    expect((await app.inject({ url: '/rollbar/test' })).statusCode).toBe(200);
    expect((await allSent()).map(({ item }) => item.data.level)).toEqual(['warning']);
  });

  it('GET /rollbar/test sends the warning "Hello World!" and answers it as text', async () => {
    const rollbar = await startRollbarReceiver();
    const { app, allSent } = await reportingApp(rollbar);

    const response = await app.inject({ url: '/rollbar/test', headers: traced() });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toBe('Hello World!');
    const { item } = onlyItem(await allSent());
    const span = serverSpan();
    expect(item.data.level).toBe('warning');
    expect(item.data.body.message?.body).toBe('Hello World!');
    expect(item.data.custom).toMatchObject({ trace_id: span.traceId, span_id: span.spanId });
  });

  it('keeps answering at once when Rollbar hangs, and logs a failure once per interval when it is down', async () => {
    const hanging = await startRollbarReceiver({ mode: 'hang' });
    const { app } = await reportingApp(hanging);
    for (let i = 0; i < 20; i += 1) {
      const started = Date.now();
      expect((await app.inject({ url: '/api/activities/home', headers: FAULT })).statusCode).toBe(500);
      expect((await app.inject({ url: '/api/activities/home' })).statusCode).toBe(200);
      // Held up by Rollbar, a request would wait out the SDK request's timeout; half of it leaves a loaded machine ample room.
      expect(Date.now() - started, `requests ${String(2 * i + 1)} and ${String(2 * i + 2)}`).toBeLessThan(ROLLBAR_REQUEST_TIMEOUT_MS / 2);
    }
    await hanging.waitForItems(20);

    const { lines, stream } = logLines();
    const down = await buildApp(
      loadConfig({ ROLLBAR_ACCESS_TOKEN: TOKEN, ROLLBAR_ENDPOINT: await deadRollbarEndpoint(), CRUDDUR_FAULT_INJECTION: '1' }),
      { logger: { level: 'info', stream }, clock: () => START },
    );
    for (let i = 0; i < 5; i += 1) {
      expect((await down.inject({ url: '/api/message_groups', headers: FAULT })).statusCode).toBe(500);
    }
    // Closing waits for the five sends to fail.
    await down.close();
    // The first failure at once, the other four summed up when the app closes (within the 30 s interval).
    const failing = lines.filter((line) => line.includes('backend-flask: export to Rollbar http://127.0.0.1:'));
    expect(failing).toEqual([
      expect.stringMatching(/ failing: ECONNREFUSED: unreachable: check ROLLBAR_ENDPOINT; 1 failure, 1 items dropped since the last line"/) as unknown,
      expect.stringMatching(/ failing: ECONNREFUSED: unreachable: check ROLLBAR_ENDPOINT; 4 failures, 4 items dropped since the last line"/) as unknown,
    ]);
    // Past the SDK request's timeout: a request held up fails on its own bound above, not on the test's timeout.
  }, 2 * ROLLBAR_REQUEST_TIMEOUT_MS);

  it('sends the items still queued before the app finishes closing', async () => {
    const rollbar = await startRollbarReceiver({ delayMs: 300 });
    const app = await buildApp(
      loadConfig({ ROLLBAR_ACCESS_TOKEN: TOKEN, ROLLBAR_ENDPOINT: rollbar.endpoint, CRUDDUR_FAULT_INJECTION: '1' }),
      { logger: false, clock: () => START },
    );

    expect((await postJson(app, '/api/messages', { message: 'hi', user_receiver_handle: 'worf' })).statusCode).toBe(201);
    const faulted = await app.inject({
      method: 'POST',
      url: '/api/messages',
      headers: { ...FAULT, 'content-type': 'application/json' },
      payload: JSON.stringify({ message: 'hi', user_receiver_handle: 'worf' }),
    });
    expect(faulted.statusCode).toBe(500);
    await app.close();

    // Rollbar takes 300 ms to answer: close waited for it.
    expect(rollbar.answered()).toBe(1);
    const { item } = onlyItem(rollbar.received);
    expect(item.data.body.trace_chain?.[0]?.exception.class).toBe('InjectedFault');
    // A direct message's text stays with its users, as in the traces.
    expect(item.data.request?.POST).toEqual({ message: '[message of 2 characters]', user_receiver_handle: 'worf' });
  });
});

describe('with ROLLBAR_ACCESS_TOKEN unset', () => {
  it('starts no SDK, sends nothing, says so in one log line, and /rollbar/test still answers', async () => {
    const rollbar = await startRollbarReceiver();
    const { lines, stream } = logLines();
    const app = await buildApp(loadConfig({ ROLLBAR_ENDPOINT: rollbar.endpoint, CRUDDUR_FAULT_INJECTION: '1' }), {
      logger: { level: 'info', stream },
      clock: () => START,
    });

    expect((await app.inject({ url: '/api/activities/home', headers: FAULT })).statusCode).toBe(500);
    const test = await app.inject({ url: '/rollbar/test' });
    expect([test.statusCode, test.body]).toEqual([200, 'Hello World!']);
    // An SDK started without a token throws from the timer that sends its first item; closing
    // waits until any SDK the app holds has sent its items, so one would have thrown by now.
    await app.close();

    expect(rollbar.received).toHaveLength(0);
    expect(lines.filter((line) => line.includes('Rollbar off: ROLLBAR_ACCESS_TOKEN is not set'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('Rollbar off: /rollbar/test sent nothing'))).toHaveLength(1);
  });
});
