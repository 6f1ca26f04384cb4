// @ts-check
// The query page: the builder, the examples, the answer as charts and a
// table of groups, and the traces behind what was clicked. Everything it
// shows follows from the address (see query-url.js): running a query or
// clicking a row, point or cell sets the address, and the page follows it,
// so the back button undoes either.
//
// #query-results carries data-state (idle, running, done, error) and
// data-run (answers drawn so far), for tests and the benchmark to wait on.

/** @import { QueryAnswer } from './chart-data.js' */
/** @import { Chart } from './query-charts.js' */
/** @import { QueryForm } from './query-form.js' */
/** @import { QuerySpec, Selection } from './query-url.js' */
import { fetchColumns, fetchMatchingTraces, QueryError, runQuery } from './api.js';
import { groupOf, heatmapGrid, lineSeries } from './chart-data.js';
import { el } from './dom.js';
import { COLUMNS_LIST_ID, mountBuilder } from './query-builder.js';
import { heatmapChart, lineChart } from './query-charts.js';
import { calculationKey, EXAMPLES, formFromSpec } from './query-form.js';
import { groupsTable } from './query-table.js';
import { matchingTracesList } from './query-traces.js';
import { queryHash, readQueryHash } from './query-url.js';

const TRACES_LISTED = 100;
/** Lines per chart: beyond this a chart is a tangle; the table lists every group. */
const MAX_LINES = 20;
const COLUMNS_FRESH_MS = 5000;

/** A time bucket's start as the series names it: "2026-12-07T01:48:00Z". @param {number} epochS */
const bucketTime = (epochS) => new Date(epochS * 1000).toISOString().replace('.000Z', 'Z');

/** @returns {QueryForm} */
const blankForm = () => formFromSpec({ calculations: [{ op: 'COUNT' }] });

/**
 * The query as run, pinned to the window its answer covered: the traces
 * behind a piece of the answer come from the same spans, not from a window
 * that has moved on since.
 *
 * @param {QuerySpec} spec
 * @param {QueryAnswer} answer
 */
function pinnedSpec(spec, answer) {
  const { start_time, end_time, granularity } = answer.window;
  /** @type {QuerySpec} */
  const pinned = { ...spec, start_time, end_time, granularity };
  delete pinned.time_range;
  return pinned;
}

/**
 * @param {HTMLElement} root
 * @param {string} hash
 */
export function mountQueryPage(root, hash) {
  document.title = 'Query · Cruddur traces';
  const columns = el('datalist', { id: COLUMNS_LIST_ID });
  const builderSlot = el('div', { class: 'builder-slot' });
  const specJson = el('code', {});
  const results = el('section', { id: 'query-results', class: 'query-results', 'data-state': 'idle', 'data-run': 0, 'aria-live': 'polite' });
  const traces = el('div', { id: 'query-traces' });
  const examples = EXAMPLES.map((example) => {
    const hashOf = queryHash(example.spec);
    const link = el('a', { class: 'example', href: `/${hashOf}`, title: example.question, 'data-example': example.id }, example.title);
    // The example shown already: the address would not change, so run it again here.
    link.addEventListener('click', (event) => {
      if (location.hash !== hashOf) return;
      event.preventDefault();
      void runAndShow(example.spec, undefined);
    });
    return el('li', {}, link);
  });
  root.replaceChildren(
    el(
      'section',
      { class: 'query-page' },
      el('div', { class: 'query-head' }, el('h1', {}, 'Query'), el('p', { class: 'muted' }, 'Honeycomb’s query model over the spans this viewer holds.')),
      el('nav', { class: 'examples', 'aria-label': 'Examples' }, el('span', { class: 'muted' }, 'The week-2 homework:'), el('ul', {}, ...examples)),
      columns,
      builderSlot,
      el('details', { class: 'spec-json' }, el('summary', {}, 'Query specification (JSON, for /api/query or Honeycomb)'), el('pre', {}, specJson)),
      results,
      traces,
    ),
  );

  /** What is on screen: the address's query, its answer, and the charts to free. */
  let shownQuery = '';
  /** @type {QuerySpec | undefined} */
  let shownSpec;
  /** @type {QueryAnswer | undefined} */
  let answer;
  /** @type {Chart[]} */
  let charts = [];
  let run = 0;
  let stopped = false;
  /** Drops an answer that comes after a newer request. */
  let latest = 0;
  /** Run pressed: the next address runs its query even if it is the one shown. */
  let runRequested = false;

  // The column suggestions: listing them reads every span (a few hundred ms
  // over 100,000), so never on the way to an answer. They are fetched after
  // the first answer is drawn, and again when a column field is focused, if
  // they are more than a few seconds old.
  let columnsFetchedAt = -Infinity;
  const refreshColumns = () => {
    if (stopped || performance.now() - columnsFetchedAt < COLUMNS_FRESH_MS) return;
    columnsFetchedAt = performance.now();
    fetchColumns()
      .then((list) => {
        if (!stopped) columns.replaceChildren(...list.map((column) => el('option', { value: column.name }, `${String(column.spans)} spans`)));
      })
      .catch(() => {
        columnsFetchedAt = -Infinity;
      });
  };
  builderSlot.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.getAttribute('list') === COLUMNS_LIST_ID) refreshColumns();
  });

  /** @type {{ showError: (message: string | undefined) => void }} */
  let builder;
  /** @param {QueryForm} form */
  const showBuilder = (form) => {
    builder = mountBuilder(builderSlot, form, {
      onRun: (spec) => {
        const next = queryHash(spec);
        // The same query again: the address does not change, so run it here.
        if (next === location.hash) void runAndShow(spec, undefined);
        else {
          // Run even when only a selection is dropped from the address.
          runRequested = true;
          location.hash = next;
        }
      },
    });
  };

  const clearCharts = () => {
    for (const chart of charts) chart.destroy();
    charts = [];
  };

  /** @param {Selection} selection */
  const select = (selection) => {
    if (shownSpec) location.hash = queryHash(shownSpec, selection);
  };

  /** @param {QuerySpec} spec @param {QueryAnswer} current */
  const drawAnswer = (spec, current) => {
    clearCharts();
    const breakdowns = Array.isArray(spec.breakdowns) ? spec.breakdowns.map(String) : [];
    const calculations = Array.isArray(current.query.calculations) ? current.query.calculations : [];
    const keys = calculations.map((calc) => {
      const { op, column } = /** @type {{ op: string, column?: string }} */ (calc);
      return { op, column: column ?? '', key: calculationKey(op, column ?? '') };
    });
    const shownGroups = current.data.results.map(({ data }) => groupOf(data, breakdowns));
    for (const { op, column, key } of keys) {
      if (op === 'HEATMAP') {
        const grid = heatmapGrid(current, key);
        if (!grid) continue;
        charts.push(
          heatmapChart({
            title: key,
            column,
            grid,
            onCell: (timeIndex, range) =>
              select({
                ...(breakdowns.length > 0 ? { groups: shownGroups } : {}),
                time: bucketTime(grid.times[timeIndex] ?? 0),
                range: { column, ...range },
              }),
          }),
        );
      } else {
        const { times, lines: all } = lineSeries(current, breakdowns, key);
        const lines = all.slice(0, MAX_LINES);
        charts.push(
          lineChart({
            title: key,
            note: all.length > lines.length ? `The first ${String(lines.length)} of ${String(all.length)} groups; the table lists all.` : undefined,
            column,
            times,
            granularity: current.window.granularity,
            lines,
            onPoint: (line, timeIndex) =>
              select({ group: line.group, time: bucketTime(times[timeIndex] ?? 0) }),
          }),
        );
      }
    }
    const tableKeys = keys.filter(({ op }) => op !== 'HEATMAP').map(({ key }) => key);
    const empty = current.data.results.length === 0;
    results.replaceChildren(
      el('div', { class: 'charts' }, ...charts.map((chart) => chart.box)),
      empty
        ? el('p', { class: 'empty' }, 'No spans matched in this time range.')
        : groupsTable(current, breakdowns, tableKeys, (group) => select({ group })),
    );
    for (const chart of charts) chart.draw();
  };

  /** @param {QuerySpec} spec @param {Selection | undefined} selection */
  const runAndShow = async (spec, selection) => {
    const token = ++latest;
    results.dataset.state = 'running';
    builder.showError(undefined);
    specJson.textContent = JSON.stringify(spec, null, 2);
    try {
      const current = await runQuery(spec);
      if (stopped || token !== latest) return;
      answer = current;
      shownSpec = spec;
      drawAnswer(spec, current);
      results.dataset.state = 'done';
      results.dataset.run = String(++run);
      await showTraces(selection);
      if (columnsFetchedAt === -Infinity) refreshColumns();
    } catch (error) {
      if (stopped || token !== latest) return;
      clearCharts();
      answer = undefined;
      results.replaceChildren();
      traces.replaceChildren();
      results.dataset.state = 'error';
      // The viewer's 400s name the field in the message: "filters[0].op: must be one of …".
      const message = /** @type {Error} */ (error).message;
      builder.showError(error instanceof QueryError ? message : `The viewer did not answer: ${message}`);
    }
  };

  /** @param {Selection | undefined} selection */
  const showTraces = async (selection) => {
    const token = latest;
    if (!selection || !answer || !shownSpec) {
      traces.replaceChildren();
      return;
    }
    traces.replaceChildren(el('p', { class: 'muted' }, 'Finding the traces…'));
    try {
      const matching = await fetchMatchingTraces({ query: pinnedSpec(shownSpec, answer), ...selection, limit: TRACES_LISTED });
      if (stopped || token !== latest) return;
      traces.replaceChildren(matchingTracesList(selection, matching));
      traces.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      if (!stopped && token === latest) traces.replaceChildren(el('p', { class: 'query-error', role: 'alert' }, /** @type {Error} */ (error).message));
    }
  };

  /** Follows the address: a new query runs; the same one with a new selection only lists traces. @param {string} next */
  const update = (next) => {
    const address = readQueryHash(next);
    if (address.error !== undefined || address.spec === undefined) {
      shownQuery = '';
      showBuilder(blankForm());
      if (address.error !== undefined) builder.showError(`${address.error}: showing a blank query instead.`);
      refreshColumns();
      return;
    }
    const query = JSON.stringify(address.spec);
    const rerun = runRequested;
    runRequested = false;
    if (query === shownQuery && answer && !rerun) {
      void showTraces(address.selection);
      return;
    }
    shownQuery = query;
    showBuilder(formFromSpec(address.spec));
    void runAndShow(address.spec, address.selection);
  };

  update(hash);
  return {
    update,
    stop: () => {
      stopped = true;
      clearCharts();
    },
  };
}
