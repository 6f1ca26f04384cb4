import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { testApp } from './helpers.js';

const CRUD = '68f126b0-1ceb-4a33-88be-d90fa7109eee';
const REPLY = '26e12864-1c26-5c3a-9658-97a10f8fea67';
const json = { 'content-type': 'application/json' };
const frontend = { origin: loadConfig({}).frontendUrl };
const noSpans = { resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [] }] };

interface Example {
  readonly request: InjectOptions;
  readonly status: number;
}

/**
 * For each operation of the document: requests whose answers are checked
 * against the operation's own response schema. The success first, then errors.
 */
const EXAMPLES: Record<string, readonly Example[]> = {
  'GET /api/openapi.json': [{ request: { url: '/api/openapi.json' }, status: 200 }],
  'GET /api/health-check': [{ request: { url: '/api/health-check' }, status: 200 }],
  'GET /api/activities/home': [{ request: { url: '/api/activities/home' }, status: 200 }],
  'GET /api/activities/notifications': [{ request: { url: '/api/activities/notifications' }, status: 200 }],
  'GET /api/activities/search': [
    { request: { url: '/api/activities/search?term=the' }, status: 200 },
    { request: { url: '/api/activities/search?term=%20' }, status: 422 },
    { request: { url: '/api/activities/search?term=a&term=b' }, status: 400 },
  ],
  'GET /api/activities/@{handle}': [
    { request: { url: '/api/activities/@andrewbrown' }, status: 200 },
    { request: { url: '/api/activities/@nobody' }, status: 404 },
    { request: { url: `/api/activities/@${'x'.repeat(101)}` }, status: 414 },
  ],
  'GET /api/activities/{uuid}': [
    { request: { url: `/api/activities/${CRUD}` }, status: 200 },
    { request: { url: '/api/activities/nothing' }, status: 404 },
  ],
  'POST /api/activities': [
    { request: { method: 'POST', url: '/api/activities', headers: json, payload: { message: 'hi', ttl: '7-days' } }, status: 201 },
    { request: { method: 'POST', url: '/api/activities', headers: json, payload: { message: ' ' } }, status: 422 },
    { request: { method: 'POST', url: '/api/activities', headers: json, payload: '{"message":' }, status: 400 },
    { request: { method: 'POST', url: '/api/activities', payload: 'message=hi' }, status: 415 },
  ],
  'POST /api/activities/{uuid}/reply': [
    { request: { method: 'POST', url: `/api/activities/${REPLY}/reply`, headers: json, payload: { message: 'hi' } }, status: 201 },
    { request: { method: 'POST', url: '/api/activities/nothing/reply', headers: json, payload: { message: 'hi' } }, status: 404 },
    { request: { method: 'POST', url: `/api/activities/${CRUD}/reply`, headers: json, payload: { admin: true } }, status: 400 },
  ],
  'GET /api/message_groups': [{ request: { url: '/api/message_groups' }, status: 200 }],
  'GET /api/messages/@{handle}': [
    { request: { url: '/api/messages/@worf' }, status: 200 },
    { request: { url: '/api/messages/@nobody' }, status: 404 },
  ],
  'POST /api/messages': [
    {
      request: { method: 'POST', url: '/api/messages', headers: json, payload: { message: 'hi', user_receiver_handle: 'worf' } },
      status: 201,
    },
    { request: { method: 'POST', url: '/api/messages', headers: json, payload: {} }, status: 422 },
    { request: { method: 'POST', url: '/api/messages', headers: json, payload: { message: 'hi', user_receiver_handle: 'nobody' } }, status: 404 },
  ],
  'GET /rollbar/test': [{ request: { url: '/rollbar/test' }, status: 200 }],
  'POST /v1/traces': [
    { request: { method: 'POST', url: '/v1/traces', headers: { ...json, ...frontend }, payload: noSpans }, status: 200 },
    { request: { method: 'POST', url: '/v1/traces', headers: json, payload: noSpans }, status: 403 },
    { request: { method: 'POST', url: '/v1/traces', headers: { ...json, ...frontend }, payload: '[]' }, status: 400 },
  ],
};

interface Operation {
  readonly responses: Record<string, { readonly content?: Record<string, unknown> }>;
}

/** The document as one schema, so `#/components/...` references resolve; `~` and `/` escaped in pointers. */
const validatorFor = (document: object) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, 'openapi');
  const pointer = (...tokens: string[]) => tokens.map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
  return (path: string, method: string, status: string, mediaType: string): ValidateFunction => {
    const validate = ajv.getSchema(`openapi#${pointer('paths', path, method, 'responses', status, 'content', mediaType, 'schema')}`);
    if (!validate) throw new Error(`no schema for ${method} ${path} ${status} ${mediaType}`);
    return validate;
  };
};

describe("each route's answers against its own schema in the OpenAPI document", () => {
  it('has examples for every operation, a success first', async () => {
    const app = await testApp();
    await app.ready();
    const { paths } = app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(Object.keys(EXAMPLES).sort()).toEqual(operations.sort());
    for (const [operation, examples] of Object.entries(EXAMPLES)) expect(examples[0]?.status, operation).toBeLessThan(300);
  });

  for (const [operation, examples] of Object.entries(EXAMPLES)) {
    it(`${operation} answers as documented`, async () => {
      const app = await testApp();
      await app.ready();
      const document = app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
      const schemaOf = validatorFor(document);
      const [method = '', path = ''] = operation.split(' ');
      const responses = document.paths[path]?.[method.toLowerCase()]?.responses ?? {};
      for (const { request, status } of examples) {
        const res = await app.inject(request);
        expect(res.statusCode, `${operation}: ${res.body}`).toBe(status);
        // Its own status is documented, not only the range it falls in.
        expect(Object.keys(responses), operation).toContain(String(status));
        const mediaType = (res.headers['content-type'] ?? '').split(';')[0] ?? '';
        const validate = schemaOf(path, method.toLowerCase(), String(status), mediaType);
        const body: unknown = mediaType === 'application/json' ? res.json() : res.body;
        expect(validate(body), `${operation} ${String(status)}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    });
  }
});
