import { describe, expect, it } from 'vitest';
import {
  clickSample,
  distribution,
  interleavedSegments,
  longestFrameGap,
  longTasksIn,
  type SegmentRecord,
  summarizePhase,
} from '../src/query-page-stats.js';

describe('clickSample', () => {
  it('splits the click into input delay, request, drawing and frame, which add up to the whole', () => {
    const sample = clickSample({
      clickAt: 1000,
      handlerAt: 1003,
      queryRequest: { start: 1005, end: 1190 },
      answerAt: 1200,
      paintedAt: 1216,
    });
    expect(sample).toEqual({ totalMs: 216, inputDelayMs: 3, requestMs: 187, drawMs: 10, frameMs: 16 });
    expect(sample.inputDelayMs + sample.requestMs + sample.drawMs + sample.frameMs).toBe(sample.totalMs);
  });
});

describe('distribution', () => {
  it('gives the median, the nearest-rank p90 and the max, whatever the order', () => {
    const values = [5, 1, 9, 3, 7, 2, 8, 4, 10, 6];
    expect(distribution(values)).toEqual({ medianMs: 5.5, p90Ms: 9, maxMs: 10 });
    expect(values[0]).toBe(5);
  });
});

describe('longTasksIn', () => {
  const tasks = [
    { startTime: 50, duration: 80 }, // ends at 130, inside the window from 100
    { startTime: 200, duration: 120 },
    { startTime: 400, duration: 300 }, // starts at the window's end: outside
  ];
  it('counts the tasks that overlap the window, and the longest of them', () => {
    expect(longTasksIn(tasks, { start: 100, end: 400 })).toEqual({ count: 2, longestMs: 120 });
  });
  it('gives zero for none', () => {
    expect(longTasksIn(tasks, { start: 1000, end: 2000 })).toEqual({ count: 0, longestMs: 0 });
    expect(longTasksIn([], { start: 0, end: 10 })).toEqual({ count: 0, longestMs: 0 });
  });
});

describe('longestFrameGap', () => {
  it('is the longest time between consecutive frames', () => {
    expect(longestFrameGap([0, 16, 33, 150, 166, 183], { start: 0, end: 183 })).toBe(117);
  });
  it('counts a stall across either edge of the window from the frames around it', () => {
    expect(longestFrameGap([0, 16, 300, 316], { start: 100, end: 316 })).toBe(284);
    expect(longestFrameGap([0, 16, 300, 316], { start: 0, end: 200 })).toBe(284);
  });
  it('runs to the edge when no frame comes before or after it', () => {
    expect(longestFrameGap([50, 60], { start: 0, end: 100 })).toBe(50);
    expect(longestFrameGap([], { start: 0, end: 100 })).toBe(100);
  });
});

describe('interleavedSegments', () => {
  it('interleaves the phases quiet, streaming, streaming, quiet, with as many clicks in each', () => {
    expect(interleavedSegments(20)).toEqual([
      { phase: 'quiet', clicks: 5 },
      { phase: 'streaming', clicks: 10 },
      { phase: 'quiet', clicks: 10 },
      { phase: 'streaming', clicks: 10 },
      { phase: 'quiet', clicks: 5 },
    ]);
  });
  it('gives each phase exactly the count asked for, and leaves out empty segments', () => {
    for (const clicks of [1, 2, 3, 5, 7, 20, 21]) {
      const segments = interleavedSegments(clicks);
      const total = (phase: string) => segments.filter((segment) => segment.phase === phase).reduce((sum, segment) => sum + segment.clicks, 0);
      expect([total('quiet'), total('streaming')]).toEqual([clicks, clicks]);
      expect(segments.every((segment) => segment.clicks > 0)).toBe(true);
    }
    expect(interleavedSegments(1)).toEqual([
      { phase: 'streaming', clicks: 1 },
      { phase: 'quiet', clicks: 1 },
    ]);
  });
});

describe('summarizePhase', () => {
  const sample = (totalMs: number) => ({ totalMs, inputDelayMs: 1, requestMs: totalMs - 21, drawMs: 10, frameMs: 10 });
  const segment = (overrides: Partial<SegmentRecord>): SegmentRecord => ({
    samples: [],
    window: { start: 0, end: 1000 },
    frames: [],
    longTasks: [],
    spansBefore: 100_000,
    spansAfter: 100_000,
    viewerCpuMs: 500,
    wallMs: 1000,
    ...overrides,
  });
  it('pools the clicks of its segments and takes the worst task and frame gap of any', () => {
    const phase = summarizePhase([
      segment({ samples: [sample(100), sample(300)], frames: [0, 500, 1000], longTasks: [{ startTime: 10, duration: 60 }] }),
      segment({
        samples: [sample(200)],
        window: { start: 2000, end: 3000 },
        frames: [2000, 2100, 3000],
        longTasks: [{ startTime: 2500, duration: 90 }],
        spansBefore: 100_000,
        spansAfter: 120_000,
        viewerCpuMs: 1500,
        wallMs: 1000,
      }),
    ]);
    expect(phase).toMatchObject({
      clicks: 3,
      medianMs: 200,
      maxMs: 300,
      requestMedianMs: 179,
      longTasks: 2,
      longestTaskMs: 90,
      longestFrameGapMs: 900,
      seconds: 2,
      viewerCpuShare: 1,
    });
    // Two clicks at 100,000 spans, one while the store grew from 100,000 to 120,000.
    expect(phase.meanSpansHeld).toBeCloseTo((2 * 100_000 + 110_000) / 3);
  });
});
