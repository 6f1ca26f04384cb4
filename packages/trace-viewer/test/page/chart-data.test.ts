import { describe, expect, it } from 'vitest';
import { bucketRange, cellAt, groupLabel, heatColor, heatmapGrid, lineSeries, type QueryAnswer } from '../../static/chart-data.js';

const T0 = '2026-12-07T01:00:00Z';
const T1 = '2026-12-07T01:01:00Z';
const T0_S = Date.parse(T0) / 1000;
const layout = { min_value: 0, max_value: 1, step_size: 0.2, counts: [] as number[] };
const heat = (counts: number[]) => ({ ...layout, counts });

/** Two routes over two one-minute buckets; /b has no span in the second. */
const answer: QueryAnswer = {
  query: {},
  complete: true,
  window: { start_time: T0_S, end_time: T0_S + 120, granularity: 60 },
  data: {
    results: [
      { data: { 'http.route': '/a', 'P90(duration_ms)': 0.7, 'HEATMAP(duration_ms)': heat([1, 0, 0, 2, 0]) } },
      { data: { 'http.route': null, 'P90(duration_ms)': 0.3, 'HEATMAP(duration_ms)': heat([0, 1, 0, 0, 0]) } },
    ],
    // Out of time order on purpose: the charts sort by time.
    series: [
      { time: T1, data: { 'http.route': '/a', 'P90(duration_ms)': 0.7, 'HEATMAP(duration_ms)': heat([0, 0, 0, 2, 0]) } },
      { time: T1, data: { 'http.route': null, 'P90(duration_ms)': null, 'HEATMAP(duration_ms)': heat([0, 0, 0, 0, 0]) } },
      { time: T0, data: { 'http.route': '/a', 'P90(duration_ms)': 0.1, 'HEATMAP(duration_ms)': heat([1, 0, 0, 0, 0]) } },
      { time: T0, data: { 'http.route': null, 'P90(duration_ms)': 0.3, 'HEATMAP(duration_ms)': heat([0, 1, 0, 0, 0]) } },
    ],
  },
};

describe('a calculation’s lines', () => {
  it('have a value per time bucket for each result row, in the rows’ order, null where the bucket has none', () => {
    expect(lineSeries(answer, ['http.route'], 'P90(duration_ms)')).toStrictEqual({
      times: [T0_S, T0_S + 60],
      lines: [
        { label: '/a', group: { 'http.route': '/a' }, values: [0.1, 0.7] },
        { label: '(none)', group: { 'http.route': null }, values: [0.3, null] },
      ],
    });
  });

  it('are one line of all spans without breakdowns', () => {
    const single: QueryAnswer = {
      ...answer,
      data: { results: [{ data: { COUNT: 3 } }], series: [{ time: T0, data: { COUNT: 3 } }] },
    };
    expect(lineSeries(single, [], 'COUNT').lines).toStrictEqual([{ label: 'all spans', group: {}, values: [3] }]);
  });

  it('name a group by its values', () => {
    expect(groupLabel({ 'http.route': '/a', 'http.status_code': 200, error: null })).toBe('/a · 200 · (none)');
  });
});

describe('the heatmap’s grid', () => {
  const grid = heatmapGrid(answer, 'HEATMAP(duration_ms)');

  it('adds up every group shown, per time bucket', () => {
    expect(grid).toStrictEqual({
      times: [T0_S, T0_S + 60],
      granularity: 60,
      min: 0,
      step: 0.2,
      buckets: 5,
      counts: [
        [1, 1, 0, 0, 0],
        [0, 0, 0, 2, 0],
      ],
      maxCount: 2,
    });
  });

  it('finds the cell under a time and a value, its range as the server bounds it', () => {
    if (!grid) throw new Error('no grid');
    expect(cellAt(grid, T0_S + 61, 0.6)).toStrictEqual({ timeIndex: 1, bucket: 3, count: 2 });
    expect(cellAt(grid, T0_S + 59.9, 0.19)).toStrictEqual({ timeIndex: 0, bucket: 0, count: 1 });
    expect(cellAt(grid, T0_S + 120, 0.5)).toBeUndefined();
    expect(cellAt(grid, T0_S, -0.01)).toBeUndefined();
    expect(cellAt(grid, T0_S, 1)).toBeUndefined();
    // 0.2 × 3 is 0.6000000000000001 in floating point; the server's bound is 0.6.
    expect(bucketRange(grid, 3)).toStrictEqual({ min: 0.6, max: 0.8 });
  });

  it('is absent when no span had a value', () => {
    const empty: QueryAnswer = {
      ...answer,
      data: { results: [{ data: { 'HEATMAP(duration_ms)': { min_value: null, max_value: null, step_size: null, counts: [] } } }], series: [] },
    };
    expect(heatmapGrid(empty, 'HEATMAP(duration_ms)')).toBeUndefined();
    expect(heatmapGrid({ ...answer, data: { results: [], series: [] } }, 'HEATMAP(duration_ms)')).toBeUndefined();
  });

  it('colours a cell by the square root of its share of the fullest, and leaves empty cells out', () => {
    expect(heatColor(0, 10)).toBeUndefined();
    expect(heatColor(10, 10)).toBe('rgba(56, 217, 199, 1.000)');
    expect(heatColor(1, 100)).toBe('rgba(56, 217, 199, 0.262)');
  });
});
