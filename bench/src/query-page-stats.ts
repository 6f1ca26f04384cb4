// What the query page's probe records, turned into the numbers the table
// shows. Times are the page's own clock (performance.now(), milliseconds).
import type { QueryPagePhase } from './results.js';
import { median, percentileOfSorted } from './stats.js';

/** One click of `Run query`, as the page saw it. */
export interface ClickMarks {
  /** The click event's timeStamp: when the browser got the input, before the page's main thread was free to handle it. */
  readonly clickAt: number;
  /** When the first click listener ran. */
  readonly handlerAt: number;
  /** The page's `POST /api/query` of this run, sent to answered in full (Resource Timing's startTime and responseEnd). */
  readonly queryRequest: { readonly start: number; readonly end: number };
  /** When the page set data-run to the new answer's count, charts and table drawn. */
  readonly answerAt: number;
  /** When a task queued from the next animation frame's callback ran: that frame's style, layout and paint done. */
  readonly paintedAt: number;
}

export interface ClickSample {
  /** From the click to the frame with the new charts painted. */
  readonly totalMs: number;
  /** From the click to its handler: how long the main thread kept the input waiting. */
  readonly inputDelayMs: number;
  /** From the handler to the query's answer received: the viewer's time on it. */
  readonly requestMs: number;
  /** From the answer received to the charts and table drawn: parsing and drawing. */
  readonly drawMs: number;
  /** From the answer drawn to the frame painted. */
  readonly frameMs: number;
}

export const clickSample = ({ clickAt, handlerAt, queryRequest, answerAt, paintedAt }: ClickMarks): ClickSample => ({
  totalMs: paintedAt - clickAt,
  inputDelayMs: handlerAt - clickAt,
  requestMs: queryRequest.end - handlerAt,
  drawMs: answerAt - queryRequest.end,
  frameMs: paintedAt - answerAt,
});

export interface Distribution {
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly maxMs: number;
}

/** Median, p90 (nearest rank) and max. */
export const distribution = (values: readonly number[]): Distribution => {
  const sorted = [...values].sort((a, b) => a - b);
  return { medianMs: median(sorted), p90Ms: percentileOfSorted(sorted, 90), maxMs: sorted.at(-1) ?? 0 };
};

/** A stretch of the page's clock. */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/** A `longtask` entry: a main-thread task of more than 50 ms. */
export interface LongTask {
  readonly startTime: number;
  readonly duration: number;
}

/** The long tasks that overlap the window: how many, and the longest (0 when none). */
export const longTasksIn = (tasks: readonly LongTask[], { start, end }: Window): { count: number; longestMs: number } => {
  const inside = tasks.filter(({ startTime, duration }) => startTime < end && startTime + duration > start);
  return { count: inside.length, longestMs: Math.max(0, ...inside.map(({ duration }) => duration)) };
};

/**
 * The longest time without an animation frame during the window: between
 * consecutive frames, counting from the last frame before the window and to
 * the first after it (or to the window's edge when there is none), so that a
 * stall running across an edge counts.
 */
export const longestFrameGap = (frames: readonly number[], { start, end }: Window): number => {
  const sorted = [...frames].sort((a, b) => a - b);
  const before = sorted.filter((time) => time <= start).at(-1) ?? start;
  const after = sorted.find((time) => time >= end) ?? end;
  const points = [before, ...sorted.filter((time) => time > start && time < end), after];
  let longest = 0;
  for (let i = 1; i < points.length; i++) longest = Math.max(longest, (points[i] as number) - (points[i - 1] as number));
  return longest;
};

export type Phase = 'quiet' | 'streaming';

/** A run of clicks in one phase. */
export interface Segment {
  readonly phase: Phase;
  readonly clicks: number;
}

/**
 * `clicks` clicks in each phase, interleaved quiet, streaming, streaming,
 * quiet (ABBA) in four blocks of a quarter each; adjacent blocks of a
 * phase run as one segment: quiet ¼, streaming ½, quiet ½, streaming ½,
 * quiet ¼. The stream adds spans to the store, and each click's queries
 * cost more with every span it holds; in this order both phases see the
 * same store on average, and a machine that gets busier or quieter during
 * the run weighs on both alike.
 */
export const interleavedSegments = (clicks: number): Segment[] => {
  const edge = Math.floor(clicks / 4);
  const firstStreaming = Math.ceil(clicks / 2);
  const segments: Segment[] = [
    { phase: 'quiet', clicks: edge },
    { phase: 'streaming', clicks: firstStreaming },
    { phase: 'quiet', clicks: clicks - 2 * edge },
    { phase: 'streaming', clicks: clicks - firstStreaming },
    { phase: 'quiet', clicks: edge },
  ];
  return segments.filter((segment) => segment.clicks > 0);
};

/** What one segment recorded. */
export interface SegmentRecord {
  readonly samples: readonly ClickSample[];
  readonly window: Window;
  /** Animation frames (rAF timestamps) and long tasks recorded while it ran. */
  readonly frames: readonly number[];
  readonly longTasks: readonly LongTask[];
  /** Spans the viewer held as it started and as it ended. */
  readonly spansBefore: number;
  readonly spansAfter: number;
  /** The viewer process's CPU time over the segment, and the segment's wall-clock time, both as the bench measured them. */
  readonly viewerCpuMs: number;
  readonly wallMs: number;
}


/** One phase's segments, summed up: clicks pooled, long tasks counted, the longest task and frame gap of any. */
export const summarizePhase = (segments: readonly SegmentRecord[]): QueryPagePhase => {
  const samples = segments.flatMap((segment) => segment.samples);
  const tasks = segments.map(({ longTasks, window }) => longTasksIn(longTasks, window));
  const clicks = samples.length;
  return {
    clicks,
    ...distribution(samples.map(({ totalMs }) => totalMs)),
    inputDelayMedianMs: median(samples.map(({ inputDelayMs }) => inputDelayMs)),
    requestMedianMs: median(samples.map(({ requestMs }) => requestMs)),
    drawMedianMs: median(samples.map(({ drawMs }) => drawMs)),
    frameMedianMs: median(samples.map(({ frameMs }) => frameMs)),
    longTasks: tasks.reduce((sum, { count }) => sum + count, 0),
    longestTaskMs: Math.max(0, ...tasks.map(({ longestMs }) => longestMs)),
    longestFrameGapMs: Math.max(0, ...segments.map(({ frames, window }) => longestFrameGap(frames, window))),
    seconds: segments.reduce((sum, { window }) => sum + (window.end - window.start) / 1000, 0),
    viewerCpuShare: segments.reduce((sum, { viewerCpuMs }) => sum + viewerCpuMs, 0) / segments.reduce((sum, { wallMs }) => sum + wallMs, 0),
    meanSpansHeld: segments.reduce((sum, segment) => sum + (segment.samples.length * (segment.spansBefore + segment.spansAfter)) / 2, 0) / clicks,
    samples,
  };
};
