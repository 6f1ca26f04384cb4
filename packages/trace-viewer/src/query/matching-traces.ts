// The traces behind a piece of a query's answer: a result row (its group),
// a point of the series (a group in one time bucket) or a heatmap cell (and
// a range of the column's values). The spans are chosen by the query's own
// filters, window and grouping, so they are exactly the ones counted there.

import type { DecodedSpan } from '../otlp/model.js';
import type { ColumnKeys } from '../store/column-keys.js';
import type { TraceSummary } from '../store/summary.js';
import type { TraceStore } from '../store/trace-store.js';
import { columnGetter } from './columns.js';
import { compileFilters, type SpanPredicate } from './filters.js';
import { forEachSpanStartedIn } from './scan.js';
import { type Query, QuerySpecError, type Scalar } from './spec.js';
import { resolveWindow } from './time-window.js';

type Group = Readonly<Record<string, Scalar | null>>;

export interface Selection {
  /**
   * Breakdown values of result rows or series entries (null for spans without
   * the column): spans of any of them. Empty: every group.
   */
  readonly groups: readonly Group[];
  /** A series entry's time: its bucket only. */
  readonly time: string | undefined;
  /** A heatmap cell: the column's values from min (included) to max (excluded). */
  readonly range: { readonly column: string; readonly min: number; readonly max: number } | undefined;
  readonly limit: number;
}

export interface MatchingTrace extends TraceSummary {
  /** The trace's spans the selection holds, oldest first. */
  matchedSpanIds: string[];
}

export interface MatchingTraces {
  matchedSpans: number;
  matchedTraces: number;
  /** The trace that started last first, at most `limit`. */
  traces: MatchingTrace[];
}

export const DEFAULT_TRACES_LIMIT = 100;
export const MAX_TRACES_LIMIT = 1000;

const fail = (field: string, reason: string): never => {
  throw new QuerySpecError(field, reason);
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const groupOf = (value: unknown, query: Query, field: string): Group => {
  if (!isObject(value)) return fail(field, 'must be an object of breakdown values');
  for (const [column, item] of Object.entries(value)) {
    if (!query.breakdowns.includes(column)) fail(`${field}.${column}`, 'not a breakdown of the query');
    if (item !== null && !['string', 'number', 'boolean'].includes(typeof item)) fail(`${field}.${column}`, 'must be a string, a number, a boolean or null');
  }
  return value as Group;
};

/** `group` names one row; `groups` several (a heatmap drawn over every row shown). */
const groupsOf = (body: Record<string, unknown>, query: Query): Group[] => {
  const { group, groups } = body;
  const hasGroup = group !== undefined && group !== null;
  if (groups === undefined || groups === null) return hasGroup ? [groupOf(group, query, 'group')] : [];
  if (hasGroup) return fail('groups', 'give group or groups, not both');
  if (!Array.isArray(groups) || groups.length === 0) return fail('groups', 'must be a non-empty array of groups');
  if (groups.length > MAX_TRACES_LIMIT) return fail('groups', `at most ${String(MAX_TRACES_LIMIT)} groups`);
  return groups.map((item, index) => groupOf(item, query, `groups[${String(index)}]`));
};

const rangeOf = (value: unknown): Selection['range'] => {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) return fail('range', 'must be an object {column, min, max}');
  const { column, min, max } = value;
  if (typeof column !== 'string' || column === '') return fail('range.column', 'must be a column name');
  if (typeof min !== 'number' || !Number.isFinite(min)) return fail('range.min', 'must be a number');
  if (typeof max !== 'number' || !Number.isFinite(max) || max <= min) return fail('range.max', 'must be a number above min');
  return { column, min, max };
};

/** What to select, from the body of POST /api/query/traces (beside its `query`). */
export const parseSelection = (body: Record<string, unknown>, query: Query): Selection => {
  const { time, limit = DEFAULT_TRACES_LIMIT } = body;
  if (time !== undefined && time !== null && (typeof time !== 'string' || Number.isNaN(Date.parse(time)))) {
    fail('time', 'must be a series entry time, e.g. "2026-11-22T03:06:00Z"');
  }
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_TRACES_LIMIT) {
    fail('limit', `must be an integer from 1 to ${String(MAX_TRACES_LIMIT)}`);
  }
  return {
    groups: groupsOf(body, query),
    time: typeof time === 'string' ? time : undefined,
    range: rangeOf(body.range),
    limit: limit as number,
  };
};

const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;

/** The query's window in ns, narrowed to one bucket when the selection names its time. */
const timeRange = (query: Query, selection: Selection, nowMs: number): [startNs: bigint, endNs: bigint] => {
  const window = resolveWindow(query.time, nowMs);
  const [startNs, endNs] = [BigInt(window.startS) * NS_PER_S, BigInt(window.endS) * NS_PER_S];
  if (selection.time === undefined) return [startNs, endNs];
  const bucketStart = BigInt(Date.parse(selection.time)) * NS_PER_MS;
  const bucketEnd = bucketStart + BigInt(window.granularityS) * NS_PER_S;
  return [bucketStart > startNs ? bucketStart : startNs, bucketEnd < endNs ? bucketEnd : endNs];
};

const selector = (query: Query, selection: Selection, keys: ColumnKeys): SpanPredicate => {
  const filters = compileFilters(query.filters, query.filterCombination, keys);
  const groups = selection.groups.map((group) => Object.entries(group).map(([column, value]) => ({ get: columnGetter(column, keys), value })));
  const { range } = selection;
  const rangeValue = range ? columnGetter(range.column, keys) : undefined;
  return (span: DecodedSpan) => {
    if (!filters(span)) return false;
    const inGroup = (group: (typeof groups)[number]) => group.every(({ get, value }) => (get(span) ?? null) === value);
    if (groups.length > 0 && !groups.some(inGroup)) return false;
    if (!range || !rangeValue) return true;
    const value = rangeValue(span);
    return typeof value === 'number' && value >= range.min && value < range.max;
  };
};

export const matchingTraces = (store: TraceStore, query: Query, selection: Selection, nowMs: number): MatchingTraces => {
  const selects = selector(query, selection, store.columnKeys);
  const [startNs, endNs] = timeRange(query, selection, nowMs);
  const byTrace = new Map<string, DecodedSpan[]>();
  let matchedSpans = 0;
  forEachSpanStartedIn(store, startNs, endNs, (span) => {
    if (!selects(span)) return;
    matchedSpans++;
    const spans = byTrace.get(span.traceId);
    if (spans) spans.push(span);
    else byTrace.set(span.traceId, [span]);
  });
  const traces: MatchingTrace[] = [];
  for (const [traceId, spans] of byTrace) {
    const summary = store.summary(traceId);
    if (!summary) continue;
    spans.sort((a, b) => (a.startTimeUnixNano < b.startTimeUnixNano ? -1 : a.startTimeUnixNano > b.startTimeUnixNano ? 1 : 0));
    traces.push({ ...summary, matchedSpanIds: spans.map((span) => span.spanId) });
  }
  traces.sort((a, b) => b.startMs - a.startMs);
  return { matchedSpans, matchedTraces: byTrace.size, traces: traces.slice(0, selection.limit) };
};
