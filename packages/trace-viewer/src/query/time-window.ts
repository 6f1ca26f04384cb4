// The time a query covers, in whole epoch seconds, and its buckets for the
// series: `granularity` seconds wide, aligned to multiples of it since the
// epoch. A span belongs to the bucket in which it started, as an event's
// timestamp in Honeycomb is its span's start.

import type { TimeSpec } from './spec.js';

/** Seconds a query covers when it says nothing of time: Honeycomb's two hours. */
export const DEFAULT_TIME_RANGE = 7200;

export interface TimeWindow {
  /** Spans that started at or after startS and before endS, epoch seconds. */
  readonly startS: number;
  readonly endS: number;
  readonly granularityS: number;
  /** Start of the first bucket, at or before startS. */
  readonly firstBucketS: number;
  readonly buckets: number;
}

/** Honeycomb's bounds: from a thousandth of the range (at least a second) to the whole range. */
export const granularityBounds = (rangeS: number): { min: number; max: number } => ({
  min: Math.max(1, Math.ceil(rangeS / 1000)),
  max: rangeS,
});

const ROUND_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];
/** Points on a line chart when the query sets no granularity. */
const DEFAULT_POINTS = 120;

/** The round step that gives about 120 points: 60 s for two hours, 5 s for ten minutes. */
export const defaultGranularity = (rangeS: number): number =>
  ROUND_STEPS.find((step) => step >= rangeS / DEFAULT_POINTS) ?? Math.ceil(rangeS / DEFAULT_POINTS);

/** The window the time fields describe at `nowMs`: without start_time or end_time, it ends now. */
export const resolveWindow = (time: TimeSpec, nowMs: number): TimeWindow => {
  const { timeRange, startTime, endTime } = time;
  let startS: number;
  let endS: number;
  if (startTime !== undefined && endTime !== undefined) {
    [startS, endS] = [startTime, endTime];
  } else if (startTime !== undefined) {
    [startS, endS] = [startTime, startTime + (timeRange ?? DEFAULT_TIME_RANGE)];
  } else {
    // Rounded up, so a span that started this very second is inside.
    endS = endTime ?? Math.ceil(nowMs / 1000);
    startS = endS - (timeRange ?? DEFAULT_TIME_RANGE);
  }
  const granularityS = time.granularity ?? defaultGranularity(endS - startS);
  const firstBucketS = Math.floor(startS / granularityS) * granularityS;
  return { startS, endS, granularityS, firstBucketS, buckets: Math.ceil((endS - firstBucketS) / granularityS) };
};

/** A bucket's start as Honeycomb writes series times: ISO 8601 in UTC, whole seconds. */
export const bucketTime = (window: TimeWindow, index: number): string =>
  new Date((window.firstBucketS + index * window.granularityS) * 1000).toISOString().replace('.000Z', 'Z');
