import { readFile } from 'node:fs/promises';
import { OPENAPI_PATH } from '@cruddur/api-contract';
import { Validator, type SpecData } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../src/plugins/security-headers.js';
import { testApp } from './helpers.js';
import { registeredRoutes } from './registered-routes.js';

interface Document {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}

const documentOf = async (): Promise<Document> => {
  const app = await testApp();
  await app.ready();
  return app.swagger() as unknown as Document;
};

const operations = (document: Document): string[] =>
  Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await documentOf();
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as SpecData);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is served at /api/openapi.json, with the API security headers', async () => {
    const app = await testApp();
    const res = await app.inject(OPENAPI_PATH);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers).toMatchObject(SECURITY_HEADERS);
    expect(res.json()).toEqual(app.swagger());
  });

  it('matches openapi.json, the copy in the repository (`pnpm openapi` rewrites it)', async () => {
    const committed: unknown = JSON.parse(await readFile(new URL('../openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(await documentOf());
  });

  it('has every route Fastify registered, and no other', async () => {
    const app = await testApp();
    await app.ready();
    const routes = registeredRoutes(app);
    const gets = new Set(routes.filter((route) => route.method === 'GET').map((route) => route.path));
    // Left out: the HEAD twin Fastify adds to each GET, and @fastify/cors's preflight, which answers any path.
    const heads = routes.filter((route) => route.method === 'HEAD');
    expect(heads.every((route) => gets.has(route.path))).toBe(true);
    const others = routes.filter((route) => route.method !== 'HEAD');
    expect(others.filter((route) => route.method === 'OPTIONS')).toEqual([{ method: 'OPTIONS', path: '*' }]);
    const documented = others.filter((route) => route.method !== 'OPTIONS').map((route) => `${route.method} ${route.path}`);

    expect(documented.length).toBeGreaterThanOrEqual(14);
    expect(operations(app.swagger() as unknown as Document).sort()).toEqual(documented.sort());
  });

  it('gives every route its error answers by status', async () => {
    const document = await documentOf();
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['500', '4XX', '5XX']));
      }
    }
    expect(Object.keys(document.paths['/api/activities/{uuid}/reply']?.post?.responses ?? {}).sort()).toEqual(
      ['201', '400', '404', '413', '414', '415', '422', '429', '500', '4XX', '5XX'].sort(),
    );
  });
});
