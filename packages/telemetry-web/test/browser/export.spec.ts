import { ACTION } from '@cruddur/telemetry-conventions';
import { expect, test } from './harness.js';

/**
 * How long after the API answered an action's last request its spans may
 * arrive, both times read on the receiver's clock. About 650 ms of it go by
 * design: instrumentation-fetch ends the fetch span 300 ms after the
 * response (it waits for the timing entry), the action ends 100 ms after its
 * last span (its quiet period), and the batch waits up to 250 ms. The rest is
 * slack for a loaded 2-core machine, where each of those timers fires late;
 * spans held for the SDK's default 5 s delay, or until the page is hidden,
 * still fail it.
 */
const SENT_WITHIN_MS = 2_000;

test.describe('export', () => {
  test('an action’s spans are sent on their own, a batch delay after it ends', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Search' }).click();
    const [search] = await app.roots(ACTION.search);
    if (search === undefined) throw new Error('no search');

    // The root ends when its last child ended: that is when the action settled.
    const spans = app.trace(search.traceId);
    expect(Math.max(...spans.map((span) => span.endMs))).toBe(search.endMs);
    const answeredAt = app.api.answeredAt.get('/api/search') ?? Number.NaN;
    const arrivedAfter = Math.max(...spans.map((span) => span.receivedAt)) - answeredAt;
    expect(arrivedAfter, 'ms from the API’s answer to the search to its spans’ arrival').toBeLessThan(SENT_WITHIN_MS);
  });

  test('the batch is sent when the page is hidden, long before its delay', async ({ app, page }) => {
    await app.open({ delay: '60000' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.locator('#status')).toHaveText('searched');
    // The action has ended (fetch span +300 ms, quiet period +100 ms), its
    // spans wait in the batch.
    await page.waitForTimeout(1_000);
    expect(app.api.spans).toEqual([]);

    await page.goto('about:blank');
    const [search] = await app.roots(ACTION.search);
    await app.roots(ACTION.pageLoad);
    expect(app.trace(search?.traceId ?? '')).toHaveLength(2);
  });

  test('forceFlush sends the ended spans at once', async ({ app, page }) => {
    await app.open({ delay: '60000' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.locator('#status')).toHaveText('searched');
    await page.waitForTimeout(1_000);
    expect(app.api.spans).toEqual([]);

    await page.getByRole('button', { name: 'Flush' }).click();
    await expect(page.locator('#status')).toHaveText('flushed');
    const [search] = await app.roots(ACTION.search);
    expect(app.trace(search?.traceId ?? '')).toHaveLength(2);
  });

  test('shutdown ends and sends the open actions, then traces nothing more', async ({ app, page }) => {
    await app.open({ delay: '60000' });
    await expect(page.locator('#feed')).toContainText('/api/home');
    await page.getByRole('button', { name: 'Stop tracing' }).click();
    await expect(page.locator('#status')).toHaveText('stopped');
    // The page load, still open or waiting in the batch, is sent.
    await app.roots(ACTION.pageLoad);

    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.locator('#status')).toHaveText('searched');
    await page.waitForTimeout(1_000);
    expect(app.api.spans.map((span) => span.name)).not.toContain(ACTION.search);
    const search = app.api.requests.find((request) => request.path === '/api/search');
    expect(search?.traceparent).toBeUndefined();
  });

  test('when disabled, nothing is registered: fetch untouched, no header, no export', async ({ app, page }) => {
    await app.open({ enabled: 'false' });
    await expect(page.locator('#feed')).toContainText('/api/home');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.locator('#status')).toHaveText('searched');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.locator('#status')).toHaveText('sent');
    await page.waitForTimeout(1_000);

    expect(await page.evaluate("'__original' in window.fetch")).toBe(false);
    expect(app.api.requests.map((request) => request.path).sort()).toEqual([
      '/api/home',
      '/api/messages',
      '/api/search',
    ]);
    expect(app.api.requests.every((request) => request.traceparent === undefined)).toBe(true);
    expect(app.warnings).toEqual([]);
  });
});
