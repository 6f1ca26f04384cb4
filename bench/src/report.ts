import { atLeast, atMost, GOALS, type GoalCheck } from './goals.js';
import { formatDelta, formatKb, formatNumber, formatRatio } from './format.js';
import { renderTable } from './markdown.js';
import { type BenchResults, type EndpointSummary, type MeasuredParts, PARTS, type QueryPageResults, type VariantSummary } from './results.js';
import { ratio } from './stats.js';

export interface ReportRow {
  readonly measure: string;
  readonly a: string;
  readonly b: string;
  readonly c: string;
  readonly d: string;
  readonly bOverA: string;
  readonly cOverA: string;
  readonly bOverC: string;
  readonly dOverB: string;
  readonly checks: readonly GoalCheck[];
}

const HEADERS = ['measure', 'A: tracing off', 'B: ours', 'C: auto-instrumentations', 'D: B, X-Ray over OTLP', 'B/A', 'C/A', 'B/C', 'D/B', 'goal', 'result'];
const ALIGN = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left'] as const;

type Pick = (summary: VariantSummary) => number;

/** A row comparing the four API variants on one number. */
const apiRow = (
  variants: BenchResults['api']['variants'],
  measure: string,
  pick: Pick,
  digits: number,
  checks: (ratios: { bOverA: number | undefined; bOverC: number | undefined }) => GoalCheck[] = () => [],
): ReportRow => {
  const [a, b, c, d] = [pick(variants.A), pick(variants.B), pick(variants.C), pick(variants.D)];
  const bOverA = ratio(b, a);
  const bOverC = ratio(b, c);
  return {
    measure,
    a: formatNumber(a, digits),
    b: formatNumber(b, digits),
    c: formatNumber(c, digits),
    d: formatNumber(d, digits),
    bOverA: formatRatio(bOverA),
    cOverA: formatRatio(ratio(c, a)),
    bOverC: formatRatio(bOverC),
    dOverB: formatRatio(ratio(d, b)),
    checks: checks({ bOverA, bOverC }),
  };
};

/** A row outside the API comparison (web app, trace viewer): only B (as shipped) and sometimes A (tracing off) apply. */
const webRow = (measure: string, b: string, checks: GoalCheck[] = [], a = '—'): ReportRow => ({
  measure,
  a,
  b,
  c: '—',
  d: '—',
  bOverA: '—',
  cOverA: '—',
  bOverC: '—',
  dOverB: '—',
  checks,
});

const endpointRows = (variants: BenchResults['api']['variants'], name: string, pick: (s: VariantSummary) => EndpointSummary, homeGoal: boolean) => [
  apiRow(variants, `${name} req/s`, (s) => pick(s).rps, 0, ({ bOverA, bOverC }) => [
    ...(homeGoal ? [atLeast(`B/A ≥ ${String(GOALS.homeRpsBOverAMin)}`, bOverA, GOALS.homeRpsBOverAMin, formatRatio(bOverA))] : []),
    atLeast(`B/C ≥ ${String(GOALS.rpsBOverCMin)}`, bOverC, GOALS.rpsBOverCMin, formatRatio(bOverC)),
  ]),
  apiRow(variants, `${name} p50 ms`, (s) => pick(s).p50Ms, 2),
  apiRow(variants, `${name} p99 ms`, (s) => pick(s).p99Ms, 2, ({ bOverA }) => [
    atMost(`B/A ≤ ${String(GOALS.p99BOverAMax)}`, bOverA, GOALS.p99BOverAMax, formatRatio(bOverA)),
  ]),
  apiRow(variants, `${name} server CPU µs/request`, (s) => pick(s).cpuUsPerRequest, 0),
];

const viewerRows = (viewer: BenchResults['viewer']): ReportRow[] => {
  const deviation = ratio(viewer.estimatedBytesPerSpan, viewer.heapBytesPerSpan);
  const off = deviation === undefined ? undefined : Math.abs(deviation - 1);
  const spans = formatNumber(viewer.spans);
  return [
    webRow(`trace viewer: P90 + HEATMAP query over ${spans} spans, median of ${String(viewer.queries)} ms (CPU ms)`, `${formatNumber(viewer.queryMedianMs, 1)} (${formatNumber(viewer.queryCpuMedianMs, 1)})`, [
      atMost(
        `≤ ${formatNumber(GOALS.viewerQueryMedianMaxMs)} ms`,
        viewer.queryMedianMs,
        GOALS.viewerQueryMedianMaxMs,
        `${formatNumber(viewer.queryMedianMs, 1)} ms`,
      ),
    ]),
    webRow(`trace viewer: heap per stored span, bytes (the store's estimate)`, `${formatNumber(viewer.heapBytesPerSpan)} (${formatNumber(viewer.estimatedBytesPerSpan)})`, [
      atMost(
        `estimate within ±${formatNumber(GOALS.viewerEstimateMaxDeviation * 100)} %`,
        off,
        GOALS.viewerEstimateMaxDeviation,
        deviation === undefined ? '—' : formatRatio(deviation),
      ),
    ]),
  ];
};

const apiRows = (variants: BenchResults['api']['variants']): ReportRow[] => {
  const startupDelta = variants.B.startupMs - variants.A.startupMs;
  return [
    ...endpointRows(variants, 'GET /api/activities/home', (s) => s.home, true),
    ...endpointRows(variants, 'POST /api/activities', (s) => s.post, false),
    apiRow(variants, 'peak RSS MB (VmHWM)', (s) => s.peakRssKb / 1024, 1),
    apiRow(variants, 'start-up to first answer ms', (s) => s.startupMs, 0, () => [
      atMost(`B − A ≤ ${String(GOALS.startupBMinusAMaxMs)} ms`, startupDelta, GOALS.startupBMinusAMaxMs, formatDelta(startupDelta, 'ms')),
    ]),
  ];
};

const bundleRows = (bundle: BenchResults['web']['bundle']): ReportRow[] => {
  const tracingBudget = `≤ ${formatKb(GOALS.webTracingMaxGzipBytes)} KB`;
  return [
    webRow('web app JS+CSS, KB gzip (A: VITE_OTEL_DISABLED=true)', formatKb(bundle.shippedGzip), [], formatKb(bundle.disabledGzip)),
    webRow('tracing code in the web app, KB gzip', formatKb(bundle.tracingGzip), [
      atMost(tracingBudget, bundle.tracingGzip, GOALS.webTracingMaxGzipBytes, `${formatKb(bundle.tracingGzip)} KB`),
    ]),
    webRow('telemetry-web entry bundled alone, KB gzip', formatKb(bundle.tracingEntryGzip), [
      atMost(tracingBudget, bundle.tracingEntryGzip, GOALS.webTracingMaxGzipBytes, `${formatKb(bundle.tracingEntryGzip)} KB`),
    ]),
    webRow('error reporting in the web app (built with a Rollbar token), KB gzip', bundle.errorReportingGzip === null ? 'not in the bundle' : formatKb(bundle.errorReportingGzip)),
  ];
};

/** A long task's duration; 0 stands for none (no task over the Long Tasks API's 50 ms). */
const formatLongTask = (ms: number): string => (ms === 0 ? '< 50' : formatNumber(ms));

const queryPageRows = ({ quiet, streaming, stream }: QueryPageResults): ReportRow[] => {
  const clicks = String(streaming.clicks);
  const both = (pick: (phase: QueryPageResults['quiet']) => string) => `${pick(streaming)} (${pick(quiet)})`;
  return [
    webRow(`trace viewer page: Run query click to chart, quiet, median (p90) of ${clicks} ms`, `${formatNumber(quiet.medianMs)} (${formatNumber(quiet.p90Ms)})`),
    webRow(`trace viewer page: the same while spans stream in, median (p90) of ${clicks} ms`, `${formatNumber(streaming.medianMs)} (${formatNumber(streaming.p90Ms)})`, [
      atMost(
        `≤ ${formatNumber(GOALS.queryPageStreamingMedianMaxMs)} ms`,
        streaming.medianMs,
        GOALS.queryPageStreamingMedianMaxMs,
        `${formatNumber(streaming.medianMs)} ms`,
      ),
    ]),
    webRow('trace viewer page: click to chart, streaming / quiet (medians)', formatRatio(ratio(streaming.medianMs, quiet.medianMs))),
    webRow('trace viewer page: longest main-thread task while streaming, ms (quiet)', both(({ longestTaskMs }) => formatLongTask(longestTaskMs)), [
      atMost(
        `≤ ${formatNumber(GOALS.queryPageStreamingLongestTaskMaxMs)} ms`,
        streaming.longestTaskMs,
        GOALS.queryPageStreamingLongestTaskMaxMs,
        `${formatLongTask(streaming.longestTaskMs)} ms`,
      ),
    ]),
    webRow('trace viewer page: longest gap between frames while streaming, ms (quiet)', both(({ longestFrameGapMs }) => formatNumber(longestFrameGapMs))),
    webRow('trace viewer page: spans/s streamed to the viewer (target)', `${formatNumber(stream.spansPerSec)} (${formatNumber(stream.targetSpansPerSec)})`),
  ];
};

/** The parts of a full run, as a run with `--only` has them. */
export const partsOf = ({ machine, settings, api, web, viewer, queryPage }: BenchResults): MeasuredParts => ({
  machine,
  settings,
  api,
  bundle: web.bundle,
  clickToTrace: web.clickToTrace,
  viewer,
  queryPage,
});

/** The rows of the parts measured, in the order of a full run. */
export const partRows = ({ api, bundle, clickToTrace, viewer, queryPage, settings }: MeasuredParts): ReportRow[] => [
  ...(api ? apiRows(api.variants) : []),
  ...(bundle ? bundleRows(bundle) : []),
  ...(clickToTrace
    ? [
        webRow(`click to complete trace, median of ${String(settings.clicks)} ms`, formatNumber(clickToTrace.medianMs), [
          atMost(
            `≤ ${formatNumber(GOALS.clickToTraceMedianMaxMs)} ms`,
            clickToTrace.medianMs,
            GOALS.clickToTraceMedianMaxMs,
            `${formatNumber(clickToTrace.medianMs)} ms`,
          ),
        ]),
      ]
    : []),
  ...(viewer ? viewerRows(viewer) : []),
  ...(queryPage ? queryPageRows(queryPage) : []),
];

export const reportRows = (results: BenchResults): ReportRow[] => partRows(partsOf(results));

const resultCell = (checks: readonly GoalCheck[]): string =>
  checks.map(({ pass, measured }) => `${pass ? 'pass' : 'FAIL'} (${measured})`).join('; ');

export const renderResultsTable = (rows: readonly ReportRow[]): string =>
  renderTable(
    HEADERS,
    rows.map((row) => [
      row.measure,
      row.a,
      row.b,
      row.c,
      row.d,
      row.bOverA,
      row.cOverA,
      row.bOverC,
      row.dOverB,
      row.checks.map(({ goal }) => goal).join('; '),
      resultCell(row.checks),
    ]),
    ALIGN,
  );

const percent = (fraction: number): string => `${formatNumber(fraction * 100)} %`;

const trafficNote = (label: string, summary: VariantSummary): string => {
  const otlp = Object.entries(summary.otlpBytesPerRequest)
    .map(([path, bytes]) => `${path} ${formatNumber(bytes)} B`)
    .join(', ');
  const xray = summary.xrayDatagramsPerRequest > 0 ? `; X-Ray ${formatNumber(summary.xrayDatagramsPerRequest * 1000)} datagrams per 1,000 requests` : '';
  return `${label}: ${otlp || 'no OTLP'} per request${xray}`;
};

const apiNotes = (settings: MeasuredParts['settings'], api: BenchResults['api']): string[] => {
  const spread = (['A', 'B', 'C', 'D'] as const)
    .map((id) => `${id} ${percent(api.variants[id].home.rpsSpread)} / ${percent(api.variants[id].post.rpsSpread)}`)
    .join(', ');
  return [
    `- API: ${String(settings.rounds)} rounds, the variants interleaved (order rotated each round), each round a fresh server process: ` +
      `GET home for ${String(settings.warmupSec)} s of warm-up then ${String(settings.durationSec)} s measured, then POST for ` +
      `${formatNumber(Math.ceil(settings.posts / 5))} requests of warm-up then ${formatNumber(settings.posts)} measured (a fixed count: each POST answer costs more as the store grows, so every variant grows it alike); ` +
      `${String(settings.connections)} connections, autocannon in its own process on loopback; medians over rounds. ` +
      'Latency is of 2xx answers, exact (not histogram-rounded). Server CPU is the process’s user + system time (all threads) over the measured part, from /proc/<pid>/stat: the steadiest number on a busy machine.',
    `- Spread of req/s across rounds, (max − min) / median, home / POST: ${spread}.`,
    '- A: the built server with `--import ./dist/instrumentation.js` and OTEL_SDK_DISABLED=true. B: the same as shipped, 100 % sampled, ' +
      'OTLP/protobuf to the receiver through TRACE_VIEWER_ENDPOINT, X-Ray through AWS_XRAY_DAEMON_ADDRESS. C: the same dist/server.js with ' +
      '`--require @opentelemetry/auto-instrumentations-node/register` and its defaults (traces, logs and metrics over OTLP), ' +
      'resource detectors limited to the local ones so nothing calls a cloud metadata address. ' +
      'D: B with X-Ray over OTLP (AWS_XRAY_OTLP=true) instead of the daemon: each batch encoded once for both, X-Ray’s copy SigV4-signed by the AWS SDK ' +
      '(credentials from the receiver standing in for the instance metadata service, so CloudWatch Logs stays off as in B) and sent to the receiver’s /xray/v1/traces.',
    '- Receiver: one process for the whole run, shared by every variant, answering 200 to OTLP/HTTP and counting UDP datagrams without decoding either. ' +
      `Received, per request served: ${trafficNote('B', api.variants.B)}; ${trafficNote('C', api.variants.C)}; ${trafficNote('D', api.variants.D)}.`,
  ];
};

const bundleNote = (bundle: BenchResults['web']['bundle']): string =>
  `- Web app: production builds through the app's own Vite config. VITE_OTEL_DISABLED=true ${bundle.disabledKeepsTracing ? 'leaves the tracing code in the bundle' : 'removes the tracing code'}. ` +
  'The tracing row is the app built with @cruddur/telemetry-web, @opentelemetry/*, zone.js, the X-Ray id generator of @cruddur/telemetry-conventions, src/telemetry.ts and src/startTelemetry.ts split into a chunk of their own ' +
  '(the modules they import from the rest of the app stay out); the error-reporting row likewise for Rollbar, src/errorReporting.ts and src/errors/, ' +
  'in a build with VITE_ROLLBAR_CLIENT_TOKEN set (without one the reporter is left out as dead code); ' +
  'the entry row bundles packages/telemetry-web/test/bundle-entry.ts alone, as that package’s bundle-size test does.';

const clickToTraceNote = (clickToTrace: BenchResults['web']['clickToTrace']): string =>
  `- Click to trace: Debian's Chromium, alternate clicks on Home and Notifications; from the click to the local trace viewer holding both the ` +
  `browser's root span and the API's SERVER span of that trace, polled every 10 ms. p90 ${formatNumber(clickToTrace.p90Ms)} ms, max ${formatNumber(clickToTrace.maxMs)} ms.`;

const viewerNote = (viewer: BenchResults['viewer']): string =>
  `- Trace viewer: in a process of its own with its default limits, ${formatNumber(viewer.spans)} spans sent over OTLP/HTTP as the apps send them ` +
  '(per click, the browser’s action and fetch spans in OTLP/JSON, the API’s SERVER and use-case spans in OTLP/protobuf batches of 128), started over the last 30 minutes. ' +
  'Heap per span: heap used after full GCs, after minus before, over the spans stored; the estimate is what the store counts against its byte limit. ' +
  `Query: \`POST /api/query\` with \`${JSON.stringify(viewer.query)}\`, ${String(viewer.queries)} round trips after 5 to warm up; p90 ${formatNumber(viewer.queryP90Ms, 1)} ms, max ${formatNumber(viewer.queryMaxMs, 1)} ms. ` +
  'CPU: the process’s user + system time per round trip, the client’s share (the request, parsing the answer) included.';

const queryPageNote = ({ query, spansLoaded, warmupClicks, clickGapMs, quiet, streaming, stream, evictedSpans }: QueryPageResults): string => {
  const both = (pick: (phase: QueryPageResults['quiet']) => number) => `${formatNumber(pick(quiet), 1)} / ${formatNumber(pick(streaming), 1)}`;
  return (
    `- Trace viewer page: the viewer's CLI in a process of its own with its default limits, ${formatNumber(spansLoaded)} spans loaded as above ` +
    '(the browser’s spans 64 clicks to a request, to fill it in seconds), its query page in Debian’s Chromium opened at ' +
    `\`#/query?q=\` with \`${JSON.stringify(query)}\`. ${String(warmupClicks)} clicks of Run query to warm up, then ${String(quiet.clicks)} with the viewer quiet and ` +
    `${String(streaming.clicks)} while another process sends it the same mix of spans at ${formatNumber(stream.targetSpansPerSec)} a second, interleaved quiet ¼, streaming ½, quiet ½, streaming ½, quiet ¼: ` +
    'every streamed span adds to what each query scans, so in this order both phases see the same store on average ' +
    `(${formatNumber(quiet.meanSpansHeld)} and ${formatNumber(streaming.meanSpansHeld)} spans held), and a machine that gets busier or quieter weighs on both alike. ` +
    'The stream, in ticks of 64 traces: the browser’s 64 OTLP/JSON requests spread over the tick, the API’s 128 spans in one OTLP/protobuf batch at its end, at most 32 requests in flight; ' +
    `each stream starts a second before its clicks. Accepted while the clicks ran: ${formatNumber(stream.spansPerSec)} spans/s ` +
    `(all told ${formatNumber(stream.spans)} spans in ${formatNumber(stream.requests)} requests over ${formatNumber(stream.seconds, 1)} s; ${String(stream.skippedTicks)} ticks skipped for a backlog; ` +
    `the sender used ${percent(stream.senderCpuShare)} of a core, the viewer ${percent(streaming.viewerCpuShare)} against ${percent(quiet.viewerCpuShare)} in the quiet phase). ` +
    `Each click comes ${formatNumber(clickGapMs)} ms after the previous answer and is timed in the page: from the click event’s timeStamp (the input’s arrival, so time the main thread keeps it waiting counts) ` +
    'to a task queued from the first animation frame after `data-run` counts the new answer (so that frame’s style, layout and paint are in). ' +
    `Medians quiet / streaming, ms: input delay ${both((phase) => phase.inputDelayMedianMs)}; to the \`POST /api/query\` answered (Resource Timing’s responseEnd) ${both((phase) => phase.requestMedianMs)}, ` +
    `parsing the answer and drawing the charts and table ${both((phase) => phase.drawMedianMs)}; the frame after it ${both((phase) => phase.frameMedianMs)}. ` +
    `Click to chart p90 ${both((phase) => phase.p90Ms)}, max ${both((phase) => phase.maxMs)}. ` +
    `Long tasks: \`PerformanceObserver\` \`longtask\` entries (over 50 ms, so "< 50" for none) overlapping the clicks' time, ${String(quiet.longTasks)} quiet, ${String(streaming.longTasks)} streaming. ` +
    `Frame gaps: between consecutive \`requestAnimationFrame\` timestamps. ${formatNumber(evictedSpans)} spans evicted.`
  );
};

/** The Markdown document for the parts measured: the table, then how it was measured. */
export const renderParts = (parts: MeasuredParts): string => {
  const { machine, settings, api, bundle, clickToTrace, viewer, queryPage } = parts;
  const rows = partRows(parts);
  const checks = rows.flatMap((row) => row.checks);
  const partial = settings.parts.length < PARTS.length;
  return [
    `# Tracing cost, measured side by side${partial ? ` (only ${settings.parts.join(', ')})` : ''}`,
    '',
    renderResultsTable(rows),
    '',
    `Goals met: ${String(checks.filter(({ pass }) => pass).length)} of ${String(checks.length)}.`,
    '',
    `- Machine: ${machine.cpuModel}, ${String(machine.cores)} cores, Node ${machine.node}, ${machine.os}; load average at start ${machine.loadAverage.map((load) => load.toFixed(2)).join(' ')}; ${machine.date}.`,
    ...(api ? apiNotes(settings, api) : []),
    ...(bundle ? [bundleNote(bundle)] : []),
    ...(clickToTrace ? [clickToTraceNote(clickToTrace)] : []),
    ...(viewer ? [viewerNote(viewer)] : []),
    ...(queryPage ? [queryPageNote(queryPage)] : []),
    '',
  ].join('\n');
};

/** The whole Markdown document of a full run. */
export const renderReport = (results: BenchResults): string => renderParts(partsOf(results));
