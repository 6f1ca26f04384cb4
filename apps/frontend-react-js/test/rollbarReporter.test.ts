import { describe, expect, it, vi } from 'vitest';
import type { RollbarItem } from '../src/errors/rollbarItem';
import { createRollbarReporter, MAX_ITEMS_PER_PAGE } from '../src/errors/rollbarReporter';
import { json, stubApi } from './api';

const ENDPOINT = 'http://127.0.0.1:9999/api/1/item/';
const TRACE = { traceId: '5759e988bd862e3fe1be46a994272793', spanId: '53995c3f42cd8ad8' };

/** What telemetry-web's `untraced` does, as far as the reporter can tell: runs the post, with tracing off meanwhile. */
let tracingOff = false;
const untraced = <T,>(send: () => T): T => {
  tracingOff = true;
  try {
    return send();
  } finally {
    tracingOff = false;
  }
};

const reporter = (traceIds = () => TRACE) =>
  createRollbarReporter({ accessToken: 'client-token-1234', endpoint: ENDPOINT, environment: 'test', traceIds, untraced });

const posted = (requests: ReturnType<typeof stubApi>['requests']) => requests.map(({ body }) => body as RollbarItem);

describe('createRollbarReporter', () => {
  it("posts the item to the endpoint, with the trace ids of the moment", () => {
    const { fetch, requests } = stubApi({ 'POST /api/1/item/': { err: 0, result: { id: 1, uuid: 'u' } } });
    let trace = TRACE;

    expect(reporter(() => trace).report(new Error('first'), 'window.error')).toBe(true);
    trace = { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8) };
    reporter(() => trace).report(new Error('second'), 'unhandledrejection');

    expect(requests.map(({ method, url }) => `${method} ${url.href}`)).toEqual([`POST ${ENDPOINT}`, `POST ${ENDPOINT}`]);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ keepalive: true, headers: { 'Content-Type': 'application/json' } });
    const [first, second] = posted(requests);
    expect(first?.access_token).toBe('client-token-1234');
    expect(first?.data.environment).toBe('test');
    expect(first?.data.custom).toEqual({ source: 'window.error', trace_id: TRACE.traceId, span_id: TRACE.spanId });
    expect(second?.data.custom).toEqual({ source: 'unhandledrejection', trace_id: 'ab'.repeat(16), span_id: 'cd'.repeat(8) });
    expect(first?.data.request.url).toBe(`${window.location.origin}${window.location.pathname}`);
  });

  it('posts with tracing off, so the post is no span of the trace it reports on', () => {
    const tracedPosts: boolean[] = [];
    stubApi({
      'POST /api/1/item/': () => {
        tracedPosts.push(!tracingOff);
        return json({ err: 0 });
      },
    });
    reporter().report(new Error('a'), 'window.error');
    expect(tracedPosts).toEqual([false]);
  });

  it('reports an error object once, however often it is handed over', () => {
    const { requests } = stubApi({ 'POST /api/1/item/': {} });
    const errors = reporter();
    const error = new Error('render failed');

    expect(errors.report(error, 'react')).toBe(true);
    expect(errors.report(error, 'window.error')).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it(`sends at most ${String(MAX_ITEMS_PER_PAGE)} items per page`, () => {
    const { requests } = stubApi({ 'POST /api/1/item/': {} });
    const errors = reporter();
    for (let i = 0; i < MAX_ITEMS_PER_PAGE + 5; i += 1) errors.report(new Error(`loop ${String(i)}`), 'window.error');
    expect(requests).toHaveLength(MAX_ITEMS_PER_PAGE);
  });

  it('warns once when Rollbar refuses or cannot be reached, and never throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    stubApi({ 'POST /api/1/item/': () => json({ err: 1, message: 'invalid token' }, 403) });
    const errors = reporter();

    expect(errors.report(new Error('a'), 'window.error')).toBe(true);
    expect(errors.report(new Error('b'), 'window.error')).toBe(true);
    // The stubbed fetch settles both sends in microtasks: both have failed when the first warning is seen.
    await vi.waitFor(() => {
      expect(warn, 'no warning').toHaveBeenCalledTimes(1);
    }, 5_000);
    expect(warn).toHaveBeenCalledWith('Cruddur: an error report could not be sent to Rollbar.', new Error('Rollbar answered 403'));
  });
});
