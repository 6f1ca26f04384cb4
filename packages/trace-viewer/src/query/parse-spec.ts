// A Query Specification read from JSON, every field checked, with the same
// defaults Honeycomb applies: COUNT when no calculation, AND, a limit of 100,
// the last two hours. The first mistake found is thrown as a QuerySpecError.

import {
  CALCULATION_OPS,
  type Calculation,
  type CalculationOp,
  calculationKey,
  FILTER_OPS,
  type Filter,
  type FilterOp,
  type Order,
  type Query,
  QuerySpecError,
  type Scalar,
  STRING_FILTER_OPS,
  type StringFilterOp,
  type TimeSpec,
  UNSUPPORTED_CALCULATION_OPS,
} from './spec.js';
import { DEFAULT_TIME_RANGE, granularityBounds } from './time-window.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** Honeycomb's cap on each list of a specification. */
const MAX_ITEMS = 100;

type Json = Record<string, unknown>;

const KNOWN_FIELDS = new Set([
  'calculations',
  'filters',
  'filter_combination',
  'breakdowns',
  'orders',
  'limit',
  'time_range',
  'start_time',
  'end_time',
  'granularity',
  // A query read back from Honeycomb carries its id; sampling is not corrected for here, so usage_mode changes nothing.
  'id',
  'usage_mode',
]);
/** Honeycomb fields this viewer cannot honour: accepted only when empty, so no result silently ignores them. */
const UNSUPPORTED_LISTS = ['havings', 'calculated_fields', 'formulas'];

const fail = (field: string, reason: string): never => {
  throw new QuerySpecError(field, reason);
};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

const list = (value: unknown, field: string): unknown[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail(field, 'must be an array');
  if (value.length > MAX_ITEMS) return fail(field, `must have at most ${String(MAX_ITEMS)} items`);
  return value;
};

const entry = (value: unknown, field: string): Json => (isObject(value) ? value : fail(field, 'must be an object'));

const columnName = (value: unknown, field: string): string =>
  typeof value === 'string' && value.trim() !== '' ? value : fail(field, 'must be a column name (a non-empty string)');

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], field: string): T =>
  allowed.includes(value as T) ? (value as T) : fail(field, `must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);

const integer = (value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${String(min)}` : `from ${String(min)} to ${String(max)}`;
    return fail(field, `must be an integer ${range}; got ${JSON.stringify(value)}`);
  }
  return value;
};

const calculationOp = (value: unknown, field: string): CalculationOp => {
  if (typeof value === 'string' && UNSUPPORTED_CALCULATION_OPS.includes(value)) {
    return fail(field, `${value} is a Honeycomb op this viewer does not compute; use one of ${CALCULATION_OPS.join(', ')}`);
  }
  return oneOf(value, CALCULATION_OPS, field);
};

const calculations = (value: unknown): Calculation[] => {
  const given = list(value, 'calculations').map((item, i): Calculation => {
    const field = `calculations[${String(i)}]`;
    const calc = entry(item, field);
    const op = calculationOp(calc.op, `${field}.op`);
    // COUNT may name a column in Honeycomb, which ignores it.
    if (op === 'COUNT') return { op, column: undefined, key: 'COUNT' };
    const column = columnName(calc.column, `${field}.column`);
    return { op, column, key: calculationKey(op, column) };
  });
  return given.length > 0 ? given : [{ op: 'COUNT', column: undefined, key: 'COUNT' }];
};

const isStringOp = (op: FilterOp): op is StringFilterOp => (STRING_FILTER_OPS as readonly FilterOp[]).includes(op);

const filter = (item: unknown, field: string): Filter => {
  const spec = entry(item, field);
  const column = columnName(spec.column, `${field}.column`);
  const op = oneOf(spec.op, FILTER_OPS, `${field}.op`);
  const { value } = spec;
  const valueField = `${field}.value`;
  if (op === 'exists' || op === 'does-not-exist') {
    if (value !== undefined && value !== null) fail(valueField, `${op} takes no value`);
    return { column, op };
  }
  if (op === 'in' || op === 'not-in') {
    if (!Array.isArray(value) || value.length === 0 || !value.every(isScalar)) {
      return fail(valueField, `${op} needs a non-empty array of strings, numbers or booleans`);
    }
    return { column, op, value };
  }
  if (isStringOp(op)) {
    if (typeof value !== 'string') return fail(valueField, `${op} needs a string`);
    return { column, op, value };
  }
  if (!isScalar(value)) {
    return fail(valueField, `${op} needs a string, a number or a boolean${value === null ? ' (for a missing column, use does-not-exist)' : ''}`);
  }
  if (typeof value === 'boolean' && op !== '=' && op !== '!=') return fail(valueField, `${op} needs a number or a string`);
  return { column, op, value };
};

const breakdowns = (value: unknown): string[] => {
  const columns = list(value, 'breakdowns').map((item, i) => columnName(item, `breakdowns[${String(i)}]`));
  columns.forEach((column, i) => {
    if (columns.indexOf(column) !== i) fail(`breakdowns[${String(i)}]`, `${column} is already a breakdown`);
  });
  return columns;
};

const orders = (value: unknown, calcs: readonly Calculation[], groups: readonly string[]): Order[] =>
  list(value, 'orders').map((item, i) => {
    const field = `orders[${String(i)}]`;
    const spec = entry(item, field);
    const descending = oneOf(spec.order ?? 'ascending', ['ascending', 'descending'], `${field}.order`) === 'descending';
    if (spec.op === undefined || spec.op === null) {
      const column = columnName(spec.column, `${field}.column`);
      if (!groups.includes(column)) fail(`${field}.column`, `${column} is not among the breakdowns (to order by a calculation, give its op)`);
      return { key: column, calculation: undefined, descending };
    }
    const op = calculationOp(spec.op, `${field}.op`);
    if (op === 'HEATMAP') fail(`${field}.op`, 'a HEATMAP cannot be ordered by');
    const column = op === 'COUNT' ? undefined : columnName(spec.column, `${field}.column`);
    const key = calculationKey(op, column);
    const calculation = calcs.find((calc) => calc.key === key);
    if (!calculation) return fail(field, `${key} is not among the calculations`);
    return { key, calculation, descending };
  });

/** With no ORDER BY: the first calculation that can be ordered, largest first; else the most spans. */
const defaultOrders = (calcs: readonly Calculation[]): Order[] => {
  const calculation = calcs.find((calc) => calc.op !== 'HEATMAP');
  return [{ key: calculation?.key ?? 'COUNT', calculation, descending: true }];
};

const time = (spec: Json): TimeSpec => {
  const timeRange = integer(spec.time_range, 'time_range', 1);
  const startTime = integer(spec.start_time, 'start_time', 0);
  const endTime = integer(spec.end_time, 'end_time', 0);
  const granularity = integer(spec.granularity, 'granularity', 1);
  if (timeRange !== undefined && startTime !== undefined && endTime !== undefined) {
    fail('time_range', 'cannot be given with both start_time and end_time');
  }
  if (startTime !== undefined && endTime !== undefined && startTime >= endTime) fail('start_time', 'must be before end_time');
  const range = startTime !== undefined && endTime !== undefined ? endTime - startTime : (timeRange ?? DEFAULT_TIME_RANGE);
  if (granularity !== undefined) {
    const { min, max } = granularityBounds(range);
    if (granularity < min || granularity > max) {
      fail('granularity', `must be from ${String(min)} to ${String(max)} seconds for a ${String(range)}-second time range`);
    }
  }
  return { timeRange, startTime, endTime, granularity };
};

const echoCalculation = ({ op, column }: Calculation): Json => (column === undefined ? { op } : { op, column });

const echoOrder = ({ key, calculation, descending }: Order): Json => ({
  ...(calculation ? echoCalculation(calculation) : { column: key }),
  order: descending ? 'descending' : 'ascending',
});

const echoFilter = (f: Filter): Json => ('value' in f ? { column: f.column, op: f.op, value: f.value } : { column: f.column, op: f.op });

/** The specification as read, defaults filled in: running it again gives the same query. */
const echo = (query: Omit<Query, 'spec'>, given: readonly Order[]): Record<string, unknown> => {
  const { timeRange, startTime, endTime, granularity } = query.time;
  const noTime = timeRange === undefined && startTime === undefined && endTime === undefined;
  return {
    calculations: query.calculations.map(echoCalculation),
    filters: query.filters.map(echoFilter),
    filter_combination: query.filterCombination,
    breakdowns: [...query.breakdowns],
    orders: given.map(echoOrder),
    limit: query.limit,
    ...(noTime ? { time_range: DEFAULT_TIME_RANGE } : {}),
    ...(timeRange === undefined ? {} : { time_range: timeRange }),
    ...(startTime === undefined ? {} : { start_time: startTime }),
    ...(endTime === undefined ? {} : { end_time: endTime }),
    ...(granularity === undefined ? {} : { granularity }),
  };
};

export const parseQuerySpec = (input: unknown): Query => {
  const spec = isObject(input) ? input : fail('query', 'must be a JSON object');
  for (const name of Object.keys(spec)) {
    if (UNSUPPORTED_LISTS.includes(name)) {
      if (list(spec[name], name).length > 0) fail(name, 'not supported by the local viewer');
    } else if (name === 'compare_time_offset_seconds') {
      if (spec[name] !== undefined && spec[name] !== null) fail(name, 'not supported by the local viewer');
    } else if (!KNOWN_FIELDS.has(name)) {
      fail(name, 'not a field of a Query Specification');
    }
  }
  const calcs = calculations(spec.calculations);
  const filters = list(spec.filters, 'filters').map((item, i) => filter(item, `filters[${String(i)}]`));
  const filterCombination = oneOf(spec.filter_combination ?? 'AND', ['AND', 'OR'], 'filter_combination');
  const groups = breakdowns(spec.breakdowns);
  const given = orders(spec.orders, calcs, groups);
  const limit = integer(spec.limit, 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
  const query = {
    calculations: calcs,
    filters,
    filterCombination,
    breakdowns: groups,
    orders: given.length > 0 ? given : defaultOrders(calcs),
    limit,
    time: time(spec),
  };
  return { ...query, spec: echo(query, given) };
};
