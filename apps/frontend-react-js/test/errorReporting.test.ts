// src/errorReporting.ts starts as it loads, from the build's VITE_ROLLBAR_* variables.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACTION, type ActionName } from '@cruddur/telemetry-conventions';
import { currentTraceIds, startBrowserTelemetry, traceAction, type TraceIds } from '@cruddur/telemetry-web';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { backendUrl } from '../src/api/client';
import type { RollbarItem } from '../src/errors/rollbarItem';
import { stubApi } from './api';

const ENDPOINT = 'http://127.0.0.1:9999/api/1/item/';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const uncaught = (error: unknown) => new ErrorEvent('error', { error, message: String(error) });

/** Where the spans go: a server that takes them, so that shutting the tracing down does not wait out retries. */
const spanSink = async (): Promise<string> => {
  const server = createServer((_request, response) => response.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => {
    server.close();
  });
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v1/traces`;
};

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
  it('reports uncaught errors, unhandled rejections and render errors to VITE_ROLLBAR_ENDPOINT, each with its action’s trace', async () => {
    vi.stubEnv('VITE_ROLLBAR_CLIENT_TOKEN', 'client-token-1234');
    vi.stubEnv('VITE_ROLLBAR_ENDPOINT', ENDPOINT);
    vi.stubEnv('VITE_ROLLBAR_ENVIRONMENT', 'e2e');
    const { requests } = stubApi({ 'POST /api/1/item/': { err: 0, result: { id: 1, uuid: 'u' } } });
    // As main.tsx has it: tracing first, then error reporting.
    const telemetry = startBrowserTelemetry({ backendUrl, exportUrl: await spanSink() });
    onTestFinished(() => telemetry.shutdown());
    const { reportRenderError } = await import('../src/errorReporting');

    const actionIds: (TraceIds | undefined)[] = [];
    const failIn = (action: ActionName, fail: () => void) => {
      traceAction(action, () => {
        actionIds.push(currentTraceIds());
        fail();
      });
    };
    failIn(ACTION.postCrud, () => window.dispatchEvent(uncaught(new Error('boom'))));
    failIn(ACTION.search, () => window.dispatchEvent(unhandledRejection('nope')));
    failIn(ACTION.openHome, () => {
      reportRenderError(new Error('render'), '\n    in Feed');
    });
    // Once the actions have ended, an error is outside any.
    await vi.waitFor(() => {
      expect(currentTraceIds(), 'an action still open').toBeUndefined();
    }, 5_000);
    window.dispatchEvent(uncaught(new Error('later')));

    const items = requests.filter(({ url }) => url.href === ENDPOINT).map(({ body }) => body as RollbarItem);
    expect(items.map(({ access_token, data }) => [access_token, data.environment, data.custom.source])).toEqual([
      ['client-token-1234', 'e2e', 'window.error'],
      ['client-token-1234', 'e2e', 'unhandledrejection'],
      ['client-token-1234', 'e2e', 'react'],
      ['client-token-1234', 'e2e', 'window.error'],
    ]);
    expect(items[1]?.data.body).toEqual({ message: { body: 'nope' } });
    expect(items[2]?.data.custom.component_stack).toBe('in Feed');
    // Three actions, three traces: each item carries the ids of the one it failed in.
    expect(new Set(actionIds.map((ids) => ids?.traceId)).size).toBe(3);
    expect(items.slice(0, 3).map(({ data }) => ({ traceId: data.custom.trace_id, spanId: data.custom.span_id }))).toEqual(actionIds);
    expect(items[3]?.data.custom).toEqual({ source: 'window.error' });
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
