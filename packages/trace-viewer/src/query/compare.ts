// How column values compare with filter values and with each other. A value
// is a number whether the attribute came as an int or a double, and a filter
// value written as a string ("200", "true") matches the number or boolean it
// spells, as Honeycomb reads a filter's value in its column's type.

import type { Scalar } from './spec.js';

const asNumber = (value: Scalar): number | undefined => {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
};

const asBoolean = (value: string): boolean | undefined => {
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
};

export const valuesEqual = (column: Scalar, filter: Scalar): boolean => {
  if (typeof column === typeof filter) return column === filter;
  if (typeof column === 'boolean') return typeof filter === 'string' && asBoolean(filter) === column;
  if (typeof filter === 'boolean') return typeof column === 'string' && asBoolean(column) === filter;
  const [a, b] = [asNumber(column), asNumber(filter)];
  return a !== undefined && a === b;
};

/** Negative, zero or positive as `column` sorts before, with or after `filter`; undefined when they do not compare. */
export const compareValues = (column: Scalar, filter: Scalar): number | undefined => {
  if (typeof column === 'string' && typeof filter === 'string') {
    const [a, b] = [asNumber(column), asNumber(filter)];
    if (a !== undefined && b !== undefined) return a - b;
    return column < filter ? -1 : column > filter ? 1 : 0;
  }
  const [a, b] = [asNumber(column), asNumber(filter)];
  return a === undefined || b === undefined ? undefined : a - b;
};

const TYPE_RANK = { boolean: 0, number: 1, string: 2 } as const;

/** A total order for sorting groups: booleans, then numbers, then strings, missing values last. */
export const sortOrder = (a: Scalar | null, b: Scalar | null): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a !== typeof b) return TYPE_RANK[typeof a as keyof typeof TYPE_RANK] - TYPE_RANK[typeof b as keyof typeof TYPE_RANK];
  if (typeof a === 'number') return a - (b as number);
  return a < b ? -1 : a > b ? 1 : 0;
};
