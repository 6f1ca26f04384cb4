// What one `pnpm bench` run measures, as written to results/latest.json.

export const VARIANT_IDS = ['A', 'B', 'C', 'D'] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

/** One load run: warm-up, then the measured part. Latencies of 2xx answers only. */
export interface LoadResult {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers in the measured part. */
  readonly requests: number;
  readonly warmupRequests: number;
  /** The server process's CPU time (all threads, user + system) per measured request. */
  readonly cpuUsPerRequest: number;
}

/** What the receiver got while one server ran: OTLP requests by path, X-Ray datagrams. */
export interface ReceiverTraffic {
  readonly otlp: Readonly<Record<string, { readonly requests: number; readonly bytes: number }>>;
  readonly udp: { readonly datagrams: number; readonly bytes: number };
}

/** One server process of one variant: started, loaded on both endpoints, stopped. */
export interface ServerRound {
  readonly variant: VariantId;
  readonly round: number;
  readonly startupMs: number;
  readonly peakRssKb: number;
  readonly home: LoadResult;
  readonly post: LoadResult;
  readonly received: ReceiverTraffic;
}

export interface EndpointSummary {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuUsPerRequest: number;
  /** (max − min) / median of the rounds' requests/s. */
  readonly rpsSpread: number;
}

/** Medians over the rounds of one variant. */
export interface VariantSummary {
  readonly rounds: number;
  readonly startupMs: number;
  readonly peakRssKb: number;
  readonly home: EndpointSummary;
  readonly post: EndpointSummary;
  /** OTLP bytes received per request served (warm-up included), by path. */
  readonly otlpBytesPerRequest: Readonly<Record<string, number>>;
  readonly xrayDatagramsPerRequest: number;
}

export interface BundleResults {
  /** JS and CSS of the web app as `pnpm build` makes it, gzip bytes. */
  readonly shippedGzip: number;
  /** The same built with VITE_OTEL_DISABLED=true. */
  readonly disabledGzip: number;
  /** Whether the VITE_OTEL_DISABLED build still carries the tracing modules. */
  readonly disabledKeepsTracing: boolean;
  /** The tracing modules of the app (not what they import from elsewhere), split into a chunk of their own. */
  readonly tracingGzip: number;
  /** packages/telemetry-web/test/bundle-entry.ts bundled alone, as its bundle-size test does. */
  readonly tracingEntryGzip: number;
  /** Error-reporting modules of the app built with a Rollbar token, in a chunk of their own; null when there are none. */
  readonly errorReportingGzip: number | null;
}

export interface ClickToTraceResults {
  readonly clicks: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly maxMs: number;
  readonly samplesMs: readonly number[];
}

/** The local trace viewer holding 100,000 Cruddur-like spans. */
export interface ViewerResults {
  readonly spans: number;
  /** Heap growth (after full GCs) over the spans stored, per span. */
  readonly heapBytesPerSpan: number;
  /** The store's own estimate, which its byte limit counts, per span. */
  readonly estimatedBytesPerSpan: number;
  /** POST /api/query round trips of `query`, after warm-up. */
  readonly query: unknown;
  readonly queries: number;
  readonly queryMedianMs: number;
  readonly queryP90Ms: number;
  readonly queryMaxMs: number;
  /** The viewer process's CPU time (user + system) per round trip, client included: steadier than the wall clock on a busy machine. */
  readonly queryCpuMedianMs: number;
  readonly samplesMs: readonly number[];
}

export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly node: string;
  readonly os: string;
  readonly loadAverage: readonly number[];
  readonly date: string;
}

export interface Settings {
  readonly rounds: number;
  readonly connections: number;
  /** GET home: seconds of warm-up, then seconds measured. */
  readonly warmupSec: number;
  readonly durationSec: number;
  /** POST: a fixed count of requests measured (after a fifth as many to warm up), so every variant grows the store alike. */
  readonly posts: number;
  readonly clicks: number;
}

export interface BenchResults {
  readonly machine: Machine;
  readonly settings: Settings;
  readonly api: {
    readonly rounds: readonly ServerRound[];
    readonly variants: Readonly<Record<VariantId, VariantSummary>>;
  };
  readonly web: {
    readonly bundle: BundleResults;
    readonly clickToTrace: ClickToTraceResults;
  };
  readonly viewer: ViewerResults;
}
