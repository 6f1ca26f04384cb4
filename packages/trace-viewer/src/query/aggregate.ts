// VISUALIZE: what each calculation makes of a set of spans. The spans of a
// group in one time bucket are gathered into a cell (their count, the
// numbers of each column a calculation reads, the distinct values of each
// COUNT_DISTINCT column); cells merge into the group's whole. Non-numeric
// values are left out of SUM, AVG, MIN, MAX, the percentiles and HEATMAP.

import type { DecodedSpan } from '../otlp/model.js';
import type { ColumnKeys } from '../store/column-keys.js';
import { type ColumnGetter, columnGetter } from './columns.js';
import { type Heatmap, heatmap, type HeatmapLayout } from './heatmap.js';
import { percentileOfSorted } from './percentile.js';
import { type Calculation, PERCENTILES, type Scalar } from './spec.js';

export type CalculationValue = number | null | Heatmap;

export interface Cell {
  count: number;
  /** By numeric column, in the plan's order. */
  numbers: number[][];
  /** By COUNT_DISTINCT column, in the plan's order. */
  distinct: Set<Scalar>[];
  /** `numbers` sorted, once asked for: a group's whole is calculated for its order, then for its row. */
  sorted: (Float64Array | undefined)[];
}

/** The columns the calculations read, each read once per span. */
export interface Plan {
  readonly numeric: readonly string[];
  readonly distinct: readonly string[];
  readonly numericGetters: readonly ColumnGetter[];
  readonly distinctGetters: readonly ColumnGetter[];
}

const unique = (values: (string | undefined)[]): string[] => [...new Set(values.filter((value) => value !== undefined))];

export const makePlan = (calculations: readonly Calculation[], keys?: ColumnKeys): Plan => {
  const numeric = unique(calculations.filter(({ op }) => op !== 'COUNT' && op !== 'COUNT_DISTINCT').map(({ column }) => column));
  const distinct = unique(calculations.filter(({ op }) => op === 'COUNT_DISTINCT').map(({ column }) => column));
  const getter = (column: string) => columnGetter(column, keys);
  return { numeric, distinct, numericGetters: numeric.map(getter), distinctGetters: distinct.map(getter) };
};

export const emptyCell = (plan: Plan): Cell => ({
  count: 0,
  numbers: plan.numeric.map(() => []),
  distinct: plan.distinct.map(() => new Set()),
  sorted: [],
});

export const addToCell = (plan: Plan, cell: Cell, span: DecodedSpan): void => {
  cell.count++;
  const { numericGetters, distinctGetters } = plan;
  for (let i = 0; i < numericGetters.length; i++) {
    const value = numericGetters[i]?.(span);
    if (typeof value === 'number') cell.numbers[i]?.push(value);
  }
  for (let i = 0; i < distinctGetters.length; i++) {
    const value = distinctGetters[i]?.(span);
    if (value !== undefined) cell.distinct[i]?.add(value);
  }
};

export const mergeCells = (plan: Plan, cells: Iterable<Cell>): Cell => {
  const merged = emptyCell(plan);
  for (const cell of cells) {
    merged.count += cell.count;
    cell.numbers.forEach((values, i) => {
      const into = merged.numbers[i] as number[];
      for (const value of values) into.push(value);
    });
    cell.distinct.forEach((values, i) => {
      const into = merged.distinct[i] as Set<Scalar>;
      for (const value of values) into.add(value);
    });
  }
  return merged;
};

/** The calculations' values for one cell, keyed as Honeycomb keys them. */
export const calculate = (
  plan: Plan,
  calculations: readonly Calculation[],
  cell: Cell,
  layouts: ReadonlyMap<string, HeatmapLayout | undefined>,
): Record<string, CalculationValue> => {
  const numbersOf = (column: string): number[] => cell.numbers[plan.numeric.indexOf(column)] ?? [];
  const sortedOf = (column: string): Float64Array => {
    const index = plan.numeric.indexOf(column);
    return (cell.sorted[index] ??= Float64Array.from(numbersOf(column)).sort());
  };
  const data: Record<string, CalculationValue> = {};
  for (const { op, column = '', key } of calculations) {
    if (op === 'COUNT') data[key] = cell.count;
    else if (op === 'COUNT_DISTINCT') data[key] = cell.distinct[plan.distinct.indexOf(column)]?.size ?? 0;
    else if (op === 'SUM' || op === 'AVG') {
      const values = numbersOf(column);
      const sum = values.reduce((total, value) => total + value, 0);
      data[key] = op === 'SUM' ? sum : values.length > 0 ? sum / values.length : null;
    } else if (op === 'MIN') data[key] = sortedOf(column)[0] ?? null;
    else if (op === 'MAX') data[key] = sortedOf(column).at(-1) ?? null;
    else if (op === 'HEATMAP') data[key] = heatmap(layouts.get(column), numbersOf(column));
    else data[key] = percentileOfSorted(sortedOf(column), PERCENTILES[op]);
  }
  return data;
};
