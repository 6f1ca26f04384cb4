import type { EndpointSummary, LoadResult, ServerRound, VariantId, VariantSummary } from './results.js';
import { median, relativeSpread } from './stats.js';

const summarizeEndpoint = (runs: readonly LoadResult[]): EndpointSummary => ({
  rps: median(runs.map(({ rps }) => rps)),
  p50Ms: median(runs.map(({ p50Ms }) => p50Ms)),
  p99Ms: median(runs.map(({ p99Ms }) => p99Ms)),
  cpuUsPerRequest: median(runs.map(({ cpuUsPerRequest }) => cpuUsPerRequest)),
  rpsSpread: relativeSpread(runs.map(({ rps }) => rps)),
});

const served = (round: ServerRound): number =>
  round.home.requests + round.home.warmupRequests + round.post.requests + round.post.warmupRequests;

/** Medians over one variant's rounds. */
export const summarizeVariant = (variant: VariantId, all: readonly ServerRound[]): VariantSummary => {
  const rounds = all.filter((round) => round.variant === variant);
  if (rounds.length === 0) throw new Error(`no rounds of variant ${variant}`);
  const paths = [...new Set(rounds.flatMap((round) => Object.keys(round.received.otlp)))].sort();
  return {
    rounds: rounds.length,
    startupMs: median(rounds.map(({ startupMs }) => startupMs)),
    peakRssKb: median(rounds.map(({ peakRssKb }) => peakRssKb)),
    home: summarizeEndpoint(rounds.map(({ home }) => home)),
    post: summarizeEndpoint(rounds.map(({ post }) => post)),
    otlpBytesPerRequest: Object.fromEntries(
      paths.map((path) => [path, median(rounds.map((round) => (round.received.otlp[path]?.bytes ?? 0) / served(round)))]),
    ),
    xrayDatagramsPerRequest: median(rounds.map((round) => round.received.udp.datagrams / served(round))),
  };
};
