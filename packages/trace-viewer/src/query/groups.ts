// GROUP BY, ORDER BY and LIMIT: spans grouped by their breakdown values (a
// missing column groups as null), the groups ordered by the terms given,
// then by those values so that ties come out the same every time.

import type { DecodedSpan } from '../otlp/model.js';
import type { ColumnKeys } from '../store/column-keys.js';
import { columnGetter } from './columns.js';
import { sortOrder } from './compare.js';
import type { Order, Scalar } from './spec.js';

export type GroupValues = (Scalar | null)[];

/** The span's breakdown values; a missing column is null. */
export const groupValuesReader = (breakdowns: readonly string[], keys?: ColumnKeys): ((span: DecodedSpan) => GroupValues) => {
  const getters = breakdowns.map((column) => columnGetter(column, keys));
  return (span) => getters.map((get) => get(span) ?? null);
};

/** A key for a span's group, equal exactly when its breakdown values are. */
export const groupKeyReader = (breakdowns: readonly string[], keys?: ColumnKeys): ((span: DecodedSpan) => unknown) => {
  const getters = breakdowns.map((column) => columnGetter(column, keys));
  const [only] = getters;
  if (getters.length === 0) return () => '';
  // A Map key keeps 1, "1" and true apart.
  if (getters.length === 1 && only) return (span) => only(span) ?? null;
  return (span) => JSON.stringify(getters.map((get) => get(span) ?? null));
};

/** Missing values last whichever the direction. */
const compareTerm = (a: Scalar | null, b: Scalar | null, descending: boolean): number => {
  if (a === null || b === null) return sortOrder(a, b);
  return descending ? sortOrder(b, a) : sortOrder(a, b);
};

/**
 * The first `limit` items by `orders`, then by their breakdown values.
 * `term` gives an item's value for one order: a calculation's number or a
 * breakdown value.
 */
export const orderAndLimit = <T>(
  items: readonly T[],
  orders: readonly Order[],
  term: (item: T, order: Order) => Scalar | null,
  values: (item: T) => GroupValues,
  limit: number,
): T[] => {
  const keyed = items.map((item) => ({ item, terms: orders.map((order) => term(item, order)), values: values(item) }));
  keyed.sort((a, b) => {
    for (const [i, order] of orders.entries()) {
      const byTerm = compareTerm(a.terms[i] ?? null, b.terms[i] ?? null, order.descending);
      if (byTerm !== 0) return byTerm;
    }
    for (const [i, value] of a.values.entries()) {
      const byValue = sortOrder(value, b.values[i] ?? null);
      if (byValue !== 0) return byValue;
    }
    return 0;
  });
  return keyed.slice(0, limit).map(({ item }) => item);
};
