// `pnpm bench`: what tracing costs the API and the web app, measured side by
// side in one run, printed as one table and saved under bench/results/.
import { runApiRounds } from './api-bench.js';
import { summarizeVariant } from './api-summary.js';
import { measureClickToTrace } from './click-to-trace.js';
import { describeMachine } from './machine.js';
import { readSettings } from './options.js';
import { killChildrenOnExit } from './processes.js';
import { startReceiver } from './receiver-process.js';
import { measureQueryPage } from './query-page.js';
import { renderParts, renderReport } from './report.js';
import { writeResults } from './results-file.js';
import type { BenchResults, Part } from './results.js';
import { measureViewerQuery } from './viewer-query.js';
import { measureBundles } from './web-bundle.js';

const progress = (line: string): void => {
  console.error(`bench: ${line}`);
};

const main = async (): Promise<void> => {
  killChildrenOnExit();
  const settings = readSettings(process.argv.slice(2));
  const runs = (part: Part) => settings.parts.includes(part);
  const machine = describeMachine();
  const started = Date.now();

  let api: BenchResults['api'] | undefined;
  if (runs('api')) {
    progress(`API: ${String(settings.rounds)} rounds of A (tracing off), B (ours), C (auto-instrumentations), D (B with X-Ray over OTLP)`);
    const receiver = await startReceiver();
    const rounds = await runApiRounds(settings, receiver, progress).finally(() => receiver.stop());
    api = { rounds, variants: { A: summarizeVariant('A', rounds), B: summarizeVariant('B', rounds), C: summarizeVariant('C', rounds), D: summarizeVariant('D', rounds) } };
  }
  let bundle: BenchResults['web']['bundle'] | undefined;
  if (runs('bundle')) {
    progress('web app: production builds');
    bundle = await measureBundles();
  }
  let clickToTrace: BenchResults['web']['clickToTrace'] | undefined;
  if (runs('click-to-trace')) {
    progress(`web app: ${String(settings.clicks)} clicks in Chromium`);
    clickToTrace = await measureClickToTrace(settings.clicks, progress);
  }
  let viewer: BenchResults['viewer'] | undefined;
  if (runs('viewer-query')) {
    progress('trace viewer: 100,000 spans, heap per span, then the query');
    viewer = await measureViewerQuery();
  }
  let queryPage: BenchResults['queryPage'] | undefined;
  if (runs('query-page')) {
    progress(`trace viewer page: ${String(settings.pageClicks)} clicks of Run query in Chromium, quiet, then while ${String(settings.streamSpansPerSec)} spans/s stream in`);
    queryPage = await measureQueryPage(settings.pageClicks, settings.streamSpansPerSec, progress);
  }

  const seconds = String(Math.round((Date.now() - started) / 1000));
  if (api && bundle && clickToTrace && viewer && queryPage) {
    const results: BenchResults = { machine, settings, api, web: { bundle, clickToTrace }, viewer, queryPage };
    const markdown = renderReport(results);
    const files = await writeResults(results, markdown);
    console.log(markdown);
    progress(`done in ${seconds} s; written to ${files.join(' and ')}`);
    return;
  }
  // Only some parts: printed, never written over the last full run's results.
  console.log(
    renderParts({
      machine,
      settings,
      ...(api && { api }),
      ...(bundle && { bundle }),
      ...(clickToTrace && { clickToTrace }),
      ...(viewer && { viewer }),
      ...(queryPage && { queryPage }),
    }),
  );
  progress(`done in ${seconds} s; only ${settings.parts.join(', ')}, so nothing written to results/`);
};

main().then(
  // Vite and Playwright may leave handles open; everything started is stopped by now.
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
