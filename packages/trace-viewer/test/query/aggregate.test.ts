import { describe, expect, it } from 'vitest';
import { addToCell, calculate, emptyCell, makePlan, mergeCells } from '../../src/query/aggregate.js';
import { heatmapLayout } from '../../src/query/heatmap.js';
import { parseQuerySpec } from '../../src/query/parse-spec.js';
import { makeSpan } from '../support/spans.js';

const calculationsOf = (ops: string[], column: string) =>
  parseQuerySpec({ calculations: ops.map((op) => (op === 'COUNT' ? { op } : { op, column })) }).calculations;

const ALL = ['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX', 'P50', 'P90', 'P99', 'HEATMAP'];

/** Every calculation over spans with these values of `v` (undefined: no such attribute). */
const valuesFor = (values: unknown[]) => {
  const calculations = calculationsOf(ALL, 'v');
  const plan = makePlan(calculations);
  const cell = emptyCell(plan);
  values.forEach((v, i) => {
    addToCell(plan, cell, makeSpan({ span: i + 1, attributes: v === undefined ? {} : { v: v as number } }));
  });
  return calculate(plan, calculations, cell, new Map([['v', heatmapLayout(0, 10)]]));
};

describe('calculations', () => {
  it('answer as computed by hand, ints and doubles alike', () => {
    // 1, 2.5, 4, 4, 8.5: sum 20, mean 4, 4 distinct values.
    expect(valuesFor([4, 1, 8.5, 2.5, 4])).toEqual({
      COUNT: 5,
      'COUNT_DISTINCT(v)': 4,
      'SUM(v)': 20,
      'AVG(v)': 4,
      'MIN(v)': 1,
      'MAX(v)': 8.5,
      'P50(v)': 4,
      'P90(v)': 8.5,
      'P99(v)': 8.5,
      'HEATMAP(v)': { min_value: 0, max_value: 10.2, step_size: 0.2, counts: expect.any(Array) as unknown },
    });
    const counts = (valuesFor([4, 1, 8.5, 2.5, 4])['HEATMAP(v)'] as { counts: number[] }).counts;
    expect(counts).toHaveLength(51);
    expect(Object.fromEntries(counts.flatMap((count, i) => (count > 0 ? [[i, count]] : [])))).toEqual({ 5: 1, 12: 1, 20: 2, 42: 1 });
  });

  it('count every span, and leave spans without a number out of the others', () => {
    expect(valuesFor([3, undefined, 'seven', true, ['x'], 5])).toMatchObject({
      COUNT: 6,
      // Strings, booleans and arrays (as JSON) are distinct values too.
      'COUNT_DISTINCT(v)': 5,
      'SUM(v)': 8,
      'AVG(v)': 4,
      'MIN(v)': 3,
      'MAX(v)': 5,
      'P50(v)': 3,
    });
  });

  it('tell 1 from "1" when counting distinct values', () => {
    expect(valuesFor([1, '1', 1.0, true, 'true'])['COUNT_DISTINCT(v)']).toBe(4);
  });

  it('answer an empty set: zero counts and sum, null for what needs a value', () => {
    const calculations = calculationsOf(ALL, 'v');
    const plan = makePlan(calculations);
    expect(calculate(plan, calculations, emptyCell(plan), new Map([['v', undefined]]))).toEqual({
      COUNT: 0,
      'COUNT_DISTINCT(v)': 0,
      'SUM(v)': 0,
      'AVG(v)': null,
      'MIN(v)': null,
      'MAX(v)': null,
      'P50(v)': null,
      'P90(v)': null,
      'P99(v)': null,
      'HEATMAP(v)': { min_value: null, max_value: null, step_size: null, counts: [] },
    });
    expect(valuesFor([undefined, 'text'])).toMatchObject({ COUNT: 2, 'SUM(v)': 0, 'AVG(v)': null, 'P90(v)': null });
  });

  it('merge cells into the same answer as one cell of all their spans', () => {
    const calculations = calculationsOf(['COUNT', 'COUNT_DISTINCT', 'P90', 'AVG'], 'v');
    const plan = makePlan(calculations);
    const [a, b, all] = [emptyCell(plan), emptyCell(plan), emptyCell(plan)];
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].forEach((v, i) => {
      const span = makeSpan({ span: i + 1, attributes: { v: v % 4 } });
      addToCell(plan, i < 4 ? a : b, span);
      addToCell(plan, all, span);
    });
    const none = new Map();
    expect(calculate(plan, calculations, mergeCells(plan, [a, b]), none)).toEqual(calculate(plan, calculations, all, none));
    expect(calculate(plan, calculations, all, none)).toEqual({ COUNT: 10, 'COUNT_DISTINCT(v)': 4, 'P90(v)': 3, 'AVG(v)': 1.5 });
  });

  it('read each column once for all calculations on it', () => {
    const plan = makePlan(parseQuerySpec({ calculations: [{ op: 'P90', column: 'd' }, { op: 'MAX', column: 'd' }, { op: 'COUNT_DISTINCT', column: 'd' }, { op: 'COUNT' }] }).calculations);
    expect([plan.numeric, plan.distinct]).toEqual([['d'], ['d']]);
  });
});
