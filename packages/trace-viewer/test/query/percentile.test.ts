import { describe, expect, it } from 'vitest';
import { percentileOfSorted } from '../../src/query/percentile.js';
import { PERCENTILES } from '../../src/query/spec.js';

const sorted = (values: number[]) => Float64Array.from(values).sort();

describe('percentiles by nearest rank', () => {
  const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const tied = [1, 2, 2, 2, 2, 2, 2, 2, 2, 9];

  it.each([
    // The smallest value with at least p % of the values at or below it.
    [ten, 'P50', 50],
    [ten, 'P75', 80],
    [ten, 'P90', 90],
    [ten, 'P95', 100],
    [ten, 'P99', 100],
    [ten, 'P001', 10],
    [ten, 'P10', 10],
    [ten, 'P20', 20],
    [ten, 'P25', 30],
    // Ties at the percentile resolve to the tied value.
    [tied, 'P10', 1],
    [tied, 'P20', 2],
    [tied, 'P90', 2],
    [tied, 'P95', 9],
  ] as const)('of %j: %s is %d', (values, op, expected) => {
    expect(percentileOfSorted(sorted([...values]), PERCENTILES[op])).toBe(expected);
  });

  it('are exact at the edges: P999 of 1,000 values is the 999th, P001 the first', () => {
    const thousand = sorted(Array.from({ length: 1000 }, (_, i) => 1000 - i));
    expect(percentileOfSorted(thousand, PERCENTILES.P999)).toBe(999);
    expect(percentileOfSorted(thousand, PERCENTILES.P001)).toBe(1);
    expect(percentileOfSorted(thousand, PERCENTILES.P99)).toBe(990);
  });

  it('are null for no values and the value itself for one', () => {
    expect(percentileOfSorted(sorted([]), PERCENTILES.P50)).toBeNull();
    expect(percentileOfSorted(sorted([4.5]), PERCENTILES.P001)).toBe(4.5);
    expect(percentileOfSorted(sorted([4.5]), PERCENTILES.P999)).toBe(4.5);
  });
});
