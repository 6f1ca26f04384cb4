import { atLeast, atMost, GOALS, type GoalCheck } from './goals.js';
import { formatDelta, formatKb, formatNumber, formatRatio } from './format.js';
import { renderTable } from './markdown.js';
import type { BenchResults, EndpointSummary, VariantSummary } from './results.js';
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

export const reportRows = ({ api: { variants }, web: { bundle, clickToTrace }, viewer, settings }: BenchResults): ReportRow[] => {
  const startupDelta = variants.B.startupMs - variants.A.startupMs;
  const tracingBudget = `≤ ${formatKb(GOALS.webTracingMaxGzipBytes)} KB`;
  return [
    ...endpointRows(variants, 'GET /api/activities/home', (s) => s.home, true),
    ...endpointRows(variants, 'POST /api/activities', (s) => s.post, false),
    apiRow(variants, 'peak RSS MB (VmHWM)', (s) => s.peakRssKb / 1024, 1),
    apiRow(variants, 'start-up to first answer ms', (s) => s.startupMs, 0, () => [
      atMost(`B − A ≤ ${String(GOALS.startupBMinusAMaxMs)} ms`, startupDelta, GOALS.startupBMinusAMaxMs, formatDelta(startupDelta, 'ms')),
    ]),
    webRow('web app JS+CSS, KB gzip (A: VITE_OTEL_DISABLED=true)', formatKb(bundle.shippedGzip), [], formatKb(bundle.disabledGzip)),
    webRow('tracing code in the web app, KB gzip', formatKb(bundle.tracingGzip), [
      atMost(tracingBudget, bundle.tracingGzip, GOALS.webTracingMaxGzipBytes, `${formatKb(bundle.tracingGzip)} KB`),
    ]),
    webRow('telemetry-web entry bundled alone, KB gzip', formatKb(bundle.tracingEntryGzip), [
      atMost(tracingBudget, bundle.tracingEntryGzip, GOALS.webTracingMaxGzipBytes, `${formatKb(bundle.tracingEntryGzip)} KB`),
    ]),
    webRow('error reporting in the web app (built with a Rollbar token), KB gzip', bundle.errorReportingGzip === null ? 'not in the bundle' : formatKb(bundle.errorReportingGzip)),
    webRow(`click to complete trace, median of ${String(settings.clicks)} ms`, formatNumber(clickToTrace.medianMs), [
      atMost(
        `≤ ${formatNumber(GOALS.clickToTraceMedianMaxMs)} ms`,
        clickToTrace.medianMs,
        GOALS.clickToTraceMedianMaxMs,
        `${formatNumber(clickToTrace.medianMs)} ms`,
      ),
    ]),
    ...viewerRows(viewer),
  ];
};

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

/** The whole Markdown document: the table, then how it was measured. */
export const renderReport = (results: BenchResults): string => {
  const { machine, settings, api, web, viewer } = results;
  const rows = reportRows(results);
  const checks = rows.flatMap((row) => row.checks);
  const spread = (['A', 'B', 'C', 'D'] as const)
    .map((id) => `${id} ${percent(api.variants[id].home.rpsSpread)} / ${percent(api.variants[id].post.rpsSpread)}`)
    .join(', ');
  return [
    '# Tracing cost, measured side by side',
    '',
    renderResultsTable(rows),
    '',
    `Goals met: ${String(checks.filter(({ pass }) => pass).length)} of ${String(checks.length)}.`,
    '',
    `- Machine: ${machine.cpuModel}, ${String(machine.cores)} cores, Node ${machine.node}, ${machine.os}; load average at start ${machine.loadAverage.map((load) => load.toFixed(2)).join(' ')}; ${machine.date}.`,
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
    `- Web app: production builds through the app's own Vite config. VITE_OTEL_DISABLED=true ${web.bundle.disabledKeepsTracing ? 'leaves the tracing code in the bundle' : 'removes the tracing code'}. ` +
      'The tracing row is the app built with @cruddur/telemetry-web, @opentelemetry/*, zone.js, the X-Ray id generator of @cruddur/telemetry-conventions, src/telemetry.ts and src/startTelemetry.ts split into a chunk of their own ' +
      '(the modules they import from the rest of the app stay out); the error-reporting row likewise for Rollbar, src/errorReporting.ts and src/errors/, ' +
      'in a build with VITE_ROLLBAR_CLIENT_TOKEN set (without one the reporter is left out as dead code); ' +
      'the entry row bundles packages/telemetry-web/test/bundle-entry.ts alone, as that package’s bundle-size test does.',
    `- Click to trace: Debian's Chromium, alternate clicks on Home and Notifications; from the click to the local trace viewer holding both the ` +
      `browser's root span and the API's SERVER span of that trace, polled every 10 ms. p90 ${formatNumber(web.clickToTrace.p90Ms)} ms, max ${formatNumber(web.clickToTrace.maxMs)} ms.`,
    `- Trace viewer: in a process of its own with its default limits, ${formatNumber(viewer.spans)} spans sent over OTLP/HTTP as the apps send them ` +
      '(per click, the browser’s action and fetch spans in OTLP/JSON, the API’s SERVER and use-case spans in OTLP/protobuf batches of 128), started over the last 30 minutes. ' +
      'Heap per span: heap used after full GCs, after minus before, over the spans stored; the estimate is what the store counts against its byte limit. ' +
      `Query: \`POST /api/query\` with \`${JSON.stringify(viewer.query)}\`, ${String(viewer.queries)} round trips after 5 to warm up; p90 ${formatNumber(viewer.queryP90Ms, 1)} ms, max ${formatNumber(viewer.queryMaxMs, 1)} ms. ` +
      'CPU: the process’s user + system time per round trip, the client’s share (the request, parsing the answer) included.',
    '',
  ].join('\n');
};
