import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { START } from './helpers.js';

/** The app with its default logger (level, redaction) writing into an array. */
const appWithLogLines = async (): Promise<{ app: FastifyInstance; lines: () => Record<string, unknown>[] }> => {
  const written: string[] = [];
  const app = await buildApp(loadConfig({}), { clock: () => START, logStream: { write: (line) => written.push(line) } });
  onTestFinished(() => app.close());
  return { app, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
};

const accessLines = (lines: Record<string, unknown>[]) => lines.filter((line) => 'status' in line && 'duration_ms' in line);

describe('the access log', () => {
  it('writes one line per request: client address, method, scheme, path, status, duration', async () => {
    const { app, lines } = await appWithLogLines();
    await app.inject({ method: 'GET', url: '/api/activities/home', remoteAddress: '203.0.113.7' });

    const [line, ...others] = accessLines(lines());
    expect(others).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      msg: 'GET /api/activities/home 200',
      remote_addr: '203.0.113.7',
      method: 'GET',
      scheme: 'http',
      path: '/api/activities/home',
      status: 200,
      reqId: 'req-1',
    });
    expect(typeof line?.time).toBe('number');
    expect(line?.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("replaces Fastify's own request lines instead of adding to them", async () => {
    const { app, lines } = await appWithLogLines();
    await app.inject({ method: 'GET', url: '/api/health-check' });
    // Every line written for the request, whatever it says.
    expect(lines().filter(({ reqId }) => reqId !== undefined).map(({ msg }) => msg)).toEqual(['GET /api/health-check 200']);
  });

  it('logs refusals and unknown routes with their status, and the path without its query string', async () => {
    const { app, lines } = await appWithLogLines();
    await app.inject({ method: 'GET', url: '/api/activities/search?term=' });
    await app.inject({ method: 'GET', url: '/api/nowhere?token=abc123' });
    await app.inject({ method: 'POST', url: '/api/activities', headers: { 'content-type': 'text/plain' }, payload: 'hi' });
    expect(accessLines(lines()).map(({ msg }) => msg)).toEqual([
      'GET /api/activities/search 422',
      'GET /api/nowhere 404',
      'POST /api/activities 415',
    ]);
    expect(JSON.stringify(lines())).not.toContain('abc123');
  });
});

describe('secrets in logs', () => {
  const SECRETS = {
    authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.secret-token',
    cookie: 'session=secret-cookie',
    'x-honeycomb-team': 'hcaik_secret_team_key',
    'x-rollbar-access-token': 'secret-rollbar-token',
  };

  it('are not logged for a request that carries them', async () => {
    const { app, lines } = await appWithLogLines();
    await app.inject({ method: 'GET', url: '/api/activities/home', headers: SECRETS });
    await app.inject({ method: 'GET', url: '/api/nowhere', headers: SECRETS });
    const text = JSON.stringify(lines());
    expect(accessLines(lines())).toHaveLength(2);
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
  });

  it('are redacted wherever headers get logged: top level, req/res/err, one level deeper', async () => {
    const { app, lines } = await appWithLogLines();
    app.log.info({ headers: SECRETS }, 'top level');
    app.log.info({ req: { headers: SECRETS }, res: { headers: { 'set-cookie': 'id=secret-set-cookie' } } }, 'request and response');
    app.log.error({ err: { response: { headers: SECRETS } } }, 'an error with its response');
    app.log.error({ error: { config: { headers: SECRETS } }, request: { headers: SECRETS } }, 'an HTTP client error');

    const text = JSON.stringify(lines());
    for (const value of [...Object.values(SECRETS), 'id=secret-set-cookie']) expect(text).not.toContain(value);
    expect(lines().find(({ msg }) => msg === 'top level')).toMatchObject({
      headers: { authorization: '[redacted]', cookie: '[redacted]', 'x-honeycomb-team': '[redacted]' },
    });
    expect(lines().find(({ msg }) => msg === 'an HTTP client error')).toMatchObject({
      error: { config: { headers: { authorization: '[redacted]', 'x-rollbar-access-token': '[redacted]' } } },
      request: { headers: { cookie: '[redacted]' } },
    });
  });
});
