// Child process forked by viewer-query.ts, with --expose-gc: a trace viewer
// with its default limits, fed Cruddur-like spans over OTLP/HTTP, measured
// twice: its heap per stored span, and the query's round trip. Reports over IPC.
import { performance } from 'node:perf_hooks';
import { startTraceViewer, type TraceViewer } from '@cruddur/trace-viewer';
import { sendAll } from './otlp-send.js';
import { median, percentileOfSorted } from './stats.js';
import type { ViewerMessage } from './viewer-query.js';
import { cruddurRequests, SPANS_PER_TRACE } from './viewer-spans.js';

const { traces, warmupQueries, queries, query } = JSON.parse(process.argv[2] ?? '') as {
  traces: number;
  warmupQueries: number;
  queries: number;
  query: unknown;
};

const gc = (globalThis as { gc?: () => void }).gc ?? ((): never => {
  throw new Error('run with --expose-gc');
});

/** The heap in use once everything unreachable is collected. */
const heapUsed = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** One round trip: its wall-clock time and the CPU time this process (server and client) spent on it. */
const timeQuery = async (viewer: TraceViewer): Promise<{ ms: number; cpuMs: number }> => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const res = await fetch(`${viewer.url}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(query) });
  const answer = (await res.json()) as { data?: { results?: unknown[] } };
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  if (res.status !== 200 || !answer.data?.results?.length) throw new Error(`the query answered ${String(res.status)}: ${JSON.stringify(answer).slice(0, 300)}`);
  return { ms, cpuMs: (user + system) / 1000 };
};

const now = Date.now();
// Made before any is sent: a long pause between requests would let the server close idle keep-alive connections under the client.
const warmup = cruddurRequests(500, now, 60_000, 99);
const requests = cruddurRequests(traces, now, 30 * 60_000);
const viewer = await startTraceViewer({ port: 0 });
// Warm the decoders and the store up before measuring, then start from empty.
await sendAll(viewer.url, warmup);
viewer.store.clear();
const before = heapUsed();
await sendAll(viewer.url, requests);
const after = heapUsed();
const stats = viewer.store.stats;
if (stats.spans !== traces * SPANS_PER_TRACE || stats.evictedSpans > 0) {
  throw new Error(`the viewer holds ${String(stats.spans)} spans and evicted ${String(stats.evictedSpans)}: its default limits should hold them all`);
}
for (let i = 0; i < warmupQueries; i++) await timeQuery(viewer);
const samples: { ms: number; cpuMs: number }[] = [];
for (let i = 0; i < queries; i++) samples.push(await timeQuery(viewer));
await viewer.close();
const samplesMs = samples.map(({ ms }) => ms);
const sorted = [...samplesMs].sort((a, b) => a - b);
const message: ViewerMessage = {
  spans: stats.spans,
  heapBytesPerSpan: (after - before) / stats.spans,
  estimatedBytesPerSpan: stats.bytes / stats.spans,
  queryMedianMs: percentileOfSorted(sorted, 50),
  queryP90Ms: percentileOfSorted(sorted, 90),
  queryMaxMs: sorted.at(-1) ?? 0,
  queryCpuMedianMs: median(samples.map(({ cpuMs }) => cpuMs)),
  samplesMs,
};
await new Promise<void>((resolve) => process.send?.(message, () => { resolve(); }));
process.disconnect?.();
