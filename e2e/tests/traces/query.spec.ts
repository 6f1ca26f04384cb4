import { expect, test, type APIRequestContext, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import { ATTR, SERVICE, SPAN } from '@cruddur/telemetry-conventions';
import { captureAction } from '../../fixtures/traces.js';
import { saveScreenshot } from '../../fixtures/screenshots.js';
import { getTrace, TRACE_VIEWER_URL, type Trace, type TraceSummary, type ViewerSpan } from '../../fixtures/viewer.js';

// The viewer's query page (#/query, issue #11): the course's two seed
// queries built in the builder as a user types them, their numbers checked
// against POST /api/query for the very window the page's answer covered and
// against the spans themselves; a heatmap cell opened down to its span in
// the waterfall; the query and the click kept in the address.
//
// The store is shared with the other tests, so every answer is compared for
// its own window: the page's own /api/query response gives the window, and
// the same specification pinned to it (start_time, end_time, granularity)
// must answer the same. Spans only come from the tests' own actions, which
// have all arrived (captureAction) before a query runs.

const BACKEND_ORIGIN = 'http://localhost:4567';
const QUERY_PAGE = `${TRACE_VIEWER_URL}/#/query`;
const TWO_HOURS = 7200;

type Spec = Record<string, unknown>;
type Row = Record<string, unknown>;

interface Heatmap {
  min_value: number | null;
  max_value: number | null;
  step_size: number | null;
  counts: number[];
}

interface QueryWindow {
  start_time: number;
  end_time: number;
  granularity: number;
}

interface QueryAnswer {
  query: Spec;
  complete: boolean;
  data: { results: { data: Row }[]; series: { time: string; data: Row }[] };
  window: QueryWindow;
}

interface Selection {
  groups?: Row[];
  time?: string;
  range?: { column: string; min: number; max: number };
}

interface MatchingTraces {
  matchedSpans: number;
  matchedTraces: number;
  traces: (TraceSummary & { matchedSpanIds: string[] })[];
}

const HEATMAP_KEY = 'HEATMAP(duration_ms)';
const P90_KEY = 'P90(duration_ms)';
const MAX_KEY = `MAX(${ATTR.resultLength})`;
const ROUTE = 'http.route';

/** Seed A: how long the API's requests take, by route (the example's spec, as the builder writes it). */
const SEED_A: Spec = {
  calculations: [
    { op: 'HEATMAP', column: 'duration_ms' },
    { op: 'P90', column: 'duration_ms' },
  ],
  filters: [
    { column: 'service.name', op: '=', value: SERVICE.backend },
    { column: 'span.kind', op: '=', value: 'server' },
  ],
  breakdowns: [ROUTE],
  orders: [{ op: 'P90', column: 'duration_ms', order: 'descending' }],
  time_range: TWO_HOURS,
};

/** Seed B: how many activities the home feed returned. */
const SEED_B: Spec = {
  calculations: [{ op: 'MAX', column: ATTR.resultLength }],
  filters: [{ column: 'name', op: '=', value: SPAN.homeActivitiesMockData }],
  time_range: TWO_HOURS,
};

const EXAMPLE_A = 'API request durations: heatmap and P90';
const EXAMPLE_B = 'Home feed: result length';

// ---------------------------------------------------------------- the app's traffic

/**
 * Opens pages of the app, each one page-load trace that has reached the
 * viewer whole: backend-flask SERVER spans on two routes and the home
 * feed's mock-data spans with their result length.
 */
const makeTraffic = async (page: Page): Promise<Trace[]> => {
  const traces: Trace[] = [];
  for (const path of ['/', '/notifications', '/']) {
    const { trace } = await captureAction(page, BACKEND_ORIGIN, async () => {
      await page.goto(path);
      await expect(page.getByRole('article').first()).toBeVisible();
    });
    traces.push(trace);
  }
  return traces;
};

const serverSpans = (traces: Trace[]): ViewerSpan[] =>
  traces.flatMap((trace) => trace.spans.filter((span) => span.service === SERVICE.backend && span.kind === 'SERVER'));

// ---------------------------------------------------------------- the viewer's API

const postJson = async <T>(request: APIRequestContext, path: string, body: unknown): Promise<T> => {
  const res = await request.post(`${TRACE_VIEWER_URL}${path}`, { data: body });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
};

/** The specification pinned to a window, so it answers for exactly the spans another answer covered. */
const pinned = (spec: Spec, window: QueryWindow): Spec => {
  const fixed: Spec = { ...spec, start_time: window.start_time, end_time: window.end_time, granularity: window.granularity };
  delete fixed.time_range;
  return fixed;
};

/** Every span the viewer holds that started in the window (the store keeps far fewer traces than the list's limit). */
const spansStartedIn = async (request: APIRequestContext, window: QueryWindow): Promise<ViewerSpan[]> => {
  const health = (await (await request.get(`${TRACE_VIEWER_URL}/api/health`)).json()) as { traces: number; evictedTraces: number };
  expect(health.evictedTraces, 'nothing evicted: the viewer holds every span').toBe(0);
  const summaries = (await (await request.get(`${TRACE_VIEWER_URL}/api/traces?limit=100000`)).json()) as TraceSummary[];
  expect(summaries.length, 'every trace listed').toBe(health.traces);
  const traces = await Promise.all(summaries.map((summary) => getTrace(summary.traceId)));
  const [from, to] = [window.start_time * 1000, window.end_time * 1000];
  return traces.flatMap((trace) => trace.spans).filter((span) => span.startMs >= from && span.startMs < to);
};

/** Nearest rank, as the README defines the viewer's percentiles (p a whole percent: the rank's division is exact). */
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1] as number;
};

const heatmapOf = (value: unknown): Heatmap => {
  expect(value, 'a HEATMAP value').toMatchObject({ counts: expect.any(Array) });
  return value as Heatmap;
};

// ---------------------------------------------------------------- the query page

/** A blank query page in a new tab: at its address, or from the trace list by the header's Query link. */
const openQueryPage = async (context: BrowserContext, via: 'address' | 'nav' = 'address'): Promise<Page> => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 1300 });
  if (via === 'address') {
    await page.goto(QUERY_PAGE);
    return page;
  }
  await page.goto(TRACE_VIEWER_URL);
  const nav = page.getByRole('navigation', { name: 'Views' });
  await expect(nav.getByRole('link', { name: 'Traces' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Query' }).click();
  await expect(nav.getByRole('link', { name: 'Query' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Query', level: 1 })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/query');
  return page;
};

const builderOf = (page: Page) => {
  const form = page.getByRole('form', { name: 'Query builder' });
  return {
    form,
    field: (label: string): Locator => form.getByLabel(label, { exact: true }),
    button: (name: string): Locator => form.getByRole('button', { name, exact: true }),
  };
};

/**
 * Does what makes the page run a query, and returns what the page sent to
 * /api/query and got back, once that answer is drawn.
 */
const pageAnswer = async (page: Page, action: () => Promise<void>): Promise<{ sent: Spec; answer: QueryAnswer }> => {
  const results = page.locator('#query-results');
  // A page not yet on the query page (a fresh one) has drawn no answer.
  const runs = (await results.count()) === 0 ? 0 : Number(await results.getAttribute('data-run'));
  const response = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/query' && res.request().method() === 'POST');
  await action();
  const answered = await response;
  expect(answered.status(), await answered.text()).toBe(200);
  const sent = answered.request().postDataJSON() as Spec;
  const answer = (await answered.json()) as QueryAnswer;
  await expect(results).toHaveAttribute('data-run', String(runs + 1));
  await expect(results).toHaveAttribute('data-state', 'done');
  await expect(page.locator('.query-error[role=alert]')).toBeHidden();
  return { sent, answer };
};

/** The specification the page shows (under "Query specification (JSON…)") is the one it sent, and the one expected. */
const expectShownSpec = async (page: Page, sent: Spec, expected: Spec) => {
  expect(sent).toEqual(expected);
  const details = page.locator('details').filter({ has: page.locator('summary', { hasText: 'Query specification (JSON' }) });
  expect(JSON.parse((await details.locator('pre code').textContent()) ?? '')).toEqual(sent);
};

/** The page's answer is what the API answers for the same spec in the same window. */
const expectApiAgrees = async (request: APIRequestContext, sent: Spec, answer: QueryAnswer): Promise<QueryAnswer> => {
  expect(answer.complete).toBe(true);
  const api = await postJson<QueryAnswer>(request, '/api/query', pinned(sent, answer.window));
  expect(api.window).toEqual(answer.window);
  expect(api.data).toEqual(answer.data);
  return api;
};

/** How the table prints a number: six significant digits. */
const sixDigits = (value: unknown): string => (typeof value === 'number' ? String(Number(value.toPrecision(6))) : '(none)');

/** How the page names a breakdown value. */
const groupValueLabel = (value: unknown): string =>
  value === null || value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);

/** The traces listed, as their links' addresses. */
const linkedTraces = async (section: Locator): Promise<(string | null)[]> =>
  Promise.all((await section.locator('table.traces a.trace-link').all()).map((link) => link.getAttribute('href')));

/** Each trace linked at its first matched span, in the order the API lists them. */
const expectedLinks = (matching: MatchingTraces): string[] =>
  matching.traces.map((trace) => `#/trace/${trace.traceId}?span=${trace.matchedSpanIds[0] ?? ''}`);

/** The groups table shows the answer's rows, in order, with their exact numbers. */
const expectTable = async (page: Page, answer: QueryAnswer, breakdowns: string[], keys: string[]) => {
  const table = page.getByRole('table', { name: 'Groups' });
  await expect(table).toBeVisible();
  const rows = table.locator('tr.group-row');
  await expect(rows).toHaveCount(answer.data.results.length);
  for (const [index, { data }] of answer.data.results.entries()) {
    const row = rows.nth(index);
    const group = Object.fromEntries(breakdowns.map((column) => [column, data[column] ?? null]));
    expect(JSON.parse((await row.getAttribute('data-group')) ?? 'null'), `row ${String(index)}'s group`).toEqual(group);
    const label = breakdowns.length === 0 ? 'all spans' : breakdowns.map((column) => groupValueLabel(data[column])).join(' · ');
    await expect(row).toHaveAttribute('aria-label', `Traces of ${label}`);
    for (const key of keys) {
      const cell = row.locator(`td[data-key="${key}"]`);
      expect(JSON.parse((await cell.getAttribute('data-value')) ?? '"no data-value"'), `${key} of row ${String(index)}`).toEqual(data[key]);
      await expect(cell).toHaveText(sixDigits(data[key]));
    }
  }
};

/** A chart per calculation, captioned with its key; the heatmap's scales are the answer's grid. */
const expectCharts = async (page: Page, answer: QueryAnswer, keys: string[]) => {
  const charts = page.locator('#query-results figure.chart');
  await expect(charts.locator('figcaption')).toHaveText(keys);
  for (const [index, key] of keys.entries()) {
    const chart = charts.nth(index);
    await expect(chart.locator('canvas')).toBeVisible();
    if (!key.startsWith('HEATMAP(')) {
      await expect(chart).not.toHaveClass(/\bheatmap\b/);
      continue;
    }
    await expect(chart).toHaveClass(/\bheatmap\b/);
    const { xMin, xMax, yMin, yMax } = await heatmapScales(chart);
    const times = answer.data.series.map((entry) => Date.parse(entry.time) / 1000);
    expect(xMin).toBe(Math.min(...times));
    expect(xMax).toBe(Math.max(...times) + answer.window.granularity);
    const layout = heatmapOf(answer.data.results[0]?.data[key]);
    expect(yMin).toBe(layout.min_value);
    expect(yMax).toBeCloseTo(layout.max_value ?? Number.NaN, 9);
  }
};

const heatmapScales = async (chart: Locator) => {
  const read = async (name: string) => Number(await chart.getAttribute(`data-${name}`));
  return { xMin: await read('x-min'), xMax: await read('x-max'), yMin: await read('y-min'), yMax: await read('y-max') };
};

/** The page's address: its query and its selection. */
const addressOf = (page: Page): { q: unknown; sel: unknown } => {
  const hash = new URL(page.url()).hash;
  expect(hash.startsWith('#/query?'), `a query address: ${hash}`).toBe(true);
  const params = new URLSearchParams(hash.slice('#/query?'.length));
  const json = (name: string) => {
    const value = params.get(name);
    return value === null ? undefined : (JSON.parse(value) as unknown);
  };
  return { q: json('q'), sel: json('sel') };
};

/**
 * Builds seed A in the builder, clause by clause as a user types it:
 * VISUALIZE, WHERE, GROUP BY, then ORDER BY, clicked right after typing the
 * group by (its column still being edited).
 */
const buildSeedA = async (page: Page) => {
  const { form, field, button } = builderOf(page);
  await expect(form).toBeVisible();
  // A blank query: one COUNT, its column disabled.
  await expect(field('Calculation 1 op')).toHaveValue('COUNT');
  await expect(field('Calculation 1 column')).toBeDisabled();
  await field('Calculation 1 op').selectOption('HEATMAP');
  await field('Calculation 1 column').fill('duration_ms');
  await button('Add calculation').click();
  await field('Calculation 2 op').selectOption('P90');
  await field('Calculation 2 column').fill('duration_ms');

  await button('Add filter').click();
  await field('Filter 1 column').fill('service.name');
  await field('Filter 1 op').selectOption('=');
  await field('Filter 1 value').fill(SERVICE.backend);
  await expect(field('Combine filters with')).toBeHidden();
  await button('Add filter').click();
  await field('Filter 2 column').fill('span.kind');
  await field('Filter 2 op').selectOption('=');
  await field('Filter 2 value').fill('server');
  await expect(field('Combine filters with')).toBeVisible();
  await expect(field('Combine filters with')).toHaveValue('AND');

  await button('Add group by').click();
  await field('Group by 1').fill(ROUTE);

  await button('Add order').click();
  const orderBy = field('Order 1 by');
  // ORDER BY offers the calculations but HEATMAP, and the group by.
  await expect(orderBy.locator('option')).toHaveText([P90_KEY, ROUTE]);
  await orderBy.selectOption({ label: P90_KEY });
  await field('Order 1 direction').selectOption('descending');
  await field('Time range').selectOption({ label: 'Last 2 hours' });
};

/** Builds seed B in the builder. */
const buildSeedB = async (page: Page) => {
  const { form, field, button } = builderOf(page);
  await expect(form).toBeVisible();
  await expect(field('Calculation 1 op')).toHaveValue('COUNT');
  await field('Calculation 1 op').selectOption('MAX');
  await field('Calculation 1 column').fill(ATTR.resultLength);
  await button('Add filter').click();
  await field('Filter 1 column').fill('name');
  await field('Filter 1 value').fill(SPAN.homeActivitiesMockData);
  await field('Time range').selectOption({ label: 'Last 2 hours' });
};

const runQuery = (page: Page) => builderOf(page).button('Run query').click();

// ---------------------------------------------------------------- the heatmap

interface Cell {
  /** Start of its time bucket, epoch seconds. */
  time: number;
  granularity: number;
  bucket: number;
  min: number;
  max: number;
  /** Spans in it, every group shown summed, as the page draws it. */
  count: number;
}

const clean = (value: number) => Number(value.toPrecision(12));
const isoSeconds = (epochS: number) => new Date(epochS * 1000).toISOString().replace('.000Z', 'Z');

/** The heatmap cell a span falls in: its start's time bucket, its duration's value bucket. */
const cellOf = (answer: QueryAnswer, span: ViewerSpan): Cell => {
  const layout = heatmapOf(answer.data.results[0]?.data[HEATMAP_KEY]);
  const [min, step] = [layout.min_value ?? Number.NaN, layout.step_size ?? Number.NaN];
  const bucket = Math.min(layout.counts.length - 1, Math.floor((span.durationMs - min) / step + 1e-9));
  const { granularity } = answer.window;
  const time = Math.floor(span.startMs / 1000 / granularity) * granularity;
  const count = answer.data.series
    .filter((entry) => entry.time === isoSeconds(time))
    .reduce((sum, entry) => sum + (heatmapOf(entry.data[HEATMAP_KEY]).counts[bucket] ?? 0), 0);
  return { time, granularity, bucket, min: clean(min + bucket * step), max: clean(min + (bucket + 1) * step), count };
};

/**
 * Clicks a cell on the heatmap's canvas, at its centre by the figure's
 * scales and uPlot's plotting area, rounded to a whole pixel (a cell is a few
 * pixels high); the readout names the cell under the pointer first.
 */
const clickCell = async (page: Page, cell: Cell) => {
  const chart = page.locator('figure.chart.heatmap');
  const over = chart.locator('.u-over');
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  if (!box) throw new Error('the heatmap has no plotting area');
  const { xMin, xMax, yMin, yMax } = await heatmapScales(chart);
  const x = Math.round(box.x + ((cell.time + cell.granularity / 2 - xMin) / (xMax - xMin)) * box.width);
  const y = Math.round(box.y + (1 - ((cell.min + cell.max) / 2 - yMin) / (yMax - yMin)) * box.height);
  await page.mouse.move(x, y);
  await expect(chart.locator('.chart-readout')).toHaveText(new RegExp(`^${String(cell.count)} spans? from `));
  await page.mouse.click(x, y);
};

/**
 * A README screenshot of the query and its answer, over the last ten
 * minutes (where the suite's spans are, rather than two hours of mostly
 * empty axis), the viewport cut just below the groups table.
 */
const screenshotAnswer = async (page: Page, testInfo: TestInfo, name: string) => {
  const { field, button } = builderOf(page);
  await pageAnswer(page, async () => {
    await field('Time range').selectOption({ label: 'Last 10 minutes' });
    await button('Run query').click();
  });
  const table = await page.getByRole('table', { name: 'Groups' }).boundingBox();
  if (!table) throw new Error('no groups table');
  await page.setViewportSize({ width: 1280, height: Math.ceil(table.y + table.height + 24) });
  await expect(page.getByRole('table', { name: 'Groups' })).toBeInViewport({ ratio: 1 });
  await saveScreenshot(page, testInfo, name);
};

const tracesSection = (page: Page) => page.locator('#query-traces section[aria-label="Traces behind the selection"]');

const summaryText = (spans: number, traces: number) =>
  `${String(spans)} span${spans === 1 ? '' : 's'} in ${String(traces)} trace${traces === 1 ? '' : 's'}`;

/**
 * Clicks the cell of one of the test's own spans and checks what the page
 * lists: the selection in the address, and the traces /api/query/traces
 * gives for it (its spans are the cell's count), newest first, each linked
 * to its first matched span.
 */
const openCell = async (request: APIRequestContext, page: Page, answer: QueryAnswer, span: ViewerSpan) => {
  const cell = cellOf(answer, span);
  expect(cell.count, 'the span’s cell is not empty').toBeGreaterThan(0);
  const groups = answer.data.results.map(({ data }) => ({ [ROUTE]: data[ROUTE] ?? null }));
  const selection: Selection = { groups, time: isoSeconds(cell.time), range: { column: 'duration_ms', min: cell.min, max: cell.max } };

  const before = page.url();
  await clickCell(page, cell);
  await expect.poll(() => page.url(), { message: 'the click sets the address' }).not.toBe(before);
  expect(addressOf(page)).toEqual({ q: SEED_A, sel: selection });

  const matching = await postJson<MatchingTraces>(request, '/api/query/traces', { query: pinned(SEED_A, answer.window), ...selection, limit: 100 });
  expect(matching.matchedSpans, 'the traces behind the cell are its spans').toBe(cell.count);
  expect(matching.traces.map((trace) => trace.traceId), 'the span’s own trace is behind its cell').toContain(span.traceId);

  const section = tracesSection(page);
  await expect(section).toBeVisible();
  await expect(section.getByRole('heading', { level: 2 })).toContainText('duration_ms from');
  await expect(section.getByRole('status')).toHaveText(summaryText(matching.matchedSpans, matching.matchedTraces));
  const links = section.locator('table.traces a.trace-link');
  await expect(links).toHaveCount(matching.traces.length);
  expect(await linkedTraces(section)).toEqual(expectedLinks(matching));
  return { cell, selection, matching };
};

// ---------------------------------------------------------------- the tests

test.describe('the query page', () => {
  // The ORDER BY clause once redrew itself, "Add order" button included, when
  // a column field's edit was committed: the mousedown on "Add order" blurred
  // the field, and the click landed on a button that was no longer there.
  test('the builder: "Add order" clicked right after typing a group by adds an order', async ({ page }) => {
    await page.goto(QUERY_PAGE);
    const { field, button } = builderOf(page);
    await field('Calculation 1 op').selectOption('P90');
    await field('Calculation 1 column').fill('duration_ms');
    await button('Add group by').click();
    await field('Group by 1').fill(ROUTE);
    await button('Add order').click();
    // The click handler adds the row before the click returns.
    expect(await field('Order 1 by').count(), 'an ORDER BY row after one click').toBe(1);
    await expect(field('Order 1 by').locator('option')).toHaveText([P90_KEY, ROUTE]);
  });

  test('seed A, typed in the builder: the heatmap and the P90 by route are what the API and the spans say', async ({
    page,
    context,
    request,
  }, testInfo) => {
    const traces = await makeTraffic(page);
    const ours = serverSpans(traces);
    expect(new Set(ours.map((span) => span.attributes[ROUTE]))).toEqual(new Set(['/api/activities/home', '/api/activities/notifications']));

    const viewer = await openQueryPage(context);
    const { sent, answer } = await pageAnswer(viewer, async () => {
      await buildSeedA(viewer);
      await runQuery(viewer);
    });
    await expectShownSpec(viewer, sent, SEED_A);
    expect(addressOf(viewer)).toEqual({ q: SEED_A, sel: undefined });
    await expectApiAgrees(request, sent, answer);

    // The numbers themselves, from the spans that started in the window.
    const spans = (await spansStartedIn(request, answer.window)).filter(
      (span) => span.service === SERVICE.backend && span.kind === 'SERVER',
    );
    for (const span of ours) expect(spans.map((s) => s.spanId)).toContain(span.spanId);
    const byRoute = new Map<unknown, ViewerSpan[]>();
    for (const span of spans) {
      const route = span.attributes[ROUTE] ?? null;
      byRoute.set(route, [...(byRoute.get(route) ?? []), span]);
    }
    const rows = answer.data.results.map(({ data }) => data);
    expect(new Set(rows.map((row) => row[ROUTE]))).toEqual(new Set(byRoute.keys()));
    for (const row of rows) {
      const durations = (byRoute.get(row[ROUTE] ?? null) ?? []).map((span) => span.durationMs);
      expect(row[P90_KEY], `P90 of ${String(row[ROUTE])}`).toBe(percentile(durations, 90));
      const counts = heatmapOf(row[HEATMAP_KEY]).counts;
      expect(counts.reduce((a, b) => a + b, 0), `heatmap of ${String(row[ROUTE])}`).toBe(durations.length);
    }
    const p90s = rows.map((row) => row[P90_KEY] as number);
    expect(p90s, 'ordered by P90, descending').toEqual([...p90s].sort((a, b) => b - a));

    await expectCharts(viewer, answer, [HEATMAP_KEY, P90_KEY]);
    await expectTable(viewer, answer, [ROUTE], [P90_KEY]);

    // The example link is the same query: the same spec, the same answer.
    const example = await openQueryPage(context);
    const fromLink = await pageAnswer(example, () => example.getByRole('link', { name: EXAMPLE_A }).click());
    await expectShownSpec(example, fromLink.sent, SEED_A);
    expect(new URL(example.url()).hash).toBe(new URL(viewer.url()).hash);
    await expectApiAgrees(request, fromLink.sent, fromLink.answer);
    expect(fromLink.answer.data.results).toEqual(answer.data.results);
    await expectCharts(example, fromLink.answer, [HEATMAP_KEY, P90_KEY]);
    await expectTable(example, fromLink.answer, [ROUTE], [P90_KEY]);

    await screenshotAnswer(viewer, testInfo, 'query-api-latency.png');
  });

  test('seed B, typed in the builder: MAX(app.result_length) of the home feed is what the API and the spans say', async ({
    page,
    context,
    request,
  }, testInfo) => {
    const traces = await makeTraffic(page);
    const ours = traces.flatMap((trace) => trace.spans.filter((span) => span.name === SPAN.homeActivitiesMockData));
    expect(ours).toHaveLength(2);

    const viewer = await openQueryPage(context, 'nav');
    const { sent, answer } = await pageAnswer(viewer, async () => {
      await buildSeedB(viewer);
      await runQuery(viewer);
    });
    await expectShownSpec(viewer, sent, SEED_B);
    expect(addressOf(viewer)).toEqual({ q: SEED_B, sel: undefined });
    // The column fields suggest the columns the stored spans have, attributes and derived fields alike.
    const suggestions = viewer.locator('datalist#query-columns option');
    await expect(suggestions.and(viewer.locator(`[value="${ATTR.resultLength}"]`))).toHaveCount(1);
    await expect(suggestions.and(viewer.locator('[value="duration_ms"]'))).toHaveCount(1);
    await expectApiAgrees(request, sent, answer);

    // MAX leaves out spans without a number there (a feed that failed, e.g. the fault test's 500, has none).
    const lengths = (await spansStartedIn(request, answer.window))
      .filter((span) => span.name === SPAN.homeActivitiesMockData)
      .map((span) => span.attributes[ATTR.resultLength])
      .filter((length) => typeof length === 'number');
    for (const span of ours) expect(lengths).toContain(span.attributes[ATTR.resultLength]);
    expect(answer.data.results).toHaveLength(1);
    expect(answer.data.results[0]?.data[MAX_KEY]).toBe(Math.max(...lengths));

    await expectCharts(viewer, answer, [MAX_KEY]);
    await expectTable(viewer, answer, [], [MAX_KEY]);

    const example = await openQueryPage(context);
    const fromLink = await pageAnswer(example, () => example.getByRole('link', { name: EXAMPLE_B }).click());
    await expectShownSpec(example, fromLink.sent, SEED_B);
    expect(new URL(example.url()).hash).toBe(new URL(viewer.url()).hash);
    await expectApiAgrees(request, fromLink.sent, fromLink.answer);
    expect(fromLink.answer.data.results).toEqual(answer.data.results);
    await expectCharts(example, fromLink.answer, [MAX_KEY]);
    await expectTable(example, fromLink.answer, [], [MAX_KEY]);
    // The example clicked again while it is shown runs it again.
    const again = await pageAnswer(example, () => example.getByRole('link', { name: EXAMPLE_B }).click());
    expect(again.sent).toEqual(fromLink.sent);

    await screenshotAnswer(viewer, testInfo, 'query-home-result-length.png');
  });

  test('a heatmap cell lists its traces and opens the waterfall at the span it counted', async ({ page, context, request }) => {
    const ours = serverSpans(await makeTraffic(page));
    const span = ours.at(-1) as ViewerSpan;

    const viewer = await openQueryPage(context);
    const { sent, answer } = await pageAnswer(viewer, () => viewer.getByRole('link', { name: EXAMPLE_A }).click());
    expect(sent).toEqual(SEED_A);
    await expectApiAgrees(request, sent, answer);

    const { cell, matching } = await openCell(request, viewer, answer, span);
    const listed = matching.traces.find((trace) => trace.traceId === span.traceId);
    const link = tracesSection(viewer).locator(`a.trace-link[href^="#/trace/${span.traceId}?"]`);
    await link.click();

    const spanId = listed?.matchedSpanIds[0] ?? '';
    await expect.poll(() => new URL(viewer.url()).hash).toBe(`#/trace/${span.traceId}?span=${spanId}`);
    const selected = viewer.locator('.wf-row.selected');
    await expect(selected).toHaveCount(1);
    await expect(selected).toHaveAttribute('data-span-id', spanId);
    await expect(selected).toHaveAttribute('aria-pressed', 'true');

    // The span selected is one the cell counted: its duration in the cell's range, its start in its time bucket.
    const opened = (await getTrace(span.traceId)).spans.find((s) => s.spanId === spanId);
    if (!opened) throw new Error(`span ${spanId} is not in trace ${span.traceId}`);
    expect(opened.service).toBe(SERVICE.backend);
    expect(opened.kind).toBe('SERVER');
    expect(opened.durationMs).toBeGreaterThanOrEqual(cell.min);
    expect(opened.durationMs).toBeLessThan(cell.max);
    expect(opened.startMs).toBeGreaterThanOrEqual(cell.time * 1000);
    expect(opened.startMs).toBeLessThan((cell.time + cell.granularity) * 1000);
    await expect(selected).toContainText(opened.name);
  });

  test('the keyboard reaches the charts: a heatmap cell and a point of a line list their traces', async ({ page, context, request }) => {
    await makeTraffic(page);
    const viewer = await openQueryPage(context);
    const { answer } = await pageAnswer(viewer, () => viewer.getByRole('link', { name: EXAMPLE_A }).click());
    const groups = answer.data.results.map(({ data }) => ({ [ROUTE]: data[ROUTE] ?? null }));
    const layout = heatmapOf(answer.data.results[0]?.data[HEATMAP_KEY]);
    const [min, step] = [layout.min_value ?? Number.NaN, layout.step_size ?? Number.NaN];

    // Focus starts at the fullest cell (the earliest, then the lowest, of equals), as the counts of every group shown add up.
    const cells = new Map<string, { time: string; bucket: number; count: number }>();
    for (const entry of answer.data.series) {
      heatmapOf(entry.data[HEATMAP_KEY]).counts.forEach((count, bucket) => {
        const key = `${entry.time} ${String(bucket)}`;
        const cell = cells.get(key) ?? { time: entry.time, bucket, count: 0 };
        cells.set(key, { ...cell, count: cell.count + count });
      });
    }
    const [fullestCell] = [...cells.values()].sort((a, b) => b.count - a.count || Date.parse(a.time) - Date.parse(b.time) || a.bucket - b.bucket);
    if (!fullestCell) throw new Error('no heatmap cells');
    const { time, bucket, count } = fullestCell;
    const heatmap = viewer.getByRole('application', { name: /^HEATMAP\(duration_ms\): arrow keys/ });
    await heatmap.focus();
    const readout = viewer.locator('figure.chart.heatmap .chart-readout');
    await expect(readout).toHaveText(new RegExp(`^${String(count)} spans? from `));
    // One bucket earlier (the spans are recent: there is one in a two-hour window), then back.
    const earlier = new Date(Date.parse(time) - answer.window.granularity * 1000).toISOString().replace('.000Z', 'Z');
    await viewer.keyboard.press('ArrowLeft');
    await expect(readout).toHaveText(new RegExp(`^${String(cells.get(`${earlier} ${String(bucket)}`)?.count ?? 0)} spans? from `));
    await viewer.keyboard.press('ArrowRight');
    await expect(readout).toHaveText(new RegExp(`^${String(count)} spans? from `));
    await viewer.keyboard.press('Enter');
    const cellSelection: Selection = { groups, time, range: { column: 'duration_ms', min: clean(min + bucket * step), max: clean(min + (bucket + 1) * step) } };
    await expect.poll(() => addressOf(viewer).sel).toEqual(cellSelection);
    const cellTraces = await postJson<MatchingTraces>(request, '/api/query/traces', { query: pinned(SEED_A, answer.window), ...cellSelection, limit: 100 });
    expect(cellTraces.matchedSpans).toBe(count);
    await expect(tracesSection(viewer).getByRole('status')).toHaveText(summaryText(cellTraces.matchedSpans, cellTraces.matchedTraces));

    // A line's keys start at the last point of the first group (the slowest route, as ordered).
    const first = answer.data.results[0]?.data ?? {};
    const lastTime = answer.data.series
      .filter((entry) => entry.data[ROUTE] === first[ROUTE] && typeof entry.data[P90_KEY] === 'number')
      .map((entry) => entry.time)
      .sort()
      .at(-1);
    await viewer.getByRole('application', { name: /^P90\(duration_ms\): arrow keys/ }).focus();
    await viewer.keyboard.press('Enter');
    const pointSelection = { group: { [ROUTE]: first[ROUTE] ?? null }, time: lastTime };
    await expect.poll(() => addressOf(viewer).sel).toEqual(pointSelection);
    const pointTraces = await postJson<MatchingTraces>(request, '/api/query/traces', { query: pinned(SEED_A, answer.window), ...pointSelection, limit: 100 });
    expect(pointTraces.matchedSpans).toBeGreaterThan(0);
    await expect(tracesSection(viewer).getByRole('status')).toHaveText(summaryText(pointTraces.matchedSpans, pointTraces.matchedTraces));
  });

  test('back after a cell click returns to the query; its address opens the same answer fresh', async ({ page, context, request }) => {
    const ours = serverSpans(await makeTraffic(page));
    const viewer = await openQueryPage(context);
    const { sent, answer } = await pageAnswer(viewer, () => viewer.getByRole('link', { name: EXAMPLE_A }).click());
    expect(sent).toEqual(SEED_A);
    await expectApiAgrees(request, sent, answer);
    const queryUrl = viewer.url();

    const { selection, matching } = await openCell(request, viewer, answer, ours[0] as ViewerSpan);
    const cellUrl = viewer.url();

    await viewer.goBack();
    await expect.poll(() => viewer.url()).toBe(queryUrl);
    expect(addressOf(viewer)).toEqual({ q: SEED_A, sel: undefined });
    await expect(tracesSection(viewer)).toHaveCount(0);
    await expect(viewer.locator('#query-traces')).toBeEmpty();
    await expect(viewer.locator('#query-results')).toHaveAttribute('data-state', 'done');
    await expectTable(viewer, answer, [ROUTE], [P90_KEY]);

    // The address holds the query and the click: opened in a new page, the same answer and the same traces.
    const fresh = await context.newPage();
    await fresh.setViewportSize({ width: 1280, height: 1300 });
    const reopened = await pageAnswer(fresh, async () => {
      await fresh.goto(cellUrl);
    });
    expect(addressOf(fresh)).toEqual({ q: SEED_A, sel: selection });
    expect(reopened.sent).toEqual(SEED_A);
    await expectApiAgrees(request, reopened.sent, reopened.answer);
    expect(reopened.answer.data.results).toEqual(answer.data.results);
    await expectCharts(fresh, reopened.answer, [HEATMAP_KEY, P90_KEY]);
    await expectTable(fresh, reopened.answer, [ROUTE], [P90_KEY]);
    const section = tracesSection(fresh);
    await expect(section.getByRole('status')).toHaveText(summaryText(matching.matchedSpans, matching.matchedTraces));
    await expect(section.locator('table.traces a.trace-link')).toHaveCount(matching.traces.length);
    expect(await linkedTraces(section)).toEqual(expectedLinks(matching));
  });
});
