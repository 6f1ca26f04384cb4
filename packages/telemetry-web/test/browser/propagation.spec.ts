import { ACTION, toXrayTraceId } from '@cruddur/telemetry-conventions';
import { expect, test } from './harness.js';

test.describe('trace context on the wire', () => {
  test('traceparent goes to the backend origin only, not to a third origin nor a look-alike', async ({
    app,
    page,
  }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Retry' }).click();
    const [retry] = await app.roots(ACTION.retry);
    if (retry === undefined) throw new Error('no retry');

    const toBackend = app.api.requests.find((request) => request.path === '/api/retry');
    expect(toBackend?.traceparent).toMatch(new RegExp(`^00-${retry.traceId}-[0-9a-f]{16}-01$`));
    // Same server, reached as http://localhost:port: another origin.
    const lookalike = app.api.requests.find((request) => request.path === '/api/lookalike');
    expect(lookalike).toMatchObject({ traceparent: undefined, tracestate: undefined });
    expect(app.thirdParty.requests).toEqual([
      { method: 'GET', path: '/api/elsewhere', traceparent: undefined, tracestate: undefined },
    ]);
    expect(app.thirdParty.preflights).toEqual([]);
    // Those calls are still traced, as children of the action.
    expect(app.trace(retry.traceId)).toHaveLength(4);
  });

  test('trace ids are X-Ray ids: the first 8 hex digits are the epoch second the action started', async ({ app, page }) => {
    const before = Math.floor(Date.now() / 1000);
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Retry' }).click();
    const [retry] = await app.roots(ACTION.retry);
    if (retry === undefined) throw new Error('no retry');
    const after = Math.ceil(Date.now() / 1000);

    const epoch = Number.parseInt(retry.traceId.slice(0, 8), 16);
    expect(epoch).toBeGreaterThanOrEqual(before);
    expect(epoch).toBeLessThanOrEqual(after);
    // The API continues the same id, so X-Ray finds the click under it.
    const toBackend = app.api.requests.find((request) => request.path === '/api/retry');
    expect(toBackend?.traceparent?.split('-')[1]).toBe(retry.traceId);
    expect(toXrayTraceId(retry.traceId)).toBe(`1-${retry.traceId.slice(0, 8)}-${retry.traceId.slice(8)}`);
  });

  test('the export requests are neither traced nor carry trace headers', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Search' }).click();
    await app.roots(ACTION.search);
    await app.mark();

    const exports = app.api.requests.filter((request) => request.path === '/v1/traces');
    expect(exports.length).toBeGreaterThanOrEqual(2);
    expect(exports.every((request) => request.traceparent === undefined)).toBe(true);
    const urls = app.api.spans.map((span) => String(span.attributes['url.full']));
    expect(urls.filter((url) => url.includes('/v1/traces'))).toEqual([]);
  });

  test('the CORS preflight makes no trace of its own', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Search' }).click();
    const [search] = await app.roots(ACTION.search);
    if (search === undefined) throw new Error('no search');
    await app.mark();

    expect(app.api.preflights).toContainEqual({ path: '/api/search', headers: 'traceparent' });
    // Browsers report no timing entry of its own for a preflight (Chromium
    // folds it into the request's), so it is no span either.
    expect(app.trace(search.traceId).map((span) => span.name).sort()).toEqual(['GET', ACTION.search]);
    // The page load's, the search's and the mark's.
    expect(app.traceIds().size).toBe(3);
  });
});
