// HEATMAP: how many values fall in each of about 50 equal buckets. One layout
// (first bucket, width, count) serves every group and every time bucket of a
// query, so the cells line up as a grid; the width is a round number.

export interface HeatmapLayout {
  readonly minValue: number;
  readonly stepSize: number;
  readonly buckets: number;
}

/** A HEATMAP result: bucket i counts the values v with min_value + i × step_size ≤ v < min_value + (i + 1) × step_size. */
export interface Heatmap {
  min_value: number | null;
  max_value: number | null;
  step_size: number | null;
  counts: number[];
}

const TARGET_BUCKETS = 50;
const ROUND_MANTISSAS = [1, 2, 2.5, 5, 10];

/** Drops binary noise: 0.30000000000000004 → 0.3. */
const clean = (value: number): number => Number(value.toPrecision(12));

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at least `raw`. */
const roundStep = (raw: number): number => {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const mantissa = ROUND_MANTISSAS.find((m) => clean(m * magnitude) >= raw) ?? 10;
  return clean(mantissa * magnitude);
};

/** A layout covering min to max; undefined when there is nothing to lay out. */
export const heatmapLayout = (min: number, max: number): HeatmapLayout | undefined => {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) return undefined;
  const raw = (max - min) / TARGET_BUCKETS || Math.abs(max) / TARGET_BUCKETS || 1;
  const stepSize = roundStep(raw);
  const minValue = clean(Math.floor(min / stepSize) * stepSize);
  return { minValue, stepSize, buckets: stepsFrom(minValue, stepSize, max) + 1 };
};

/** A step count's binary noise is far below this; a real fraction of a step far above. */
const NOISE = 1e-9;

/** Whole steps from `from` to `value`, so that 0.41 is 40 steps of 0.01 from 0.01, not 39.99…. */
const stepsFrom = (from: number, stepSize: number, value: number): number => Math.floor((value - from) / stepSize + NOISE);

export const heatmapBucket = (layout: HeatmapLayout, value: number): number =>
  Math.min(layout.buckets - 1, Math.max(0, stepsFrom(layout.minValue, layout.stepSize, value)));

export const heatmap = (layout: HeatmapLayout | undefined, values: ArrayLike<number>): Heatmap => {
  if (!layout) return { min_value: null, max_value: null, step_size: null, counts: [] };
  const counts = new Array<number>(layout.buckets).fill(0);
  for (let i = 0; i < values.length; i++) {
    const bucket = heatmapBucket(layout, values[i] as number);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return {
    min_value: layout.minValue,
    max_value: clean(layout.minValue + layout.buckets * layout.stepSize),
    step_size: layout.stepSize,
    counts,
  };
};
