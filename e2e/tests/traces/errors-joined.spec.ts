import { expect, test, type Page } from '@playwright/test';
import { ACTION, SERVICE, SPAN } from '@cruddur/telemetry-conventions';
import { accessLinesOf, logEvents, rollbarItems, rollbarItemsBeforeMarker, xrayRequests, xraySpansOf } from '../../fixtures/sinks.js';
import { captureAction, expectOneClickTrace, spansNamed } from '../../fixtures/traces.js';
import { DUMMY_AWS_SECRET, DUMMY_ROLLBAR_TOKEN } from '../../stand-ins/settings.js';

const BACKEND_ORIGIN = 'http://localhost:4567';
/** CloudWatch lines are batched for a second; X-Ray and Rollbar are sent after the response. */
const DELIVERY = { timeout: 10_000 };

const openNewCrud = async (page: Page) => {
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();
  await page.getByRole('button', { name: 'New crud' }).click();
  return page.getByRole('dialog', { name: 'New crud' });
};

/** Posts the dialog's crud as one captured click that ends with the form's alert. */
const postExpectingAlert = async (page: Page, message: string) => {
  const dialog = await openNewCrud(page);
  await dialog.getByRole('textbox', { name: 'Crud message' }).fill(message);
  const capture = await captureAction(page, BACKEND_ORIGIN, async () => {
    await dialog.getByRole('button', { name: 'Crud', exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
  });
  const { calls } = expectOneClickTrace(capture, ACTION.postCrud);
  expect(calls.map(({ server }) => server.name)).toEqual(['POST /api/activities']);
  return { trace: capture.trace, call: calls[0] as (typeof calls)[number] };
};

test('a 500 is one trace whose id joins its Rollbar item, its CloudWatch lines and its spans in X-Ray', async ({ page }) => {
  // Only the crud's POST asks the API for a fault.
  await page.route(`${BACKEND_ORIGIN}/api/activities`, (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-cruddur-fault': '500' } }),
  );
  const itemsBefore = (await rollbarItems()).length;
  const { trace, call } = await postExpectingAlert(page, `Faulted crud ${String(Date.now())}`);
  const { fetch, server } = call;
  const { traceId } = trace;

  // The trace: the failure on the fetch, the SERVER span and the use case's span.
  expect(fetch.attributes['http.response.status_code']).toBe(500);
  expect(fetch.status.code).toBe('ERROR');
  expect(server.attributes['http.response.status_code']).toBe(500);
  expect(server.status.code).toBe('ERROR');
  const [create, ...moreCreates] = spansNamed(trace, SPAN.createActivity);
  expect(moreCreates).toHaveLength(0);
  expect(create?.status.code).toBe('ERROR');
  expect(create?.events.filter(({ name }) => name === 'exception').map(({ attributes }) => attributes['exception.type'])).toEqual(['InjectedFault']);

  // CloudWatch Logs: the access line of the 500, under the trace and SERVER span ids.
  await expect.poll(() => accessLinesOf(traceId), DELIVERY).toEqual([
    expect.objectContaining({ trace_id: traceId, span_id: server.spanId, method: 'POST', path: '/api/activities', status: 500 }),
  ]);

  // X-Ray (over OTLP): the SERVER span, an error, under the browser's fetch span, in a signed request.
  const serverSpanInXray = async () => (await xraySpansOf(traceId)).filter(({ span }) => span.spanId === server.spanId);
  await expect.poll(serverSpanInXray, DELIVERY).toHaveLength(1);
  const [{ request, span }] = (await serverSpanInXray()) as [Awaited<ReturnType<typeof serverSpanInXray>>[number]];
  expect(span).toMatchObject({ name: 'POST /api/activities', kind: 'SERVER', parentSpanId: fetch.spanId, status: 'ERROR', service: SERVICE.backend });
  expect(request.signature).toBe('valid');

  // Rollbar: exactly one item, counted once a later marker item arrived.
  const items = await rollbarItemsBeforeMarker(BACKEND_ORIGIN, itemsBefore);
  expect(items).toHaveLength(1);
  const [{ headers, raw, item }] = items as [(typeof items)[number]];
  expect(item.data.level).toBe('error');
  expect(item.data.custom).toMatchObject({ trace_id: traceId, span_id: server.spanId, status_code: 500 });
  expect(item.data.body.trace_chain?.[0]?.exception.class).toBe('InjectedFault');

  // No secret in what left: the token went as the header Rollbar reads, nowhere else.
  expect(headers['x-rollbar-access-token']).toBe(DUMMY_ROLLBAR_TOKEN);
  const logText = (await logEvents()).map(({ message }) => message).join('\n');
  const xrayText = (await xrayRequests()).map((sent) => sent.raw).join('\n');
  for (const secret of [DUMMY_ROLLBAR_TOKEN, DUMMY_AWS_SECRET]) {
    expect(raw).not.toContain(secret);
    expect(logText).not.toContain(secret);
    expect(xrayText).not.toContain(secret);
  }
});

test('a refused crud (422) reaches the logs but not Rollbar', async ({ page }) => {
  const itemsBefore = (await rollbarItems()).length;
  const { trace, call } = await postExpectingAlert(page, '   ');
  expect(call.server.attributes['http.response.status_code']).toBe(422);

  await expect.poll(() => accessLinesOf(trace.traceId), DELIVERY).toEqual([expect.objectContaining({ status: 422 })]);
  // An item for the 422 would have been reported when its request ended: long before a marker asked for now.
  expect(await rollbarItemsBeforeMarker(BACKEND_ORIGIN, itemsBefore)).toEqual([]);
});
