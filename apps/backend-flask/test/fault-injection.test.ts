import { SPAN } from '@cruddur/telemetry-conventions';
import { SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { loadFaultInjection } from '../src/faults/config.js';
import { testApp } from './helpers.js';
import { recordSpansInProcess } from './in-process-tracing.js';

const exporter = recordSpansInProcess();

const FAULT = { 'x-cruddur-fault': '500' };
const FRONTEND = 'http://localhost:3000';
const ON = { CRUDDUR_FAULT_INJECTION: '1', NODE_ENV: 'test' };

const preflightHeaders = async (env: Record<string, string>) => {
  const app = await testApp({ env });
  const res = await app.inject({
    method: 'OPTIONS',
    url: '/api/activities/home',
    headers: { origin: FRONTEND, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-cruddur-fault' },
  });
  return res.headers['access-control-allow-headers'];
};

describe('fault injection, switched on outside production', () => {
  it('fails a request carrying x-cruddur-fault: 500 inside its use case, recorded on its span', async () => {
    const app = await testApp({ env: ON });
    const res = await app.inject({ url: '/api/activities/home', headers: FAULT });

    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal_error', message: 'Something went wrong on our side' });
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe(SPAN.homeActivitiesMockData);
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: `fault injected into ${SPAN.homeActivitiesMockData} (x-cruddur-fault: 500)` });
    expect(span?.events.map(({ name }) => name)).toEqual(['exception']);
  });

  it('fails a POST too, once its body is parsed, and leaves the store alone', async () => {
    const app = await testApp({ env: ON });
    const post = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/activities',
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify({ message: 'fault', ttl: '1-day' }),
      });
    const before = (await app.inject({ url: '/api/activities/home' })).json<unknown[]>().length;

    expect((await post(FAULT)).statusCode).toBe(500);
    expect((await app.inject({ url: '/api/activities/home' })).json<unknown[]>()).toHaveLength(before);
    expect((await post({})).statusCode).toBe(201);
  });

  it.each([{}, { 'x-cruddur-fault': '503' }, { 'x-cruddur-fault': 'yes' }])('answers normally otherwise: %o', async (headers) => {
    const app = await testApp({ env: ON });
    expect((await app.inject({ url: '/api/activities/home', headers })).statusCode).toBe(200);
  });

  it('lets the frontend send the header (CORS)', async () => {
    expect(await preflightHeaders(ON)).toContain('x-cruddur-fault');
  });
});

describe('fault injection, off', () => {
  it.each([
    ['in production, even when asked for', { CRUDDUR_FAULT_INJECTION: '1', NODE_ENV: 'production' }],
    ['by default', {}],
  ])('ignores the header %s, and CORS does not allow it', async (_when, env) => {
    const app = await testApp({ env });
    expect((await app.inject({ url: '/api/activities/home', headers: FAULT })).statusCode).toBe(200);
    expect(await preflightHeaders(env)).not.toContain('x-cruddur-fault');
  });
});

describe('loadFaultInjection', () => {
  it.each([
    [{}, 'off'],
    [{ CRUDDUR_FAULT_INJECTION: '0' }, 'off'],
    [{ CRUDDUR_FAULT_INJECTION: 'false' }, 'off'],
    [{ CRUDDUR_FAULT_INJECTION: '1' }, 'on'],
    [{ CRUDDUR_FAULT_INJECTION: ' TRUE ', NODE_ENV: 'development' }, 'on'],
    [{ CRUDDUR_FAULT_INJECTION: '1', NODE_ENV: 'production' }, 'refused'],
  ])('%o → %s', (env, mode) => {
    expect(loadFaultInjection(env)).toBe(mode);
  });

  it('rejects anything else, naming the variable', () => {
    expect(() => loadFaultInjection({ CRUDDUR_FAULT_INJECTION: 'yes' })).toThrow(/^CRUDDUR_FAULT_INJECTION must be/);
  });
});
