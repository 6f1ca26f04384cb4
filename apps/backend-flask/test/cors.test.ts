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

  it.each(['http://evil.example', 'http://localhost:3001', 'https://localhost:3000'])(
    'gives no Access-Control-Allow-Origin to %s',
    async (origin) => {
      const app = await testApp();
      const get = await app.inject({ url: '/api/activities/home', headers: { origin } });
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
      const options = await app.inject(preflight(origin));
      expect(options.headers['access-control-allow-origin']).toBeUndefined();
    },
  );

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
