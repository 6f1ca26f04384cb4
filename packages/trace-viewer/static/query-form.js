// @ts-check
// The query builder's clauses and the Honeycomb Query Specification they
// stand for, both ways. The server checks the specification; this only
// shapes it, so what the builder sends is what a user could send with curl.
// The op lists restate src/query/spec.ts's for the browser, which loads no
// server code; a test keeps them equal.

/**
 * @typedef {{ op: string, column: string }} CalculationClause
 * @typedef {{ column: string, op: string, value: string }} FilterClause
 * @typedef {{ op: string, column: string, descending: boolean }} OrderClause op '' orders by a breakdown column
 * @typedef {{
 *   calculations: CalculationClause[], filters: FilterClause[], combination: 'AND' | 'OR',
 *   breakdowns: string[], orders: OrderClause[], limit: string, timeRange: number,
 *   fixedTime: { start_time?: number, end_time?: number, granularity?: number }
 * }} QueryForm fixedTime: absolute times a shared query carried, kept as they were
 * @typedef {Record<string, unknown>} QuerySpec
 */

export const CALCULATION_OPS = [
  'COUNT',
  'COUNT_DISTINCT',
  'SUM',
  'AVG',
  'MIN',
  'MAX',
  'P001',
  'P01',
  'P05',
  'P10',
  'P20',
  'P25',
  'P50',
  'P75',
  'P80',
  'P90',
  'P95',
  'P99',
  'P999',
  'HEATMAP',
];

export const FILTER_OPS = [
  '=',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'exists',
  'does-not-exist',
  'contains',
  'does-not-contain',
  'starts-with',
  'does-not-start-with',
  'ends-with',
  'does-not-end-with',
  'in',
  'not-in',
];

/** Ops that take no value, and ops whose value is a comma-separated list. */
export const NO_VALUE_OPS = ['exists', 'does-not-exist'];
export const LIST_OPS = ['in', 'not-in'];
/** Ops whose value Honeycomb takes as text, never as a number. */
export const TEXT_OPS = ['contains', 'does-not-contain', 'starts-with', 'does-not-start-with', 'ends-with', 'does-not-end-with'];

/** @type {[seconds: number, label: string][]} */
export const TIME_RANGES = [
  [600, 'Last 10 minutes'],
  [3600, 'Last hour'],
  [7200, 'Last 2 hours'],
  [21600, 'Last 6 hours'],
  [86400, 'Last 24 hours'],
  [604800, 'Last 7 days'],
];
export const DEFAULT_TIME_RANGE = 7200;

/** How Honeycomb names a calculation in results: `COUNT`, `P90(duration_ms)`. @param {string} op @param {string} column */
export const calculationKey = (op, column) => (op === 'COUNT' || column === '' ? op : `${op}(${column})`);

/**
 * A filter value as typed, trimmed: a number or a boolean when it spells
 * one, text otherwise; double quotes keep text as text (`"200"`).
 *
 * @param {string} text
 * @returns {string | number | boolean}
 */
export function parseScalar(text) {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) return trimmed.slice(1, -1);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return trimmed;
}

/** @param {unknown} value */
function formatScalar(value) {
  if (typeof value !== 'string') return String(value);
  const looksTyped = value.trim() === 'true' || value.trim() === 'false' || (value.trim() !== '' && Number.isFinite(Number(value)));
  return looksTyped ? `"${value}"` : value;
}

/** @param {FilterClause} filter @returns {QuerySpec} */
function filterSpec({ column, op, value }) {
  if (NO_VALUE_OPS.includes(op)) return { column, op };
  if (LIST_OPS.includes(op)) return { column, op, value: value.split(',').map((item) => parseScalar(item.trim())) };
  if (TEXT_OPS.includes(op)) return { column, op, value: value.trim() };
  return { column, op, value: parseScalar(value) };
}

/** @param {unknown} value @param {string} op */
function filterText(value, op) {
  if (value === undefined || NO_VALUE_OPS.includes(op)) return '';
  if (Array.isArray(value)) return value.map(formatScalar).join(', ');
  return TEXT_OPS.includes(op) && typeof value === 'string' ? value : formatScalar(value);
}

/**
 * The specification the clauses stand for; a clause left blank is left out.
 *
 * @param {QueryForm} form
 * @returns {QuerySpec}
 */
export function specFromForm(form) {
  /** @type {QuerySpec} */
  const spec = {};
  const calculations = form.calculations
    .filter((calc) => calc.op === 'COUNT' || calc.column.trim() !== '')
    .map((calc) => (calc.op === 'COUNT' ? { op: 'COUNT' } : { op: calc.op, column: calc.column.trim() }));
  if (calculations.length > 0) spec.calculations = calculations;
  const filters = form.filters.filter((filter) => filter.column.trim() !== '').map((filter) => filterSpec({ ...filter, column: filter.column.trim() }));
  if (filters.length > 0) spec.filters = filters;
  if (filters.length > 1 && form.combination === 'OR') spec.filter_combination = 'OR';
  const breakdowns = form.breakdowns.map((column) => column.trim()).filter((column) => column !== '');
  if (breakdowns.length > 0) spec.breakdowns = breakdowns;
  const orders = form.orders
    .filter((order) => order.op !== '' || order.column.trim() !== '')
    .map(({ op, column, descending }) => ({
      ...(op === '' ? {} : { op }),
      ...(op === 'COUNT' ? {} : { column: column.trim() }),
      order: descending ? 'descending' : 'ascending',
    }));
  if (orders.length > 0) spec.orders = orders;
  if (form.limit.trim() !== '') spec.limit = Number(form.limit);
  const { start_time: start, end_time: end, granularity } = form.fixedTime;
  if (start !== undefined && end !== undefined) Object.assign(spec, { start_time: start, end_time: end });
  else spec.time_range = form.timeRange;
  if (granularity !== undefined) spec.granularity = granularity;
  return spec;
}

/** @param {unknown} value @returns {QuerySpec[]} */
const objects = (value) =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'object' && item !== null && !Array.isArray(item)) : [];
/** @param {unknown} value */
const text = (value) => (typeof value === 'string' ? value : '');
/** @param {unknown} value */
const seconds = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * The clauses of a specification (from the address, an example or a
 * Honeycomb query). What the builder cannot show is dropped; the server
 * would refuse most of it anyway.
 *
 * @param {QuerySpec} spec
 * @returns {QueryForm}
 */
export function formFromSpec(spec) {
  const start = seconds(spec.start_time);
  const end = seconds(spec.end_time);
  const range = seconds(spec.time_range);
  const granularity = seconds(spec.granularity);
  /** @type {QueryForm['fixedTime']} */
  const fixedTime = {};
  if (start !== undefined || end !== undefined) {
    // Either end with time_range, as Honeycomb allows: made absolute here.
    const span = range ?? DEFAULT_TIME_RANGE;
    fixedTime.start_time = start ?? (end ?? 0) - span;
    fixedTime.end_time = end ?? (start ?? 0) + span;
  }
  if (granularity !== undefined) fixedTime.granularity = granularity;
  return {
    calculations: objects(spec.calculations).map((calc) => ({ op: text(calc.op) || 'COUNT', column: text(calc.column) })),
    filters: objects(spec.filters).map((filter) => ({
      column: text(filter.column),
      op: text(filter.op) || '=',
      value: filterText(filter.value, text(filter.op)),
    })),
    combination: spec.filter_combination === 'OR' ? 'OR' : 'AND',
    breakdowns: Array.isArray(spec.breakdowns) ? spec.breakdowns.map(text).filter((column) => column !== '') : [],
    orders: objects(spec.orders).map((order) => ({ op: text(order.op), column: text(order.column), descending: order.order === 'descending' })),
    limit: typeof spec.limit === 'number' ? String(spec.limit) : '',
    timeRange: range ?? DEFAULT_TIME_RANGE,
    fixedTime,
  };
}

/**
 * The seeds' homework: the queries the students ran in Honeycomb in week 2.
 *
 * @type {{ id: string, title: string, question: string, spec: QuerySpec }[]}
 */
export const EXAMPLES = [
  {
    id: 'api-latency',
    title: 'API request durations: heatmap and P90',
    question: 'How long do the API’s requests take, by route?',
    spec: {
      calculations: [
        { op: 'HEATMAP', column: 'duration_ms' },
        { op: 'P90', column: 'duration_ms' },
      ],
      filters: [
        { column: 'service.name', op: '=', value: 'backend-flask' },
        { column: 'span.kind', op: '=', value: 'server' },
      ],
      breakdowns: ['http.route'],
      orders: [{ op: 'P90', column: 'duration_ms', order: 'descending' }],
      time_range: DEFAULT_TIME_RANGE,
    },
  },
  {
    id: 'home-result-length',
    title: 'Home feed: result length',
    question: 'How many activities did the home feed return?',
    spec: {
      calculations: [{ op: 'MAX', column: 'app.result_length' }],
      filters: [{ column: 'name', op: '=', value: 'home-activities-mock-data' }],
      time_range: DEFAULT_TIME_RANGE,
    },
  },
];
