import { describe, expect, it } from 'vitest';
import { addToCell, type Cell, emptyCell, makePlan } from '../../src/query/aggregate.js';
import { heatmapLayout } from '../../src/query/heatmap.js';
import { parseQuerySpec } from '../../src/query/parse-spec.js';
import { seriesOf } from '../../src/query/series.js';
import { resolveWindow } from '../../src/query/time-window.js';
import { makeSpan } from '../support/spans.js';

describe('series', () => {
  const query = parseQuerySpec({ calculations: [{ op: 'COUNT' }, { op: 'MIN', column: 'd' }, { op: 'HEATMAP', column: 'd' }], start_time: 0, end_time: 30, granularity: 10 });
  const plan = makePlan(query.calculations);
  const window = resolveWindow(query.time, 0);
  const cellOf = (...values: number[]): Cell => {
    const cell = emptyCell(plan);
    values.forEach((d, i) => {
      addToCell(plan, cell, makeSpan({ span: i + 1, attributes: { d } }));
    });
    return cell;
  };
  const layouts = new Map([['d', heatmapLayout(0, 4)]]);

  it('has every bucket for every group, time first, groups in their order, empty cells as zero and null', () => {
    const groups = [
      { breakdown: { route: '/a' }, cells: [cellOf(1, 2), undefined, cellOf(4)] },
      { breakdown: { route: '/b' }, cells: [undefined, cellOf(3)] },
    ];
    const series = seriesOf(window, groups, plan, query.calculations, layouts);
    expect(series.map(({ time, data }) => [time, data.route, data.COUNT, data['MIN(d)']])).toEqual([
      ['1970-01-01T00:00:00Z', '/a', 2, 1],
      ['1970-01-01T00:00:00Z', '/b', 0, null],
      ['1970-01-01T00:00:10Z', '/a', 0, null],
      ['1970-01-01T00:00:10Z', '/b', 1, 3],
      ['1970-01-01T00:00:20Z', '/a', 1, 4],
      ['1970-01-01T00:00:20Z', '/b', 0, null],
    ]);
    const heatmaps = series.map(({ data }) => (data['HEATMAP(d)'] as { counts: number[] }).counts.reduce((a, b) => a + b, 0));
    expect(heatmaps).toEqual([2, 0, 0, 1, 1, 0]);
  });
});
