// src/errorReporting.ts starts as it loads, from the build's VITE_ROLLBAR_* variables.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RollbarItem } from '../src/errors/rollbarItem';
import { stubApi } from './api';

const ENDPOINT = 'http://127.0.0.1:9999/api/1/item/';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const uncaught = (error: unknown) => new ErrorEvent('error', { error, message: String(error) });

const unhandledRejection = (reason: unknown): Event => {
  const event = new Event('unhandledrejection');
  Object.defineProperty(event, 'reason', { value: reason });
  return event;
};

// Listeners a module registers stay on the window: this test runs first.
describe('without VITE_ROLLBAR_CLIENT_TOKEN', () => {
  it('registers no listener and sends nothing, whatever fails', async () => {
    vi.stubEnv('VITE_ROLLBAR_CLIENT_TOKEN', ' ');
    vi.stubEnv('VITE_ROLLBAR_ENDPOINT', ENDPOINT);
    const { fetch } = stubApi({});
    const listen = vi.spyOn(window, 'addEventListener');

    const { reportRenderError } = await import('../src/errorReporting');
    // Message only: Vitest rethrows an error event's error object when no listener of the page took it.
    window.dispatchEvent(new ErrorEvent('error', { message: 'Script error.' }));
    window.dispatchEvent(unhandledRejection(new Error('nope')));
    reportRenderError(new Error('render'));

    expect(listen.mock.calls.map(([type]) => type)).not.toContain('error');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('with VITE_ROLLBAR_CLIENT_TOKEN', () => {
  it('reports uncaught errors, unhandled rejections and render errors to VITE_ROLLBAR_ENDPOINT', async () => {
    vi.stubEnv('VITE_ROLLBAR_CLIENT_TOKEN', 'client-token-1234');
    vi.stubEnv('VITE_ROLLBAR_ENDPOINT', ENDPOINT);
    vi.stubEnv('VITE_ROLLBAR_ENVIRONMENT', 'e2e');
    const { requests } = stubApi({ 'POST /api/1/item/': { err: 0, result: { id: 1, uuid: 'u' } } });

    const { reportRenderError } = await import('../src/errorReporting');
    window.dispatchEvent(uncaught(new Error('boom')));
    window.dispatchEvent(unhandledRejection('nope'));
    reportRenderError(new Error('render'), '\n    in Feed');

    expect(requests.map(({ url }) => url.href)).toEqual([ENDPOINT, ENDPOINT, ENDPOINT]);
    const items = requests.map(({ body }) => body as RollbarItem);
    expect(items.map(({ access_token, data }) => [access_token, data.environment, data.custom.source])).toEqual([
      ['client-token-1234', 'e2e', 'window.error'],
      ['client-token-1234', 'e2e', 'unhandledrejection'],
      ['client-token-1234', 'e2e', 'react'],
    ]);
    expect(items[1]?.data.body).toEqual({ message: { body: 'nope' } });
    expect(items[2]?.data.custom.component_stack).toBe('in Feed');
    // Tracing is not started here: no ids to give.
    expect(items[0]?.data.custom).not.toHaveProperty('trace_id');
  });

  it('reports a promise nobody handles, though Zone.js (loaded by the tracing) keeps it from the window event', async () => {
    vi.stubEnv('VITE_ROLLBAR_CLIENT_TOKEN', 'client-token-1234');
    vi.stubEnv('VITE_ROLLBAR_ENDPOINT', ENDPOINT);
    const { requests } = stubApi({ 'POST /api/1/item/': {} });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('../src/errorReporting');
    expect(String(Promise)).toContain('ZoneAwarePromise');

    void Promise.reject(new RangeError('never handled'));

    await vi.waitFor(() => {
      expect(requests.map(({ body }) => (body as RollbarItem).data.custom.source), 'no item for the unhandled rejection').toContain('unhandledrejection');
    }, 5_000);
    const item = requests.map(({ body }) => body as RollbarItem).find(({ data }) => data.custom.source === 'unhandledrejection');
    expect(item?.data.body).toMatchObject({ trace: { exception: { class: 'RangeError', message: 'never handled' } } });
  });
});
