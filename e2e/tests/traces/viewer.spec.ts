import { expect, test } from '@playwright/test';
import { ACTION, SERVICE } from '@cruddur/telemetry-conventions';
import { captureAction } from '../../fixtures/traces.js';
import { saveScreenshot } from '../../fixtures/screenshots.js';
import { TRACE_VIEWER_URL } from '../../fixtures/viewer.js';

test('the local viewer shows a click as one waterfall across both services', async ({ page, context }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();
  await page.getByRole('button', { name: 'New crud' }).click();
  const dialog = page.getByRole('dialog', { name: 'New crud' });
  await dialog.getByRole('textbox', { name: 'Crud message' }).fill('Distributed tracing is fun!');
  const { trace } = await captureAction(page, 'http://localhost:4567', async () => {
    await dialog.getByRole('button', { name: 'Crud', exact: true }).click();
    await expect(dialog).toBeHidden();
  });

  const viewer = await context.newPage();
  await viewer.setViewportSize({ width: 1440, height: 640 });
  await viewer.goto(TRACE_VIEWER_URL);
  const link = viewer.getByRole('link', { name: ACTION.postCrud }).first();
  await expect(link).toBeVisible();
  await link.click();

  await expect(viewer.getByRole('heading', { name: ACTION.postCrud, level: 1 })).toBeVisible();
  await expect(viewer.getByText(trace.traceId)).toBeVisible();
  for (const service of Object.values(SERVICE)) await expect(viewer.getByText(service).first()).toBeVisible();
  const rows = viewer.locator('.wf-row');
  await expect(rows).toHaveCount(trace.spans.length);

  await rows.filter({ hasText: 'POST /api/activities' }).first().click();
  await expect(viewer.getByRole('row', { name: /http\.route/ })).toContainText('/api/activities');
  await saveScreenshot(viewer, testInfo, 'trace-waterfall.png');
});
