import type { FastifyInstance } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { testApp } from './helpers.js';

const ANDREW_CRUD = '68f126b0-1ceb-4a33-88be-d90fa7109eee';
const FRONTEND = 'http://localhost:3000';

/** The three write routes, each with a valid body, in turn. */
const WRITES = [
  { url: '/api/activities', body: { message: 'a crud', ttl: '1-day' } },
  { url: `/api/activities/${ANDREW_CRUD}/reply`, body: { message: 'a reply' } },
  { url: '/api/messages', body: { message: 'a message', user_receiver_handle: 'worf' } },
] as const;

const write = (app: FastifyInstance, index: number, remoteAddress = '127.0.0.1') => {
  const { url, body } = WRITES[index % WRITES.length] ?? WRITES[0];
  return app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { 'content-type': 'application/json', origin: FRONTEND },
    payload: JSON.stringify(body),
  });
};

describe('the write rate limit (CRUDDUR_WRITE_RATE_LIMIT)', () => {
  it('allows 60 writes a minute per client by default, across all three routes, then answers 429', async () => {
    const app = await testApp();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await write(app, i)).statusCode);
    expect(statuses).toEqual(statuses.map(() => 201));

    const limited = await write(app, 60);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: 'rate_limited', message: expect.stringMatching(/^Too many writes: at most 60 a minute; try again in \d+ s$/) as string });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers['x-ratelimit-limit']).toBe('60');
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    // The browser can read the refusal: CORS headers are on it.
    expect(limited.headers['access-control-allow-origin']).toBe(FRONTEND);
    // Every route shares the one budget.
    expect((await write(app, 61)).statusCode).toBe(429);
    expect((await write(app, 62)).statusCode).toBe(429);
  });

  it('leaves reads, preflights and other clients alone', async () => {
    const app = await testApp({ env: { CRUDDUR_WRITE_RATE_LIMIT: '2' } });
    await write(app, 0);
    await write(app, 1);
    expect((await write(app, 2)).statusCode).toBe(429);

    expect((await app.inject('/api/activities/home')).statusCode).toBe(200);
    expect((await app.inject(`/api/activities/${ANDREW_CRUD}`)).statusCode).toBe(200);
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/activities',
      headers: { origin: FRONTEND, 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect((await write(app, 0, '203.0.113.9')).statusCode).toBe(201);
  });

  it('counts refused writes too, and refuses before reading the body', async () => {
    const app = await testApp({ env: { CRUDDUR_WRITE_RATE_LIMIT: '1' } });
    const invalid = await app.inject({ method: 'POST', url: '/api/activities', headers: { 'content-type': 'application/json' }, payload: '{"message":""}' });
    expect(invalid.statusCode).toBe(422);
    // Malformed JSON that would be a 400 is a 429 now: the body is never parsed.
    const limited = await app.inject({ method: 'POST', url: '/api/activities', headers: { 'content-type': 'application/json' }, payload: '{' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate_limited' });
  });

  it('opens again once the minute has passed', async () => {
    const app = await testApp({ env: { CRUDDUR_WRITE_RATE_LIMIT: '1' } });
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    expect((await write(app, 0)).statusCode).toBe(201);
    clock.mockReturnValue(now + 59_000);
    expect((await write(app, 0)).statusCode).toBe(429);
    clock.mockReturnValue(now + 60_000);
    expect((await write(app, 0)).statusCode).toBe(201);
  });

  it('is off with CRUDDUR_WRITE_RATE_LIMIT=0 (the benchmark posts thousands a second)', async () => {
    const app = await testApp({ env: { CRUDDUR_WRITE_RATE_LIMIT: '0' } });
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) statuses.add((await write(app, i)).statusCode);
    expect([...statuses]).toEqual([201]);
  });

  it('does not touch the relay, which keeps its own limit', async () => {
    const app = await testApp({ env: { CRUDDUR_WRITE_RATE_LIMIT: '1' } });
    await write(app, 0);
    const relay = await app.inject({
      method: 'POST',
      url: '/v1/traces',
      headers: { origin: FRONTEND, 'content-type': 'application/json' },
      payload: '{"resourceSpans":[{}]}',
    });
    expect(relay.statusCode).toBe(200);
  });
});
