import { ACTION, ATTR, SERVICE } from '@cruddur/telemetry-conventions';
import { expect, test, type App } from './harness.js';
import type { ReceivedSpan } from './otlp.js';

const urlOf = (span: ReceivedSpan): string => String(span.attributes['url.full']);

const children = (app: App, root: ReceivedSpan): ReceivedSpan[] =>
  app.trace(root.traceId).filter((span) => span.parentSpanId === root.spanId);

/**
 * The traces other than the page load's and the mark's: the ones the test's
 * actions made, every one whose spans ended before the mark's.
 */
const actionTraces = async (app: App): Promise<string[]> => {
  const mark = await app.mark();
  const [pageLoad] = await app.roots(ACTION.pageLoad);
  return [...app.traceIds()].filter((traceId) => traceId !== pageLoad?.traceId && traceId !== mark.traceId);
};

/** Each trace's span names, for a failure to show what an unexpected trace held. */
const describeTraces = (app: App): string =>
  [...app.traceIds()].map((traceId) => `${traceId}: ${app.trace(traceId).map((span) => span.name).join(', ')}`).join('; ');

test.describe('one trace per user action', () => {
  test('the first page load is one trace, its initial fetch a child', async ({ app }) => {
    await app.open();
    const [pageLoad] = await app.roots(ACTION.pageLoad);
    if (pageLoad === undefined) throw new Error('no page-load');

    expect(await actionTraces(app), describeTraces(app)).toEqual([]);
    expect(pageLoad.serviceName).toBe(SERVICE.frontend);
    expect(pageLoad.attributes[ATTR.action]).toBe(ACTION.pageLoad);
    expect(pageLoad.attributes[ATTR.route]).toBe('/');
    const [home] = children(app, pageLoad);
    expect(urlOf(home as ReceivedSpan)).toBe(`${app.api.origin}/api/home`);
    expect(pageLoad.endMs).toBe(home?.endMs);
  });

  test('one click is one trace: root, then the fetch; the API got its traceparent', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Search' }).click();
    const [search] = await app.roots(ACTION.search);
    if (search === undefined) throw new Error('no search');

    expect(await actionTraces(app), describeTraces(app)).toEqual([search.traceId]);
    expect(search.attributes[ATTR.action]).toBe(ACTION.search);
    expect(search.attributes[ATTR.route]).toBe('/');
    const spans = app.trace(search.traceId);
    expect(spans.map((span) => span.name).sort()).toEqual(['GET', ACTION.search]);
    const fetchSpan = spans.find((span) => span.name === 'GET') as ReceivedSpan;
    expect(fetchSpan.parentSpanId).toBe(search.spanId);
    // The root ends when its last child did, not when the tracker let go.
    expect(search.endMs).toBe(fetchSpan.endMs);

    const request = app.api.requests.find((recorded) => recorded.path === '/api/search');
    expect(request?.traceparent).toBe(`00-${fetchSpan.traceId}-${fetchSpan.spanId}-01`);
  });

  test('a fetch span carries the browser’s timing of its request, in order, within the span', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Search' }).click();
    const [search] = await app.roots(ACTION.search);
    const fetchSpan = app.trace(search?.traceId ?? '').find((span) => span.name === 'GET');
    if (fetchSpan === undefined) throw new Error('no fetch span');

    expect(fetchSpan.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
      'server.port': Number(new URL(app.api.origin).port),
    });
    // The fixture API allows the page its timing (Timing-Allow-Origin), so every phase is there;
    // a reused connection may have no DNS, connect or TLS phase.
    const names = fetchSpan.events.map((event) => event.name);
    expect(names).toEqual(expect.arrayContaining(['fetchStart', 'requestStart', 'responseStart', 'responseEnd']));
    const times = fetchSpan.events.map((event) => event.timeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Whole milliseconds on both sides: the span ends at the end of the response, no sooner.
    expect(times[0]).toBeGreaterThanOrEqual(fetchSpan.startMs - 1);
    expect(fetchSpan.endMs).toBeGreaterThanOrEqual(times.at(-1) ?? Number.NaN);
  });

  test('a fetch after a native await in the handler is a child of the click', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Profile' }).click();
    const [profile] = await app.roots(ACTION.openProfile);
    if (profile === undefined) throw new Error('no open-profile');

    expect(await actionTraces(app), describeTraces(app)).toEqual([profile.traceId]);
    expect(children(app, profile).map(urlOf).sort()).toEqual([
      `${app.api.origin}/api/profile`,
      `${app.api.origin}/api/profile/activities`,
    ]);
  });

  test('a fetch from the effect of the page a click routed to is a child of the click', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('link', { name: 'Notifications' }).click();
    await expect(page.locator('#notifications')).toContainText('/api/notifications');
    const [open] = await app.roots(ACTION.openNotifications);
    if (open === undefined) throw new Error('no open-notifications');

    expect(await actionTraces(app), describeTraces(app)).toEqual([open.traceId]);
    expect(children(app, open).map(urlOf)).toEqual([`${app.api.origin}/api/notifications`]);
    expect(open.attributes[ATTR.route]).toBe('/');
  });

  test('a form submit is one trace, not one more for the click on its button', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Crud' }).click();
    const [post] = await app.roots(ACTION.postCrud);
    if (post === undefined) throw new Error('no post-crud');

    expect(await actionTraces(app), describeTraces(app)).toEqual([post.traceId]);
    expect(children(app, post).map(urlOf)).toEqual([`${app.api.origin}/api/activities`]);
  });

  test('traceAction makes one trace of async work, fetch after an await included', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Send' }).click();
    const [send] = await app.roots(ACTION.sendMessage);
    if (send === undefined) throw new Error('no send-message');

    expect(await actionTraces(app), describeTraces(app)).toEqual([send.traceId]);
    expect(children(app, send).map(urlOf)).toEqual([`${app.api.origin}/api/messages`]);
  });

  test('two quick successive clicks are two traces, each with its own fetch', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    const search = page.getByRole('button', { name: 'Search' });
    await search.click();
    await search.click();
    const roots = await app.roots(ACTION.search, 2);

    expect(new Set(await actionTraces(app))).toEqual(new Set(roots.map((root) => root.traceId)));
    expect(roots[0]?.traceId).not.toBe(roots[1]?.traceId);
    const fetches = roots.map((root) => children(app, root));
    expect(fetches.map((spans) => spans.length)).toEqual([1, 1]);
    const sent = app.api.requests.filter((request) => request.path === '/api/search').map((r) => r.traceparent);
    expect(new Set(sent)).toEqual(new Set(fetches.flat().map((span) => `00-${span.traceId}-${span.spanId}-01`)));
  });

  test('an action name not in ACTION is refused with a warning', async ({ app, page }) => {
    await app.open();
    await app.roots(ACTION.pageLoad);
    await page.getByRole('button', { name: 'Unknown' }).click();
    await expect(page.locator('#status')).toHaveText('made-up');

    expect(await actionTraces(app), describeTraces(app)).toEqual([]);
    expect(app.warnings.join('\n')).toMatch(/unknown action "made-up"/);
  });
});
