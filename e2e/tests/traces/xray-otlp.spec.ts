import { expect, test } from '@playwright/test';
import { ACTION, SERVICE } from '@cruddur/telemetry-conventions';
import { xraySpansOf } from '../../fixtures/sinks.js';
import { captureAction, expectOneClickTrace } from '../../fixtures/traces.js';
import { AWS_REGION, DUMMY_AWS_ACCESS_KEY_ID } from '../../stand-ins/settings.js';

const BACKEND_ORIGIN = 'http://localhost:4567';
/** The API's spans go with its next batch; the browser's when the relay forwards them. */
const DELIVERY = { timeout: 10_000 };

test("a click's trace reaches X-Ray over OTLP under the click's own trace id, the browser's spans with the API's, every request signed", async ({ page }) => {
  await page.goto('/notifications');
  await expect(page.getByRole('article').first()).toBeVisible();
  const opened = await captureAction(page, BACKEND_ORIGIN, async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('article').filter({ hasText: 'Cloud is very fun!' }).first()).toBeVisible();
  });
  const { root, calls } = expectOneClickTrace(opened, ACTION.openHome);
  const { traceId, spans } = opened.trace;

  // X-Ray gets exactly the spans the trace viewer shows for the click, once each.
  const spanIdsInXray = async () => (await xraySpansOf(traceId)).map(({ span }) => span.spanId).sort();
  await expect.poll(spanIdsInXray, DELIVERY).toEqual(spans.map(({ spanId }) => spanId).sort());

  const inXray = await xraySpansOf(traceId);
  const byId = new Map(inXray.map(({ span }) => [span.spanId, span]));
  expect(byId.get(root.spanId)).toMatchObject({ name: ACTION.openHome, parentSpanId: null, service: SERVICE.frontend });
  for (const { fetch, server } of calls) {
    expect(byId.get(fetch.spanId)).toMatchObject({ kind: 'CLIENT', service: SERVICE.frontend });
    expect(byId.get(server.spanId)).toMatchObject({ kind: 'SERVER', parentSpanId: fetch.spanId, service: SERVICE.backend });
  }
  for (const { request } of inXray) {
    expect(request.signature).toBe('valid');
    expect(request.scope).toMatchObject({ accessKeyId: DUMMY_AWS_ACCESS_KEY_ID, region: AWS_REGION, service: 'xray' });
    expect(request.contentType).toBe('application/x-protobuf');
  }
});
