import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../src/plugins/security-headers.js';
import { postJson, testApp } from './helpers.js';

const FRONTEND = 'http://localhost:3000';

/** The exact values, spelled out here rather than read from SECURITY_HEADERS, so a changed value fails. */
const EXPECTED: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

const expectSecurityHeaders = (headers: Record<string, unknown>) => {
  for (const [name, value] of Object.entries(EXPECTED)) expect(headers[name], name).toBe(value);
  expect(headers['x-powered-by']).toBeUndefined();
};

describe('security headers', () => {
  it('the plugin sets exactly the headers this test expects', () => {
    expect(SECURITY_HEADERS).toEqual(EXPECTED);
  });

  it.each<[string, (app: Awaited<ReturnType<typeof testApp>>) => Promise<LightMyRequestResponse>, number]>([
    ['a 200 read', (app) => app.inject({ url: '/api/activities/home', headers: { origin: FRONTEND } }), 200],
    ['a 201 write', (app) => postJson(app, '/api/activities', { message: 'hi', ttl: '1-day' }), 201],
    ['a 422 refusal', (app) => postJson(app, '/api/activities', { message: '', ttl: '1-day' }), 422],
    ['a 400 malformed body', (app) => app.inject({ method: 'POST', url: '/api/messages', headers: { 'content-type': 'application/json' }, payload: '{' }), 400],
    ['a 400 malformed URL (before routing)', (app) => app.inject('/api/activities/%E0%A4%A'), 400],
    ['a 404 unknown route', (app) => app.inject('/nowhere'), 404],
    ['a 404 missing resource', (app) => app.inject('/api/activities/@nobody'), 404],
    ['a 413', (app) => postJson(app, '/api/activities', { message: 'x'.repeat(20_000) }), 413],
    ['a 415', (app) => app.inject({ method: 'POST', url: '/api/activities', headers: { 'content-type': 'text/plain' }, payload: 'hi' }), 415],
    ['a 500', async (app) => {
      app.get('/boom', () => {
        throw new Error('boom');
      });
      return app.inject('/boom');
    }, 500],
    ['a CORS preflight', (app) => app.inject({ method: 'OPTIONS', url: '/api/activities', headers: { origin: FRONTEND, 'access-control-request-method': 'POST' } }), 204],
    ['the relay refusing another origin', (app) => app.inject({ method: 'POST', url: '/v1/traces', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, payload: '{}' }), 403],
    ['the relay accepting spans (tracing off)', (app) => app.inject({ method: 'POST', url: '/v1/traces', headers: { origin: FRONTEND, 'content-type': 'application/json' }, payload: '{"resourceSpans":[{}]}' }), 200],
    ['the Rollbar test route (text)', (app) => app.inject('/rollbar/test'), 200],
    ['the health check', (app) => app.inject('/api/health-check'), 200],
  ])('are on %s', async (_case, send, status) => {
    const app = await testApp();
    const res = await send(app);
    expect(res.statusCode).toBe(status);
    expectSecurityHeaders(res.headers);
  });

  it('are on a 429 from the write limit', async () => {
    const app = await testApp({ env: { CRUDDUR_WRITE_RATE_LIMIT: '1' } });
    expect((await postJson(app, '/api/activities', { message: 'one', ttl: '1-day' })).statusCode).toBe(201);
    const limited = await postJson(app, '/api/activities', { message: 'two', ttl: '1-day' });
    expect(limited.statusCode).toBe(429);
    expectSecurityHeaders(limited.headers);
  });

  it('still let the frontend read a cross-origin answer: CORS headers beside CORP', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/api/activities/home', headers: { origin: FRONTEND } });
    // CORP applies to no-cors loads only; the app's fetch is a CORS request, allowed by ACAO.
    expect(res.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});

describe('requests Node refuses before Fastify sees them', () => {
  const listening = async () => {
    const app = await testApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, port: (app.server.address() as AddressInfo).port };
  };

  /** Raw bytes in, raw answer out (fetch would refuse to send these). */
  const rawExchange = (port: number, bytes: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.on('close', () => {
        resolve(answer);
      });
      socket.on('error', reject);
    });

  const parse = (answer: string) => {
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    const [statusLine = '', ...lines] = head.split('\r\n');
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) as unknown };
  };

  it('answers headers over 16 KiB with 431 in the API error shape, and keeps serving', async () => {
    const { port } = await listening();
    const answer = await rawExchange(port, `GET /api/activities/home HTTP/1.1\r\nHost: x\r\ntraceparent: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    const res = parse(answer);
    expect(res.status).toBe(431);
    expect(res.body).toEqual({ error: 'invalid_request', message: 'Request headers exceed 16 KiB' });
    expectSecurityHeaders(res.headers);

    const after = await new Promise<number | undefined>((resolve, reject) => {
      httpRequest({ port, host: '127.0.0.1', path: '/api/health-check' }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(after).toBe(200);
  });

  it('answers bytes HTTP forbids with 400 in the API error shape', async () => {
    const { port } = await listening();
    const res = parse(await rawExchange(port, 'GET /api/activities/home HTTP/1.1\r\nHost: x\r\nbaggage: a\u0000b\r\n\r\n'));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_request', message: 'Request is not valid HTTP' });
    expectSecurityHeaders(res.headers);
  });
});
