import { describe, expect, it } from 'vitest';
import { type GroupValues, groupKeyReader, groupValuesReader, orderAndLimit } from '../../src/query/groups.js';
import type { Order } from '../../src/query/spec.js';
import { makeSpan } from '../support/spans.js';

interface Row {
  values: GroupValues;
  p90: number | null;
}

const byP90 = (descending: boolean): Order => ({ key: 'P90(d)', calculation: { op: 'P90', column: 'd', key: 'P90(d)' }, descending });
const byRoute = (descending: boolean): Order => ({ key: 'route', calculation: undefined, descending });

const ordered = (rows: Row[], orders: Order[], limit = 100) =>
  orderAndLimit(rows, orders, (row, order) => (order.calculation ? row.p90 : (row.values[0] ?? null)), (row) => row.values, limit).map((row) => row.values[0]);

const rows: Row[] = [
  { values: ['/b'], p90: 5 },
  { values: ['/a'], p90: 9 },
  { values: [null], p90: 7 },
  { values: ['/c'], p90: null },
  { values: ['/d'], p90: 5 },
];

describe('groups', () => {
  it('order by a calculation either way, missing values last both ways, ties by breakdown value', () => {
    expect(ordered(rows, [byP90(true)])).toEqual(['/a', null, '/b', '/d', '/c']);
    expect(ordered(rows, [byP90(false)])).toEqual(['/b', '/d', null, '/a', '/c']);
  });

  it('order by a breakdown, missing values last; then by the next term', () => {
    expect(ordered(rows, [byRoute(false)])).toEqual(['/a', '/b', '/c', '/d', null]);
    expect(ordered(rows, [byRoute(true)])).toEqual(['/d', '/c', '/b', '/a', null]);
    expect(ordered(rows, [byP90(false), byRoute(true)])).toEqual(['/d', '/b', null, '/a', '/c']);
  });

  it('keep the first `limit` groups', () => {
    expect(ordered(rows, [byP90(true)], 2)).toEqual(['/a', null]);
  });

  it('sort values of mixed types: booleans, numbers, strings, then missing', () => {
    const mixed: Row[] = [['b'], [10], [null], [true], [9], ['a'], [false]].map((values) => ({ values, p90: 1 }));
    expect(ordered(mixed, [byP90(true)])).toEqual([false, true, 9, 10, 'a', 'b', null]);
  });

  it('key spans by their breakdown values, telling 1 from "1" and a missing value from "null"', () => {
    const spans = [1, '1', 'null', undefined].map((v) => makeSpan({ span: 1, attributes: v === undefined ? {} : { v } }));
    expect(spans.map(groupValuesReader(['v']))).toEqual([[1], ['1'], ['null'], [null]]);
    expect(new Set(spans.map(groupKeyReader(['v']))).size).toBe(4);
    const two = makeSpan({ span: 1, name: 'x', attributes: { v: 2 } });
    expect(groupKeyReader(['name', 'v'])(two)).toBe(groupKeyReader(['name', 'v'])({ ...two }));
    expect(groupKeyReader(['name', 'v'])(two)).not.toBe(groupKeyReader(['name', 'v'])({ ...two, name: 'y' }));
    expect(groupValuesReader(['name', 'v'])(two)).toEqual(['x', 2]);
    expect(groupKeyReader([])(two)).toBe(groupKeyReader([])(makeSpan({ span: 2 })));
  });
});
