import { describe, expect, it } from 'vitest';
import { testApp } from './helpers.js';

const FRONTEND = 'http://localhost:3000';

const preflight = (origin: string) => ({
  method: 'OPTIONS' as const,
  url: '/api/activities',
  headers: {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'traceparent,tracestate,baggage,content-type',
  },
});

describe('CORS', () => {
  it('lets the frontend origin read responses', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/api/activities/home', headers: { origin: FRONTEND } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(res.headers.vary).toMatch(/origin/i);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('allows the preflight for a traced JSON POST from the frontend', async () => {
    const app = await testApp();
    const res = await app.inject(preflight(FRONTEND));
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(FRONTEND);
    expect(res.headers['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
    expect(res.headers['access-control-allow-headers']).toBe(
      'content-type, if-modified-since, traceparent, tracestate, baggage',
    );
    expect(res.headers['access-control-max-age']).toBe('600');
  });

  // Exact match only: every near miss of http://localhost:3000 an attacker could host or forge.
  const NOT_THE_FRONTEND = [
    'http://evil.example',
    'null', // sandboxed iframes, file:// pages, some redirects
    'http://localhost:3000/', // trailing slash: not an origin serialisation
    'http://localhost:3000.evil.com', // prefix match
    'http://evil.com.localhost:3000', // subdomain
    'http://evillocalhost:3000', // suffix match
    'http://localhost:30000',
    'http://localhost:300',
    'http://localhost:3001', // another port
    'http://localhost', // default port
    'https://localhost:3000', // another scheme
    'ws://localhost:3000',
    'HTTP://LOCALHOST:3000', // browsers send origins lower-case
    'http://127.0.0.1:3000', // same machine, another origin
    'http://[::1]:3000',
    'http://user@localhost:3000',
    'http://localhost:3000 http://evil.example', // a list
    'http://localhost:3000, http://evil.example',
    'http://evil.example, http://localhost:3000',
    'http://localhost:3000\\.evil.example',
    '*',
  ];

  it.each(NOT_THE_FRONTEND)('gives no Access-Control-Allow-Origin to %j, on reads, errors and preflights', async (origin) => {
    const app = await testApp();
    const get = await app.inject({ url: '/api/activities/home', headers: { origin } });
    expect(get.statusCode).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    expect(get.headers['access-control-allow-credentials']).toBeUndefined();
    // Vary: Origin on refusals too, so a shared cache never hands the frontend's answer to another origin or back.
    expect(get.headers.vary).toMatch(/origin/i);

    const notFound = await app.inject({ url: '/api/activities/@nobody', headers: { origin } });
    expect(notFound.headers['access-control-allow-origin']).toBeUndefined();

    const options = await app.inject(preflight(origin));
    expect(options.statusCode).toBeLessThan(500);
    expect(options.headers['access-control-allow-origin']).toBeUndefined();
    expect(options.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('gives no Access-Control-Allow-Origin when Origin is sent twice, the frontend first', async () => {
    const app = await testApp();
    // Two Origin fields, as a raw client could send them (inject's types take one).
    const headers: Record<string, string[]> = { origin: [FRONTEND, 'http://evil.example'] };
    const res = await app.inject({ url: '/api/activities/home', headers: headers as unknown as Record<string, string> });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('gives the frontend exactly its own origin, never a wildcard', async () => {
    const app = await testApp();
    for (const url of ['/api/activities/home', '/api/nowhere', '/api/activities/search?term=']) {
      const res = await app.inject({ url, headers: { origin: FRONTEND } });
      expect(res.headers['access-control-allow-origin']).toBe(FRONTEND);
    }
    const options = await app.inject(preflight(FRONTEND));
    expect(options.headers['access-control-allow-origin']).toBe(FRONTEND);
  });

  it('follows FRONTEND_URL', async () => {
    const app = await testApp({ env: { FRONTEND_URL: 'https://app.example.com/' } });
    const allowed = await app.inject({ url: '/api/health-check', headers: { origin: 'https://app.example.com' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const old = await app.inject({ url: '/api/health-check', headers: { origin: FRONTEND } });
    expect(old.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('adds the header to error responses too, so the browser can read them', async () => {
    const app = await testApp();
    const res = await app.inject({ url: '/api/activities/@nobody', headers: { origin: FRONTEND } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['access-control-allow-origin']).toBe(FRONTEND);
  });
});
