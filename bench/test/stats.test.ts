import { describe, expect, it } from 'vitest';
import { median, percentileOfSorted, ratio, relativeSpread } from '../src/stats.js';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('leaves its input unsorted', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
  it('refuses an empty list', () => {
    expect(() => median([])).toThrow('median of no values');
  });
});

describe('percentileOfSorted', () => {
  const hundred = Array.from({ length: 100 }, (_value, index) => index + 1);
  it('is the nearest rank', () => {
    expect(percentileOfSorted(hundred, 50)).toBe(50);
    expect(percentileOfSorted(hundred, 99)).toBe(99);
    expect(percentileOfSorted(hundred, 100)).toBe(100);
    expect(percentileOfSorted([0.4, 0.9, 2.5], 50)).toBe(0.9);
  });
  it('gives the smallest value for tiny percentiles and the only value of one sample', () => {
    expect(percentileOfSorted(hundred, 0)).toBe(1);
    expect(percentileOfSorted([7], 99)).toBe(7);
  });
});

describe('ratio and spread', () => {
  it('divides, with no ratio over zero', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeUndefined();
  });
  it('measures the range against the median', () => {
    expect(relativeSpread([90, 100, 110])).toBeCloseTo(0.2);
    expect(relativeSpread([5])).toBe(0);
    expect(relativeSpread([0, 0])).toBe(0);
  });
});
