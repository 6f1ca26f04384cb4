import { expect, test, type Page } from '@playwright/test';
import { ACTION } from '@cruddur/telemetry-conventions';
import { watchBrowserItems } from '../../fixtures/browser-items.js';
import { captureAction, expectOneClickTrace } from '../../fixtures/traces.js';
import { CLIENT_ROLLBAR_TOKEN, DUMMY_AWS_SECRET, DUMMY_ROLLBAR_TOKEN } from '../../stand-ins/settings.js';

// The web app's errors in Rollbar, each joined to the trace of the click it
// happened in. The app is built with a client token and the fault switch
// (playwright.config.ts): /faults has a button per kind of failure.

const BACKEND_ORIGIN = 'http://localhost:4567';
const FRONTEND_ORIGIN = 'http://localhost:3000';

/** /faults, loaded as one page-load trace that has arrived whole: from then on no action is open until the test clicks. */
const openFaults = async (page: Page) => {
  await captureAction(page, BACKEND_ORIGIN, async () => {
    await page.goto('/faults');
    await expect(page.getByRole('heading', { name: 'Faults' })).toBeVisible();
  });
};

const FAULTS = [
  {
    button: 'Fail to render',
    source: 'react',
    message: 'fault injected into a render',
    calls: [],
    // The router's error page, in place of the page that failed.
    alert: 'Something went wrong',
  },
  {
    button: 'Throw in a click handler',
    source: 'window.error',
    message: 'fault injected into a click handler',
    calls: [],
  },
  {
    button: 'Reject after an await',
    source: 'unhandledrejection',
    message: 'fault injected after an await',
    calls: ['GET /api/activities/home'],
  },
] as const;

for (const fault of FAULTS) {
  test(`${fault.button}: one Rollbar item, level error, with its frames and the trace id of the click`, async ({ page }) => {
    await openFaults(page);
    const items = await watchBrowserItems(page);

    const capture = await captureAction(page, BACKEND_ORIGIN, async () => {
      await page.getByRole('button', { name: fault.button }).click();
      if ('alert' in fault) await expect(page.getByRole('alert')).toContainText(fault.alert);
    });
    const { root, calls } = expectOneClickTrace(capture, ACTION.injectFault);
    expect(calls.map(({ server }) => server.name)).toEqual(fault.calls);

    const { items: received, marker } = await items.beforeMarker();
    expect(received, 'items for the click').toHaveLength(1);
    const [{ raw, item }] = received as [(typeof received)[number]];
    expect(item.access_token).toBe(CLIENT_ROLLBAR_TOKEN);
    expect(item.data).toMatchObject({ level: 'error', environment: 'e2e', context: '/faults', request: { url: `${FRONTEND_ORIGIN}/faults` } });
    expect(item.data.body.trace?.exception).toEqual({ class: 'InjectedFault', message: fault.message });
    const frames = item.data.body.trace?.frames ?? [];
    expect(frames.length, 'stack frames').toBeGreaterThan(0);
    for (const frame of frames) {
      expect(frame.filename).toMatch(new RegExp(`^${FRONTEND_ORIGIN}/assets/index-[\\w-]+\\.js$`));
      expect(frame.lineno).toBeGreaterThan(0);
      expect(frame.colno).toBeGreaterThan(0);
    }
    // Joined to the click: its root's trace id, and one of the trace's spans.
    expect(item.data.custom).toMatchObject({ source: fault.source, trace_id: root.traceId });
    expect(capture.trace.spans.map((span) => span.spanId)).toContain(item.data.custom?.span_id);

    // The marker, thrown outside any action, is joined to no trace.
    expect(marker.item.data.custom).not.toHaveProperty('trace_id');
    expect(marker.item.data.custom).not.toHaveProperty('span_id');

    // The build had the server secrets in its environment: none is in what left.
    for (const secret of [DUMMY_ROLLBAR_TOKEN, DUMMY_AWS_SECRET]) expect(raw).not.toContain(secret);
  });
}
