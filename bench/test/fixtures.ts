import type { ClickSample } from '../src/query-page-stats.js';
import { type BenchResults, type LoadResult, PARTS, type QueryPagePhase, type ServerRound, type VariantId, type VariantSummary } from '../src/results.js';

export const load = (rps: number, p99Ms: number, cpuUsPerRequest = 100): LoadResult => ({
  rps,
  p50Ms: p99Ms / 4,
  p99Ms,
  requests: rps * 6,
  warmupRequests: rps * 2,
  cpuUsPerRequest,
});

export const round = (variant: VariantId, index: number, rps: number, otlpBytes = 0): ServerRound => ({
  variant,
  round: index,
  startupMs: 500 + index,
  peakRssKb: 100 * 1024,
  home: load(rps, 10),
  post: load(rps / 2, 20),
  received: { otlp: otlpBytes > 0 ? { '/v1/traces': { requests: 10, bytes: otlpBytes } } : {}, udp: { datagrams: 0, bytes: 0 } },
});

const summary = (homeRps: number, homeP99: number, startupMs: number, postRps = homeRps / 2): VariantSummary => ({
  rounds: 3,
  startupMs,
  peakRssKb: 120 * 1024,
  home: { rps: homeRps, p50Ms: 2, p99Ms: homeP99, cpuUsPerRequest: 150, rpsSpread: 0.05 },
  post: { rps: postRps, p50Ms: 3, p99Ms: 20, cpuUsPerRequest: 300, rpsSpread: 0.1 },
  otlpBytesPerRequest: {},
  xrayDatagramsPerRequest: 0,
});

const sample = (totalMs: number): ClickSample => ({ totalMs, inputDelayMs: 2, requestMs: totalMs - 42, drawMs: 30, frameMs: 10 });

const phase = (medianMs: number, longestTaskMs: number): QueryPagePhase => ({
  clicks: 20,
  medianMs,
  p90Ms: medianMs + 20,
  maxMs: medianMs + 40,
  inputDelayMedianMs: 2,
  requestMedianMs: medianMs - 42,
  drawMedianMs: 30,
  frameMedianMs: 10,
  longTasks: longestTaskMs > 0 ? 3 : 0,
  longestTaskMs,
  longestFrameGapMs: longestTaskMs > 0 ? longestTaskMs + 10 : 33.4,
  seconds: 8,
  viewerCpuShare: longestTaskMs > 0 ? 0.8 : 0.3,
  meanSpansHeld: 110_000,
  samples: [sample(medianMs)],
});

/** A run where B meets every goal but the POST p99 one. */
export const results: BenchResults = {
  machine: { cpuModel: 'Test CPU', cores: 2, node: 'v20.20.2', os: 'Linux 6', loadAverage: [1, 1, 1], date: '2026-01-01T00:00:00.000Z' },
  settings: { rounds: 3, connections: 10, warmupSec: 2, durationSec: 6, posts: 6000, clicks: 20, pageClicks: 20, streamSpansPerSec: 2000, parts: PARTS },
  api: {
    rounds: [],
    variants: {
      A: summary(5000, 10, 700),
      B: { ...summary(4500, 12, 800), post: { rps: 2000, p50Ms: 3, p99Ms: 30, cpuUsPerRequest: 350, rpsSpread: 0.1 } },
      C: summary(2000, 40, 2000, 1000),
      D: { ...summary(4400, 12, 810), home: { rps: 4400, p50Ms: 2, p99Ms: 12, cpuUsPerRequest: 120, rpsSpread: 0.05 } },
    },
  },
  web: {
    bundle: {
      shippedGzip: 145_900,
      disabledGzip: 145_900,
      disabledKeepsTracing: true,
      tracingGzip: 29_800,
      tracingEntryGzip: 29_900,
      errorReportingGzip: null,
    },
    clickToTrace: { clicks: 20, medianMs: 190, p90Ms: 240, maxMs: 280, samplesMs: [190] },
  },
  viewer: {
    spans: 100_000,
    heapBytesPerSpan: 1200,
    estimatedBytesPerSpan: 1260,
    query: { calculations: [{ op: 'P90', column: 'duration_ms' }] },
    queries: 20,
    queryMedianMs: 62.4,
    queryP90Ms: 80,
    queryMaxMs: 95,
    queryCpuMedianMs: 41.2,
    samplesMs: [62.4],
  },
  queryPage: {
    query: { calculations: [{ op: 'HEATMAP', column: 'duration_ms' }] },
    spansLoaded: 100_000,
    warmupClicks: 5,
    clickGapMs: 250,
    quiet: phase(120, 0),
    streaming: phase(150, 96.2),
    stream: { targetSpansPerSec: 2000, spansPerSec: 1994.6, spans: 21_000, requests: 5300, seconds: 10.5, skippedTicks: 0, senderCpuShare: 0.25 },
    evictedSpans: 0,
  },
};
