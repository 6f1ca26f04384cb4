// A parsed query run over the store: one pass over the spans gathers each
// group's cells by time bucket; then the groups are ordered and limited, and
// the ones kept become the result rows and the series, shaped as the data of
// a Honeycomb query result.

import type { TraceStore } from '../store/trace-store.js';
import { addToCell, type CalculationValue, type Cell, calculate, emptyCell, makePlan, mergeCells, type Plan } from './aggregate.js';
import { compileFilters } from './filters.js';
import { type GroupValues, groupKeyReader, groupValuesReader, orderAndLimit } from './groups.js';
import { heatmapLayout, type HeatmapLayout } from './heatmap.js';
import { forEachSpanStartedIn } from './scan.js';
import { type SeriesEntry, seriesOf } from './series.js';
import type { Calculation, Query, Scalar } from './spec.js';
import { resolveWindow, type TimeWindow } from './time-window.js';

export interface ResultRow {
  data: Record<string, Scalar | null | CalculationValue>;
}

export interface QueryResult {
  /** The specification with its defaults filled in. */
  query: Record<string, unknown>;
  complete: true;
  data: { series: SeriesEntry[]; results: ResultRow[] };
  /** Not Honeycomb's: the window the query covered, in epoch seconds, and its series' bucket width. */
  window: { start_time: number; end_time: number; granularity: number };
}

interface Group {
  readonly values: GroupValues;
  /** By time bucket. */
  readonly cells: (Cell | undefined)[];
}

const NS_PER_S = 1_000_000_000n;

/** Each group's cells: the spans in the window that pass the filters, by group and time bucket. */
const gather = (store: TraceStore, query: Query, window: TimeWindow, plan: Plan): Map<unknown, Group> => {
  const keys = store.columnKeys;
  const matches = compileFilters(query.filters, query.filterCombination, keys);
  const groupKey = groupKeyReader(query.breakdowns, keys);
  const groupValues = groupValuesReader(query.breakdowns, keys);
  const [startNs, endNs] = [BigInt(window.startS) * NS_PER_S, BigInt(window.endS) * NS_PER_S];
  const [firstBucketNs, bucketNs] = [BigInt(window.firstBucketS) * NS_PER_S, BigInt(window.granularityS) * NS_PER_S];
  const groups = new Map<unknown, Group>();
  forEachSpanStartedIn(store, startNs, endNs, (span) => {
    if (!matches(span)) return;
    const key = groupKey(span);
    let group = groups.get(key);
    if (!group) {
      group = { values: groupValues(span), cells: new Array<Cell | undefined>(window.buckets) };
      groups.set(key, group);
    }
    const bucket = Number((span.startTimeUnixNano - firstBucketNs) / bucketNs);
    const cell = (group.cells[bucket] ??= emptyCell(plan));
    addToCell(plan, cell, span);
  });
  return groups;
};

/** One layout per HEATMAP column, spanning its values in every group shown. */
const heatmapLayouts = (plan: Plan, calculations: readonly Calculation[], totals: readonly Cell[]): Map<string, HeatmapLayout | undefined> => {
  const layouts = new Map<string, HeatmapLayout | undefined>();
  for (const { op, column } of calculations) {
    if (op !== 'HEATMAP' || column === undefined || layouts.has(column)) continue;
    const index = plan.numeric.indexOf(column);
    let [min, max] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const total of totals) {
      for (const value of total.numbers[index] ?? []) {
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
    layouts.set(column, heatmapLayout(min, max));
  }
  return layouts;
};

export const runQuery = (store: TraceStore, query: Query, nowMs: number): QueryResult => {
  const window = resolveWindow(query.time, nowMs);
  const plan = makePlan(query.calculations, store.columnKeys);
  const groups = [...gather(store, query, window, plan).values()].map((group) => ({
    group,
    total: mergeCells(plan, group.cells.filter((cell) => cell !== undefined)),
  }));
  const noLayouts = new Map<string, HeatmapLayout | undefined>();
  const kept = orderAndLimit(
    groups,
    query.orders,
    ({ group, total }, { key, calculation }) =>
      calculation
        ? (calculate(plan, [calculation], total, noLayouts)[key] as number | null)
        : (group.values[query.breakdowns.indexOf(key)] ?? null),
    ({ group }) => group.values,
    query.limit,
  );
  // Without breakdowns there is always the one row, spans or none.
  if (query.breakdowns.length === 0 && kept.length === 0) kept.push({ group: { values: [], cells: [] }, total: emptyCell(plan) });
  const layouts = heatmapLayouts(plan, query.calculations, kept.map(({ total }) => total));
  const shown = kept.map(({ group, total }) => ({
    breakdown: Object.fromEntries(query.breakdowns.map((column, i) => [column, group.values[i] ?? null])),
    cells: group.cells,
    total,
  }));
  return {
    query: query.spec,
    complete: true,
    data: {
      series: seriesOf(window, shown, plan, query.calculations, layouts),
      results: shown.map(({ breakdown, total }) => ({ data: { ...breakdown, ...calculate(plan, query.calculations, total, layouts) } })),
    },
    window: { start_time: window.startS, end_time: window.endS, granularity: window.granularityS },
  };
};
