// Child process forked by span-stream.ts: loads the viewer with Cruddur-like
// spans, then, from `start` to `stop`, sends more at a steady rate, each tick
// made just before it is due and stamped with the time it covers. Counts
// what the viewer accepted. Talks to its parent over IPC.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { postOtlp, sendAll } from './otlp-send.js';
import { dueOffsets, type StreamCommand, type StreamMessage, type StreamRequest, streamPlan, ticksDue } from './span-stream.js';
import { cruddurRequests, type OtlpRequest } from './viewer-spans.js';

const request = JSON.parse(process.argv[2] ?? '') as StreamRequest;
const send = (message: StreamMessage) => new Promise<void>((resolve) => process.send?.(message, () => { resolve(); }));

/**
 * The load's browser spans, 64 clicks' to a request: the same spans as the
 * web app's one request per click, in a thirtieth of the requests, so the
 * viewer fills in seconds rather than half a minute.
 */
const LOAD_BROWSER_BATCH = 64;
/**
 * Requests in flight at most. Browsers send on their own, so while the
 * viewer (single-threaded) answers a query, their requests pile up at its
 * door rather than wait to be sent; 32, the browser's requests of 64 ms at
 * 2,000 spans a second, does likewise, where a few would hold
 * the rate down to what they can each do in turn.
 */
const SENDERS = 32;
/** Ticks' worth of requests that may wait to be sent; past that a tick is skipped, and the rate reported falls short. */
const MAX_BACKLOG_TICKS = 8;

const fail = (error: unknown) => {
  void send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }).then(() => process.exit(1));
};

const plan = streamPlan(request.spansPerSec);
const queue: { readonly request: OtlpRequest; readonly dueAt: number }[] = [];
let spans = 0;
let requests = 0;
let ticks = 0;
/** Ticks made by every stream so far: each tick's seed, so that no two send the same traces. */
let made = 0;
let skippedTicks = 0;
let streaming = false;
let startedAt = 0;
/** Senders waiting for the next tick's requests. */
const idle: (() => void)[] = [];
const wakeAll = () => {
  for (const resolve of idle.splice(0)) resolve();
};

const count = () => {
  const { user, system } = process.cpuUsage();
  return { spans, requests, atMs: performance.now(), cpuMs: (user + system) / 1000 };
};

/** Makes the ticks now due (skipping them while the backlog is full) and queues their requests. */
const makeDueTicks = () => {
  const due = ticksDue(performance.now() - startedAt, plan.tickMs);
  for (; ticks < due; ticks++) {
    if (queue.length > MAX_BACKLOG_TICKS * (plan.tracesPerTick + 1)) {
      skippedTicks++;
      continue;
    }
    const tickStart = startedAt + ticks * plan.tickMs;
    // Spans of the tick's own stretch of time, ending as it starts: never in the future of a query's window.
    const tickRequests = cruddurRequests(plan.tracesPerTick, Date.now() - (performance.now() - tickStart), plan.tickMs, 1000 + made++);
    const offsets = dueOffsets(tickRequests.map((item) => (item.contentType === 'application/json' ? 'browser' : 'api')), plan.tickMs);
    tickRequests.forEach((item, i) => queue.push({ request: item, dueAt: tickStart + (offsets[i] ?? 0) }));
  }
  wakeAll();
};

/** Read through a call: `streaming` changes while a sender awaits. */
const active = () => streaming;

const sender = async () => {
  while (active()) {
    const next = queue.shift();
    if (!next) {
      await new Promise<void>((resolve) => idle.push(resolve));
      continue;
    }
    const wait = next.dueAt - performance.now();
    if (wait > 0) await sleep(wait);
    if (!active()) return;
    await postOtlp(request.viewerUrl, next.request);
    spans += next.request.spans;
    requests++;
  }
};

let senders: Promise<void>[] = [];
let ticker: NodeJS.Timeout | undefined;

const scheduleTicks = () => {
  makeDueTicks();
  const nextTickAt = startedAt + ticks * plan.tickMs;
  ticker = setTimeout(scheduleTicks, Math.max(0, nextTickAt - performance.now()));
};

process.on('message', (command: StreamCommand) => {
  if (command.type === 'start') {
    if (streaming) return;
    streaming = true;
    [spans, requests, ticks, skippedTicks] = [0, 0, 0, 0];
    startedAt = performance.now();
    scheduleTicks();
    senders = Array.from({ length: SENDERS }, () => sender().catch(fail));
  } else if (command.type === 'count') {
    void send({ type: 'count', ...count() });
  } else {
    streaming = false;
    clearTimeout(ticker);
    queue.length = 0;
    // Each sender is idle, sleeping until a request is due, or in a request: each ends once it sees the stop.
    wakeAll();
    void Promise.all(senders)
      // Ready for the next start; the parent ends this process when done with it.
      .then(() => send({ type: 'stopped', ...count(), skippedTicks, seconds: (performance.now() - startedAt) / 1000 }), fail);
  }
});

try {
  const started = performance.now();
  const load = cruddurRequests(request.loadTraces, Date.now(), 30 * 60_000, 11, LOAD_BROWSER_BATCH);
  await sendAll(request.viewerUrl, load);
  await send({ type: 'loaded', spans: load.reduce((sum, item) => sum + item.spans, 0), ms: performance.now() - started });
} catch (error) {
  fail(error);
}
