import { describe, expect, it } from 'vitest';
import type { TimeSpec } from '../../src/query/spec.js';
import { bucketTime, defaultGranularity, granularityBounds, resolveWindow } from '../../src/query/time-window.js';

const time = (fields: Partial<TimeSpec>): TimeSpec => ({
  timeRange: undefined,
  startTime: undefined,
  endTime: undefined,
  granularity: undefined,
  ...fields,
});

describe('the time window', () => {
  const NOW_MS = 1_700_000_000_500;

  it('ends now, rounded up to the second, when it has no start or end; two hours by default', () => {
    expect(resolveWindow(time({}), NOW_MS)).toMatchObject({ startS: 1_699_992_801, endS: 1_700_000_001 });
    expect(resolveWindow(time({ timeRange: 60 }), NOW_MS)).toMatchObject({ startS: 1_699_999_941, endS: 1_700_000_001 });
  });

  it('reads start and end, or either with a range, as Honeycomb does', () => {
    expect(resolveWindow(time({ startTime: 100, endTime: 400 }), NOW_MS)).toMatchObject({ startS: 100, endS: 400 });
    expect(resolveWindow(time({ startTime: 100, timeRange: 60 }), NOW_MS)).toMatchObject({ startS: 100, endS: 160 });
    expect(resolveWindow(time({ endTime: 400, timeRange: 60 }), NOW_MS)).toMatchObject({ startS: 340, endS: 400 });
    expect(resolveWindow(time({ startTime: 100 }), NOW_MS)).toMatchObject({ startS: 100, endS: 7300 });
    expect(resolveWindow(time({ endTime: 7300 }), NOW_MS)).toMatchObject({ startS: 100, endS: 7300 });
  });

  it('has buckets aligned to multiples of the granularity, the first one at or before the start', () => {
    const window = resolveWindow(time({ startTime: 1000, endTime: 1100, granularity: 30 }), NOW_MS);
    expect(window).toEqual({ startS: 1000, endS: 1100, granularityS: 30, firstBucketS: 990, buckets: 4 });
    expect([0, 1, 2, 3].map((i) => bucketTime(window, i))).toEqual([
      '1970-01-01T00:16:30Z',
      '1970-01-01T00:17:00Z',
      '1970-01-01T00:17:30Z',
      '1970-01-01T00:18:00Z',
    ]);
  });

  it('picks a round granularity for about 120 points when none is given', () => {
    expect([60, 600, 3600, 7200, 86_400, 604_800].map(defaultGranularity)).toEqual([1, 5, 30, 60, 900, 7200]);
    expect(defaultGranularity(1)).toBe(1);
    expect(defaultGranularity(200 * 86_400)).toBe(144_000);
    expect(resolveWindow(time({ timeRange: 7200 }), NOW_MS).granularityS).toBe(60);
  });

  it('allows granularities from a thousandth of the range to all of it, and never below a second', () => {
    expect(granularityBounds(7200)).toEqual({ min: 8, max: 7200 });
    expect(granularityBounds(60)).toEqual({ min: 1, max: 60 });
    for (const range of [1, 59, 3600, 7200, 86_400, 604_800]) {
      const { min, max } = granularityBounds(range);
      expect(defaultGranularity(range)).toBeGreaterThanOrEqual(min);
      expect(defaultGranularity(range)).toBeLessThanOrEqual(max);
    }
  });
});
