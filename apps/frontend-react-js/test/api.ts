// A stand-in for the Cruddur API behind `fetch`: routes keyed "METHOD /path"
// answer with their value as JSON (or call a handler for a custom Response),
// anything else gets a 404, and every request is recorded for assertions.
import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const stubApi = (routes: Record<string, unknown>) => {
  const requests: RecordedRequest[] = [];
  const fetch = vi.fn((input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const request = { method: init.method ?? 'GET', url, headers: new Headers(init.headers), body };
    requests.push(request);
    const route = routes[`${request.method} ${url.pathname}`];
    if (route === undefined) return Promise.resolve(json({ error: 'not_found', message: 'Not found' }, 404));
    return Promise.resolve(typeof route === 'function' ? (route as Handler)(request) : json(route));
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, requests };
};
