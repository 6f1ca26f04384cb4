// What one `pnpm bench` run measures, as written to results/latest.json.
import type { ClickSample } from './query-page-stats.js';

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

/** One phase of the query page's run: the same count of clicks of `Run query`, with the viewer quiet or taking spans, in interleaved segments. */
export interface QueryPagePhase {
  readonly clicks: number;
  /** Click to the frame with the answer painted. */
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly maxMs: number;
  /** Medians of a click's parts (see ClickSample): input delay, the request, parsing and drawing, the frame after it. */
  readonly inputDelayMedianMs: number;
  readonly requestMedianMs: number;
  readonly drawMedianMs: number;
  readonly frameMedianMs: number;
  /** Main-thread tasks of more than 50 ms (`longtask` entries) during the phase, and the longest (0 when none). */
  readonly longTasks: number;
  readonly longestTaskMs: number;
  /** The longest time between two animation frames during the phase. */
  readonly longestFrameGapMs: number;
  /** The phase's segments' time, summed. */
  readonly seconds: number;
  /** The viewer process's CPU time over the phase's wall-clock time: 1 is one core kept busy. */
  readonly viewerCpuShare: number;
  /** Spans the viewer held, on average over the phase's clicks (each segment's taken as the mean of its start and end). */
  readonly meanSpansHeld: number;
  readonly samples: readonly ClickSample[];
}

/** The viewer's query page in Chromium, its `Run query` clicked with the viewer quiet, then while spans stream in. */
export interface QueryPageResults {
  /** The query in the page's address. */
  readonly query: unknown;
  /** Spans sent before the page opened. */
  readonly spansLoaded: number;
  readonly warmupClicks: number;
  /** From one answer painted to the next click. */
  readonly clickGapMs: number;
  readonly quiet: QueryPagePhase;
  readonly streaming: QueryPagePhase;
  readonly stream: {
    readonly targetSpansPerSec: number;
    /** Spans the viewer accepted per second while the streaming phase's clicks ran. */
    readonly spansPerSec: number;
    /** Every stream's, from its start (a settling second before its clicks) to its stop. */
    readonly spans: number;
    readonly requests: number;
    readonly seconds: number;
    /** Ticks the sender skipped because the viewer had not taken the earlier ones yet. */
    readonly skippedTicks: number;
    /** The sending process's CPU time over the streaming clicks' wall-clock time. */
    readonly senderCpuShare: number;
  };
  /** Spans the viewer evicted during the run (its default limits should keep them all). */
  readonly evictedSpans: number;
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
  /** The query page: clicks of `Run query` in each phase, after as many warm-up clicks as a quarter of them. */
  readonly pageClicks: number;
  /** The query page: spans a second sent to the viewer in the streaming phase. */
  readonly streamSpansPerSec: number;
  /** The parts of the run (`--only`); results/ is written only when all of them ran. */
  readonly parts: readonly Part[];
}

/** The parts of a run, in the order they run. */
export const PARTS = ['api', 'bundle', 'click-to-trace', 'viewer-query', 'query-page'] as const;
export type Part = (typeof PARTS)[number];

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
  readonly queryPage: QueryPageResults;
}

/** What the parts of a run measured; a part left out by `--only` is missing. */
export interface MeasuredParts {
  readonly machine: Machine;
  readonly settings: Settings;
  readonly api?: BenchResults['api'];
  readonly bundle?: BundleResults;
  readonly clickToTrace?: ClickToTraceResults;
  readonly viewer?: ViewerResults;
  readonly queryPage?: QueryPageResults;
}
