import { expect, test, type Page } from '@playwright/test';
import { ACTION, ATTR, SPAN } from '@cruddur/telemetry-conventions';
import { captureAction, expectOneClickTrace, spansNamed, type Capture, type Expected } from '../../fixtures/traces.js';
import type { ViewerSpan } from '../../fixtures/viewer.js';

const BACKEND_ORIGIN = 'http://localhost:4567';

const capture = (page: Page, action: () => Promise<void>, expected?: Expected): Promise<Capture> =>
  captureAction(page, BACKEND_ORIGIN, action, expected);

const openHome = async (page: Page) => {
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();
};

const endMs = (span: ViewerSpan) => span.startMs + span.durationMs;

/** The root stays open until the last of its fetches ended (when the browser reported their timing). */
const expectRootCoversFetches = (root: ViewerSpan, calls: { fetch: ViewerSpan }[]) => {
  for (const { fetch } of calls) expect(endMs(root)).toBeGreaterThanOrEqual(endMs(fetch) - 1);
};

const customSpan = (capture: Capture, name: string, parent: ViewerSpan): ViewerSpan => {
  const [span, ...more] = spansNamed(capture.trace, name);
  expect(span, `custom span ${name}`).toBeDefined();
  expect(more).toHaveLength(0);
  // Right under the API's SERVER span: nothing in between.
  expect(span?.parentSpanId, `${name} is a child of ${parent.name}`).toBe(parent.spanId);
  return span as ViewerSpan;
};

test('the first page load is one trace down to the mock-data span', async ({ page, request }) => {
  const loaded = await capture(page, () => openHome(page));
  const { root, calls } = expectOneClickTrace(loaded, ACTION.pageLoad);
  expect(calls.map(({ server }) => server.name)).toEqual(['GET /api/activities/home']);
  const [home] = calls;
  if (!home) throw new Error('no API call');
  expect(home.fetch.parentSpanId).toBe(root.spanId);
  const mock = customSpan(loaded, SPAN.homeActivitiesMockData, home.server);
  // Other tests add cruds to the shared store: compare with what the API serves now.
  const served = (await (await request.get(`${BACKEND_ORIGIN}/api/activities/home`)).json()) as unknown[];
  expect(mock.attributes[ATTR.resultLength]).toBe(served.length);
  expect(served.length).toBeGreaterThanOrEqual(3);
  expect(Date.parse(String(mock.attributes[ATTR.now]))).not.toBeNaN();
  expectRootCoversFetches(root, calls);
});

test('opening home from the navigation is one trace', async ({ page }) => {
  await page.goto('/notifications');
  await expect(page.getByRole('article').first()).toBeVisible();
  const opened = await capture(page, async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('article').filter({ hasText: 'Cloud is very fun!' }).first()).toBeVisible();
  });
  const { calls } = expectOneClickTrace(opened, ACTION.openHome);
  expect(calls.map(({ server }) => server.name)).toEqual(['GET /api/activities/home']);
});

test('posting a crud is one trace with the create-activity span', async ({ page }) => {
  await openHome(page);
  await page.getByRole('button', { name: 'New crud' }).click();
  const dialog = page.getByRole('dialog', { name: 'New crud' });
  await dialog.getByRole('textbox', { name: 'Crud message' }).fill(`Traced crud ${String(Date.now())}`);
  await dialog.getByRole('combobox', { name: 'Expires after' }).selectOption('3-hours');
  const posted = await capture(page, async () => {
    await dialog.getByRole('button', { name: 'Crud', exact: true }).click();
    await expect(dialog).toBeHidden();
  });
  const { root, calls } = expectOneClickTrace(posted, ACTION.postCrud);
  const post = calls.find(({ server }) => server.name === 'POST /api/activities');
  expect(post?.server.attributes['http.response.status_code']).toBe(201);
  const create = customSpan(posted, SPAN.createActivity, post?.server as ViewerSpan);
  expect(create.attributes[ATTR.ttl]).toBe('3-hours');
  expect(create.attributes[ATTR.userHandle]).toBe('andrewbrown');
  expect(create.status.code).not.toBe('ERROR');
  expectRootCoversFetches(root, calls);
});

for (const [page_, path] of [
  ['the notifications page', '/notifications'],
  ['a profile', '/@andrewbrown'],
] as const) {
  test(`posting from ${page_} with the navigation's Crud button is one trace`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('article').first()).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New crud' }).click();
    const dialog = page.getByRole('dialog', { name: 'New crud' });
    await dialog.getByRole('textbox', { name: 'Crud message' }).fill(`Crud from ${path} ${String(Date.now())}`);
    const posted = await capture(page, async () => {
      await dialog.getByRole('button', { name: 'Crud', exact: true }).click();
      await expect(dialog).toBeHidden();
    });
    const { root, calls } = expectOneClickTrace(posted, ACTION.postCrud);
    // The crud is posted and nothing else is fetched: the page stays as it was.
    expect(calls.map(({ server }) => server.name)).toEqual(['POST /api/activities']);
    expect(root.attributes[ATTR.route]).toBe(path);
    customSpan(posted, SPAN.createActivity, calls[0]?.server as ViewerSpan);
    expectRootCoversFetches(root, calls);
  });
}

test('a refused crud (422) is one trace with the error on its spans', async ({ page }) => {
  await openHome(page);
  await page.getByRole('button', { name: 'New crud' }).click();
  const dialog = page.getByRole('dialog', { name: 'New crud' });
  await dialog.getByRole('textbox', { name: 'Crud message' }).fill('   ');
  const refused = await capture(page, async () => {
    await dialog.getByRole('button', { name: 'Crud', exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
  });
  const { calls } = expectOneClickTrace(refused, ACTION.postCrud);
  const [post] = calls;
  if (!post) throw new Error('no API call');
  expect(post.server.name).toBe('POST /api/activities');
  expect(post.fetch.attributes['http.response.status_code']).toBe(422);
  expect(post.fetch.status.code).toBe('ERROR');
  const create = customSpan(refused, SPAN.createActivity, post.server);
  expect(create.status.code).toBe('ERROR');
  expect(create.attributes[ATTR.errorCodes]).toEqual(['message_blank']);
});

test('replying is one trace, including the reload that follows an await', async ({ page }) => {
  await openHome(page);
  const crud = page.getByRole('article').filter({ hasText: 'I am out of prune juice' }).first();
  await crud.getByRole('button', { name: /^Reply \(\d+\)$/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Reply to Worf' });
  const text = `Traced reply ${String(Date.now())}`;
  await dialog.getByRole('textbox', { name: 'Reply message' }).fill(text);
  const replied = await capture(page, async () => {
    await dialog.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(crud.getByText(text)).toBeVisible();
  });
  const { root, calls } = expectOneClickTrace(replied, ACTION.reply);
  // The form posts, awaits, then re-reads the crud: both calls in the one trace.
  const names = calls.map(({ server }) => server.name);
  expect(names).toEqual(['POST /api/activities/:uuid/reply', 'GET /api/activities/:uuid']);
  const post = calls.find(({ server }) => server.name === 'POST /api/activities/:uuid/reply');
  customSpan(replied, SPAN.createReply, post?.server as ViewerSpan);
  expectRootCoversFetches(root, calls);
});

test('opening a profile from the navigation is one trace (fetch from the route change)', async ({ page }) => {
  await openHome(page);
  const opened = await capture(page, async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByRole('heading', { name: 'Andrew Brown' })).toBeVisible();
  });
  const { calls } = expectOneClickTrace(opened, ACTION.openProfile);
  const [read] = calls;
  if (!read) throw new Error('no API call');
  expect(read.server.name).toBe('GET /api/activities/@:handle');
  expect(read.server.attributes['http.route']).toBe('/api/activities/@:handle');
  const span = customSpan(opened, SPAN.userActivities, read.server);
  expect(span.attributes[ATTR.userHandle]).toBe('andrewbrown');
});

test('searching is one trace', async ({ page }) => {
  await openHome(page);
  const searched = await capture(page, async () => {
    const box = page.getByRole('searchbox', { name: 'Search cruds' });
    await box.fill('tailor');
    await box.press('Enter');
    await expect(page.getByRole('article').filter({ hasText: 'simple tailor' }).first()).toBeVisible();
  });
  const { calls } = expectOneClickTrace(searched, ACTION.search);
  const [read] = calls;
  if (!read) throw new Error('no API call');
  expect(read.server.name).toBe('GET /api/activities/search');
  const span = customSpan(searched, SPAN.searchActivities, read.server);
  expect(span.attributes[ATTR.resultLength]).toBeGreaterThanOrEqual(1);
});

test('opening messages is one trace', async ({ page }) => {
  await openHome(page);
  const opened = await capture(page, async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
    await expect(page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first()).toBeVisible();
  });
  const { calls } = expectOneClickTrace(opened, ACTION.openMessages);
  expect(calls.map(({ server }) => server.name)).toContain('GET /api/message_groups');
  const groups = calls.find(({ server }) => server.name === 'GET /api/message_groups');
  customSpan(opened, SPAN.messageGroups, groups?.server as ViewerSpan);
});

test('sending a message is one trace', async ({ page }) => {
  await page.goto('/messages/@garek');
  const conversation = page.getByRole('region', { name: '@garek' });
  await expect(conversation.getByRole('textbox', { name: 'Message' })).toBeVisible();
  const text = `Traced message ${String(Date.now())}`;
  await conversation.getByRole('textbox', { name: 'Message' }).fill(text);
  const sent = await capture(page, async () => {
    await conversation.getByRole('button', { name: 'Send' }).click();
    await expect(conversation.getByText(text)).toBeVisible();
  });
  const { calls } = expectOneClickTrace(sent, ACTION.sendMessage);
  const post = calls.find(({ server }) => server.name === 'POST /api/messages');
  expect(post?.server.attributes['http.response.status_code']).toBe(201);
  const span = customSpan(sent, SPAN.createMessage, post?.server as ViewerSpan);
  expect(span.attributes[ATTR.receiverHandle]).toBe('garek');
});

test('two quick clicks make two traces', async ({ page }) => {
  await openHome(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const both = await capture(
    page,
    async () => {
      await nav.getByRole('link', { name: 'Notifications' }).click();
      await nav.getByRole('link', { name: 'Messages' }).click();
      await expect(page.getByRole('heading', { name: 'Messages' })).toBeVisible();
    },
    { traces: 2 },
  );
  expect(both.traces.map((trace) => trace.spans.find((span) => span.parentSpanId === null)?.name).sort()).toEqual(
    [ACTION.openMessages, ACTION.openNotifications].sort(),
  );
});
