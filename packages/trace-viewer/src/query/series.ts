// The series for the charts: for every time bucket of the window, one entry
// per group shown, holding the group's breakdown values and its
// calculations over the spans that started in that bucket. A bucket without
// spans is there too: COUNT 0, and null for what needs a value.

import { type CalculationValue, type Cell, calculate, emptyCell, type Plan } from './aggregate.js';
import type { HeatmapLayout } from './heatmap.js';
import type { Calculation, Scalar } from './spec.js';
import { bucketTime, type TimeWindow } from './time-window.js';

export interface SeriesEntry {
  /** The bucket's start. */
  time: string;
  data: Record<string, Scalar | null | CalculationValue>;
}

export interface SeriesGroup {
  /** Breakdown column → value, as in the group's result row. */
  readonly breakdown: Readonly<Record<string, Scalar | null>>;
  /** By bucket index. */
  readonly cells: readonly (Cell | undefined)[];
}

export const seriesOf = (
  window: TimeWindow,
  groups: readonly SeriesGroup[],
  plan: Plan,
  calculations: readonly Calculation[],
  layouts: ReadonlyMap<string, HeatmapLayout | undefined>,
): SeriesEntry[] => {
  const empty = calculate(plan, calculations, emptyCell(plan), layouts);
  const series: SeriesEntry[] = [];
  for (let bucket = 0; bucket < window.buckets; bucket++) {
    const time = bucketTime(window, bucket);
    for (const { breakdown, cells } of groups) {
      const cell = cells[bucket];
      series.push({ time, data: { ...breakdown, ...(cell ? calculate(plan, calculations, cell, layouts) : empty) } });
    }
  }
  return series;
};
