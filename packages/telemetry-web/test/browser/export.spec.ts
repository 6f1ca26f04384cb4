import { ACTION } from '@cruddur/telemetry-conventions';
import { expect, test } from './harness.js';

/** A minute's batch delay: spans that arrive sooner were sent by something else. */
const MINUTE = '60000';

test.describe('export', () => {
  test('an action’s spans are sent as soon as it ends, not a batch delay later', async ({ app, page }) => {
    await app.open({ delay: MINUTE });
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Search' }).click();
    const [search] = await app.roots(ACTION.search);
    if (search === undefined) throw new Error('no search');

    // The root ends when its last child ended: that is when the action settled.
    const spans = app.trace(search.traceId);
    expect(spans.map((span) => span.name).sort()).toEqual(['GET', ACTION.search]);
    expect(Math.max(...spans.map((span) => span.endMs))).toBe(search.endMs);
  });

  test('a span outside any action waits for the batch, and is sent when the page is hidden', async ({ app, page }) => {
    await app.open({ delay: MINUTE });
    // The page load has ended: nothing is open for the note to join.
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Note' }).click();
    await expect(page.locator('#status')).toHaveText('noted');
    await page.waitForTimeout(1_000);
    expect(app.api.spans.map((span) => span.name)).not.toContain('note');

    await page.goto('about:blank');
    await expect.poll(() => app.api.spans.filter((span) => span.name === 'note')).toHaveLength(1);
  });

  test('forceFlush sends the ended spans at once', async ({ app, page }) => {
    await app.open({ delay: MINUTE });
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Note' }).click();
    await expect(page.locator('#status')).toHaveText('noted');
    await page.waitForTimeout(1_000);
    expect(app.api.spans.map((span) => span.name)).not.toContain('note');

    await page.getByRole('button', { name: 'Flush' }).click();
    await expect(page.locator('#status')).toHaveText('flushed');
    await expect.poll(() => app.api.spans.filter((span) => span.name === 'note')).toHaveLength(1);
  });

  test('shutdown ends and sends the open actions, then traces nothing more', async ({ app, page }) => {
    await app.open({ delay: MINUTE });
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
