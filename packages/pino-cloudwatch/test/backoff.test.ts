import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../src/failures.js';

const BACKOFF = { baseDelayMs: 100, maxDelayMs: 10_000 };

describe('backoff between retries', () => {
  it('doubles with each attempt, between half and all of 100 ms × 2^attempt', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(BACKOFF, attempt, () => 0))).toEqual([50, 100, 200, 400]);
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(BACKOFF, attempt, () => 1))).toEqual([100, 200, 400, 800]);
  });

  it('is capped', () => {
    expect(backoffDelay(BACKOFF, 30, () => 1)).toBe(10_000);
    expect(backoffDelay(BACKOFF, 30, () => 0)).toBe(5_000);
  });

  it('is jittered: processes retrying together spread out', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(BACKOFF, 4)));
    expect(delays.size).toBeGreaterThan(15);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(800);
      expect(delay).toBeLessThanOrEqual(1_600);
    }
  });
});
