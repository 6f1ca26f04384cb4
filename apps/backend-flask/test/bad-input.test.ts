import { Writable } from 'node:stream';
import type { RequestErrorBody } from '@cruddur/api-contract';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { testApp } from './helpers.js';

const json = { 'content-type': 'application/json' };
const ROUTES = ['/api/activities', '/api/activities/68f126b0-1ceb-4a33-88be-d90fa7109eee/reply', '/api/messages'];

/** Asserts the `{error, message}` shape and nothing else (no stack, no Fastify internals). */
const expectRequestError = (res: LightMyRequestResponse, status: number, error: string): RequestErrorBody => {
  expect(res.statusCode).toBe(status);
  const body = res.json<RequestErrorBody>();
  expect(Object.keys(body).sort()).toEqual(['error', 'message']);
  expect(body.error).toBe(error);
  expect(body.message).not.toMatch(/\n\s+at /);
  return body;
};

describe.each(ROUTES)('bad request bodies on POST %s', (url) => {
  const post = async (options: Omit<InjectOptions, 'method' | 'url'>) => {
    const app = await testApp();
    return app.inject({ method: 'POST', url, ...options });
  };

  it('answers 400 invalid_json for malformed JSON', async () => {
    expectRequestError(await post({ headers: json, payload: '{"message": "hi",' }), 400, 'invalid_json');
  });

  it('answers 400 invalid_json for an empty JSON body', async () => {
    expectRequestError(await post({ headers: json, payload: '' }), 400, 'invalid_json');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'answers 415 unsupported_media_type for %s',
    async (type) => {
      expectRequestError(await post({ headers: { 'content-type': type }, payload: 'message=hi' }), 415, 'unsupported_media_type');
    },
  );

  it('answers 415 for a body without a content type', async () => {
    expectRequestError(await post({ payload: '{"message":"hi"}' }), 415, 'unsupported_media_type');
  });

  it('answers 400 invalid_request naming a field of the wrong type', async () => {
    const body = expectRequestError(await post({ headers: json, payload: '{"message": 5}' }), 400, 'invalid_request');
    expect(body.message).toBe('body.message must be string');
  });

  it('answers 400 invalid_request naming an unknown field', async () => {
    const body = expectRequestError(await post({ headers: json, payload: '{"message":"hi","admin":true}' }), 400, 'invalid_request');
    expect(body.message).toContain('"admin"');
  });

  it.each(['[]', '["message"]', 'null', '"message"', '42'])('answers 400 invalid_request for the body %s', async (payload) => {
    const body = expectRequestError(await post({ headers: json, payload }), 400, 'invalid_request');
    expect(body.message).toBe('body must be object');
  });

  it('answers 413 payload_too_large above 16 KiB', async () => {
    const payload = JSON.stringify({ message: 'x'.repeat(16 * 1024) });
    expectRequestError(await post({ headers: json, payload }), 413, 'payload_too_large');
  });

  it.each([
    '{"__proto__": {"polluted": true}, "message": "hi"}',
    '{"message": "hi", "constructor": {"prototype": {"polluted": true}}}',
  ])('refuses prototype-pollution keys with 400: %s', async (payload) => {
    const res = await post({ headers: json, payload });
    expect(res.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a plain constructor key as an unknown field', async () => {
    expectRequestError(await post({ headers: json, payload: '{"constructor": 1}' }), 400, 'invalid_request');
  });

  it('answers 400 invalid_request without any body', async () => {
    expectRequestError(await post({}), 400, 'invalid_request');
  });
});

describe('bad requests elsewhere', () => {
  it('answers 404 not_found for an unknown route or method', async () => {
    const app = await testApp();
    expectRequestError(await app.inject('/api/nope'), 404, 'not_found');
    expectRequestError(await app.inject('/'), 404, 'not_found');
    expectRequestError(await app.inject({ method: 'DELETE', url: '/api/activities/home' }), 404, 'not_found');
    expectRequestError(await app.inject({ method: 'POST', url: '/api/activities/home', headers: json, payload: '{}' }), 404, 'not_found');
  });

  it('answers 400 invalid_request for a malformed URL', async () => {
    const app = await testApp();
    expectRequestError(await app.inject('/api/activities/%E0%A4%A'), 400, 'invalid_request');
  });

  it('answers 400 invalid_request naming a repeated query parameter', async () => {
    const app = await testApp();
    const body = expectRequestError(await app.inject('/api/activities/search?term=a&term=b'), 400, 'invalid_request');
    expect(body.message).toContain('term');
  });
});

describe('server errors', () => {
  it('answers 500 internal_error without details, and logs the error', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await testApp({ logger: { level: 'error', stream } });
    app.get('/boom', () => {
      throw new Error('database password is hunter2');
    });

    const res = await app.inject('/boom');
    const body = expectRequestError(res, 500, 'internal_error');
    expect(res.body).not.toContain('hunter2');
    expect(body.message).not.toContain('hunter2');
    expect(lines.join('')).toContain('hunter2');
  });
});
