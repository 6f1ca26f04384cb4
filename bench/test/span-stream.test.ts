import { describe, expect, it } from 'vitest';
import { dueOffsets, streamPlan, streamRate, ticksDue, TRACES_PER_TICK } from '../src/span-stream.js';

describe('streamPlan', () => {
  it('spaces ticks of 64 traces (256 spans) to make the rate', () => {
    expect(TRACES_PER_TICK).toBe(64);
    expect(streamPlan(2000)).toEqual({ tracesPerTick: 64, tickMs: 128 });
    expect(streamPlan(256)).toEqual({ tracesPerTick: 64, tickMs: 1000 });
  });
  it('refuses a rate that is not positive', () => {
    expect(() => streamPlan(0)).toThrow('positive rate');
    expect(() => streamPlan(Number.NaN)).toThrow('positive rate');
  });
});

describe('ticksDue', () => {
  it('has the first tick due at once, then one more each tick', () => {
    expect([-1, 0, 127.9, 128, 255, 256, 1000].map((elapsed) => ticksDue(elapsed, 128))).toEqual([0, 1, 1, 2, 2, 3, 8]);
  });
});

describe('dueOffsets', () => {
  it('spreads the browser requests over the tick and sends the API batch at its end', () => {
    expect(dueOffsets(['browser', 'browser', 'api', 'browser', 'browser'], 100)).toEqual([0, 25, 100, 50, 75]);
  });
});

describe('streamRate', () => {
  const count = (spans: number, atMs: number, cpuMs: number) => ({ spans, requests: spans / 4, atMs, cpuMs });
  it('pools the stretches: spans and CPU time over the time they ran', () => {
    expect(
      streamRate([
        { from: count(1000, 1000, 100), to: count(3000, 2000, 400) },
        { from: count(0, 5000, 500), to: count(2000, 6000, 600) },
      ]),
    ).toEqual({ spansPerSec: 2000, cpuShare: 0.2 });
  });
  it('is zero when no time passed', () => {
    expect(streamRate([])).toEqual({ spansPerSec: 0, cpuShare: 0 });
  });
});
