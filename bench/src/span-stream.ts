import { fork } from 'node:child_process';
import { ownScript } from './paths.js';
import { stopChild, track } from './processes.js';
import { SPANS_PER_TRACE } from './viewer-spans.js';

/**
 * Traces generated per tick: their 128 API spans make exactly one of the
 * API's OTLP/protobuf batches (sent as the tick ends, as the API's batch
 * processor sends a full batch), beside one OTLP/JSON request per trace
 * from the browser (sent evenly over the tick, as clicks come).
 */
export const TRACES_PER_TICK = 64;

export interface StreamPlan {
  readonly tracesPerTick: number;
  /** How often a tick's requests are made and queued. */
  readonly tickMs: number;
}

/** `spansPerSec` as ticks of TRACES_PER_TICK traces (four spans each), evenly spaced. */
export const streamPlan = (spansPerSec: number): StreamPlan => {
  if (!(spansPerSec > 0)) throw new Error(`a stream needs a positive rate, got ${String(spansPerSec)}`);
  return { tracesPerTick: TRACES_PER_TICK, tickMs: (TRACES_PER_TICK * SPANS_PER_TRACE * 1000) / spansPerSec };
};

/** How many ticks are due `elapsedMs` after the first one (which is due at once). */
export const ticksDue = (elapsedMs: number, tickMs: number): number => (elapsedMs < 0 ? 0 : Math.floor(elapsedMs / tickMs) + 1);

/**
 * When each of a tick's requests is due, as offsets into the tick: the
 * browser's (one per trace) evenly from its start, the API's batches at its
 * end, once their spans have ended.
 */
export const dueOffsets = (kinds: readonly ('browser' | 'api')[], tickMs: number): number[] => {
  const browser = kinds.filter((kind) => kind === 'browser').length;
  let seen = 0;
  return kinds.map((kind) => (kind === 'api' ? tickMs : (tickMs * seen++) / browser));
};

/** Spans the viewer accepted (answered 200) so far, and when, on the worker's clock; the worker's CPU time then. */
export interface StreamCount {
  readonly spans: number;
  readonly requests: number;
  readonly atMs: number;
  readonly cpuMs: number;
}

/**
 * Over stretches of streaming, each between two counts of one stream: the
 * spans accepted a second, and the worker's CPU time over the wall-clock
 * time (1 is a core kept busy). Zero when no time passed.
 */
export const streamRate = (stretches: readonly { readonly from: StreamCount; readonly to: StreamCount }[]): { spansPerSec: number; cpuShare: number } => {
  const sum = (pick: (stretch: { from: StreamCount; to: StreamCount }) => number) => stretches.reduce((total, stretch) => total + pick(stretch), 0);
  const ms = sum(({ from, to }) => to.atMs - from.atMs);
  if (ms <= 0) return { spansPerSec: 0, cpuShare: 0 };
  return { spansPerSec: (sum(({ from, to }) => to.spans - from.spans) * 1000) / ms, cpuShare: sum(({ from, to }) => to.cpuMs - from.cpuMs) / ms };
};

export interface StreamRequest {
  readonly viewerUrl: string;
  /** Traces to load before streaming, as fast as the viewer takes them. */
  readonly loadTraces: number;
  readonly spansPerSec: number;
}

/** Parent → worker. */
export type StreamCommand = { readonly type: 'start' } | { readonly type: 'count' } | { readonly type: 'stop' };

/** Worker → parent: the load is in; a count (answering `count`); the stream stopped; or what went wrong. */
export type StreamMessage =
  | { readonly type: 'loaded'; readonly spans: number; readonly ms: number }
  | ({ readonly type: 'count' } & StreamCount)
  | ({
      readonly type: 'stopped';
      /** Ticks not queued because the viewer had not taken the earlier ones yet: a rate it cannot follow. */
      readonly skippedTicks: number;
      /** From `start` to the last request's answer. */
      readonly seconds: number;
    } & StreamCount)
  | { readonly type: 'error'; readonly message: string };

export interface SpanStream {
  /** Resolves once the load is in the viewer. */
  readonly loaded: Promise<Extract<StreamMessage, { type: 'loaded' }>>;
  start(): void;
  count(): Promise<StreamCount>;
  /** Stops the stream after the requests in flight; its totals since `start`. */
  stop(): Promise<StreamCount & { readonly skippedTicks: number; readonly seconds: number }>;
  /** Ends the worker, whatever it is doing. */
  kill(): Promise<void>;
}

/**
 * A child process that loads the viewer with Cruddur-like spans, then, once
 * started, sends more at a steady rate until stopped: the sending never
 * shares an event loop (nor, in Chromium's case, a process) with what is
 * being measured.
 */
export const startSpanStream = (request: StreamRequest): SpanStream => {
  const child = track(fork(ownScript('span-stream-worker.js'), [JSON.stringify(request)], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting = new Map<StreamMessage['type'], { resolve: (message: StreamMessage) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  child.on('message', (message: StreamMessage) => {
    if (message.type === 'error') fail(new Error(`the span stream failed: ${message.message}`));
    else waiting.get(message.type)?.resolve(message);
    waiting.delete(message.type);
  });
  child.once('exit', (code) => {
    fail(new Error(`the span stream exited ${String(code)}: ${stderr}`));
  });
  const next = <T extends StreamMessage['type']>(type: T): Promise<Extract<StreamMessage, { type: T }>> =>
    failure
      ? Promise.reject(failure)
      : new Promise((resolve, reject) => {
          waiting.set(type, { resolve: resolve as (message: StreamMessage) => void, reject });
        });
  const send = (command: StreamCommand) => {
    if (!failure) child.send(command);
  };
  const loaded = next('loaded');
  // Reported by whoever awaits it; never an unhandled rejection meanwhile.
  loaded.catch(() => undefined);
  return {
    loaded,
    start: () => {
      send({ type: 'start' });
    },
    count: () => {
      const answer = next('count');
      send({ type: 'count' });
      return answer.then(({ spans, requests, atMs, cpuMs }) => ({ spans, requests, atMs, cpuMs }));
    },
    stop: () => {
      const answer = next('stopped');
      send({ type: 'stop' });
      return answer.then(({ spans, requests, atMs, cpuMs, skippedTicks, seconds }) => ({ spans, requests, atMs, cpuMs, skippedTicks, seconds }));
    },
    kill: () => stopChild(child),
  };
};
