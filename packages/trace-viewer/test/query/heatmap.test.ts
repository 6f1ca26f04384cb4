import { describe, expect, it } from 'vitest';
import { heatmap, heatmapBucket, heatmapLayout } from '../../src/query/heatmap.js';

describe('heatmap', () => {
  it('lays out about 50 buckets of a round width from the smallest value', () => {
    expect(heatmapLayout(0, 100)).toEqual({ minValue: 0, stepSize: 2, buckets: 51 });
    expect(heatmapLayout(3.2, 54.7)).toEqual({ minValue: 2, stepSize: 2, buckets: 27 });
    expect(heatmapLayout(0.013, 0.41)).toEqual({ minValue: 0.01, stepSize: 0.01, buckets: 41 });
    expect(heatmapLayout(-10, 10)).toEqual({ minValue: -10, stepSize: 0.5, buckets: 41 });
    expect(heatmapLayout(1000, 120_000)).toEqual({ minValue: 0, stepSize: 2500, buckets: 49 });
  });

  it('gives one bucket to values that are all the same, and none to no values', () => {
    expect(heatmapLayout(7, 7)).toEqual({ minValue: 7, stepSize: 0.2, buckets: 1 });
    expect(heatmapLayout(0, 0)).toEqual({ minValue: 0, stepSize: 1, buckets: 1 });
    expect(heatmapLayout(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBeUndefined();
    expect(heatmap(undefined, [])).toEqual({ min_value: null, max_value: null, step_size: null, counts: [] });
  });

  it('counts each value in the bucket from its lower bound (included) to the next (excluded)', () => {
    const layout = heatmapLayout(0, 10);
    expect(layout).toEqual({ minValue: 0, stepSize: 0.2, buckets: 51 });
    const small = { minValue: 0, stepSize: 5, buckets: 3 };
    expect([0, 4.99, 5, 9.99, 10, 14].map((value) => heatmapBucket(small, value))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(heatmap(small, [0, 4.99, 5, 10, 14, 14])).toEqual({ min_value: 0, max_value: 15, step_size: 5, counts: [2, 1, 3] });
    expect(heatmap(small, [])).toEqual({ min_value: 0, max_value: 15, step_size: 5, counts: [0, 0, 0] });
  });

  it('puts the largest value in the last bucket and keeps every value inside', () => {
    for (const [min, max] of [[0.3, 0.7], [1, 999], [0.001, 0.003], [12.5, 12.75]] as const) {
      const layout = heatmapLayout(min, max);
      if (!layout) throw new Error('no layout');
      expect(heatmapBucket(layout, max)).toBe(layout.buckets - 1);
      expect(heatmapBucket(layout, min)).toBe(0);
      expect(layout.minValue).toBeLessThanOrEqual(min);
      expect(layout.minValue + layout.buckets * layout.stepSize).toBeGreaterThan(max);
      expect(layout.buckets).toBeLessThanOrEqual(52);
    }
  });
});
