// A Honeycomb Query Specification, as parsed: the ops it may name and the
// normalized query the engine runs (see README.md, "Query API").

/** Percentile ops and their rank in thousandths, so P999 is exact in integers. */
export const PERCENTILES = {
  P001: 1,
  P01: 10,
  P05: 50,
  P10: 100,
  P20: 200,
  P25: 250,
  P50: 500,
  P75: 750,
  P80: 800,
  P90: 900,
  P95: 950,
  P99: 990,
  P999: 999,
} as const;
export type PercentileOp = keyof typeof PERCENTILES;

export const CALCULATION_OPS = [
  'COUNT',
  'COUNT_DISTINCT',
  'SUM',
  'AVG',
  'MIN',
  'MAX',
  ...(Object.keys(PERCENTILES) as PercentileOp[]),
  'HEATMAP',
] as const;
export type CalculationOp = (typeof CALCULATION_OPS)[number];

/** Honeycomb ops this viewer does not compute: named in the 400 rather than called unknown. */
export const UNSUPPORTED_CALCULATION_OPS = ['CONCURRENCY', 'RATE_AVG', 'RATE_SUM', 'RATE_MAX'];

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
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** A column's value: attributes that are arrays become their JSON, as Honeycomb stores them. */
export type Scalar = string | number | boolean;

export interface Calculation {
  readonly op: CalculationOp;
  /** Absent for COUNT. */
  readonly column: string | undefined;
  /** How Honeycomb names it in results: `COUNT`, `P90(duration_ms)`. */
  readonly key: string;
}

export const STRING_FILTER_OPS = ['contains', 'does-not-contain', 'starts-with', 'does-not-start-with', 'ends-with', 'does-not-end-with'] as const;
export type StringFilterOp = (typeof STRING_FILTER_OPS)[number];
export type ComparisonFilterOp = '=' | '!=' | '>' | '>=' | '<' | '<=';

export type Filter =
  | { readonly column: string; readonly op: 'exists' | 'does-not-exist' }
  | { readonly column: string; readonly op: 'in' | 'not-in'; readonly value: readonly Scalar[] }
  | { readonly column: string; readonly op: StringFilterOp; readonly value: string }
  | { readonly column: string; readonly op: ComparisonFilterOp; readonly value: Scalar };

/** One term of ORDER BY: a calculation's key or a breakdown column. */
export interface Order {
  readonly key: string;
  /** The calculation whose key it is; undefined for a breakdown. */
  readonly calculation: Calculation | undefined;
  readonly descending: boolean;
}

/** The time fields as given; the window they describe depends on when the query runs. */
export interface TimeSpec {
  readonly timeRange: number | undefined;
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  readonly granularity: number | undefined;
}

export interface Query {
  readonly calculations: readonly Calculation[];
  readonly filters: readonly Filter[];
  readonly filterCombination: 'AND' | 'OR';
  readonly breakdowns: readonly string[];
  /** Explicit or the default one; never empty. */
  readonly orders: readonly Order[];
  readonly limit: number;
  readonly time: TimeSpec;
  /** The specification with its defaults filled in, as the answer echoes it. */
  readonly spec: Record<string, unknown>;
}

/** A malformed specification: which field, and what is wrong with it. */
export class QuerySpecError extends Error {
  override name = 'QuerySpecError';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

export const calculationKey = (op: CalculationOp, column: string | undefined): string =>
  op === 'COUNT' || column === undefined ? op : `${op}(${column})`;
