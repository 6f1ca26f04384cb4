// `pnpm bench`: what tracing costs the API and the web app, measured side by
// side in one run, printed as one table and saved under bench/results/.
import { runApiRounds } from './api-bench.js';
import { summarizeVariant } from './api-summary.js';
import { measureClickToTrace } from './click-to-trace.js';
import { describeMachine } from './machine.js';
import { readSettings } from './options.js';
import { killChildrenOnExit } from './processes.js';
import { startReceiver } from './receiver-process.js';
import { renderReport } from './report.js';
import { writeResults } from './results-file.js';
import type { BenchResults } from './results.js';
import { measureViewerQuery } from './viewer-query.js';
import { measureBundles } from './web-bundle.js';

const progress = (line: string): void => {
  console.error(`bench: ${line}`);
};

const main = async (): Promise<void> => {
  killChildrenOnExit();
  const settings = readSettings(process.argv.slice(2));
  const machine = describeMachine();
  const started = Date.now();

  progress(`API: ${String(settings.rounds)} rounds of A (tracing off), B (ours), C (auto-instrumentations), D (B with X-Ray over OTLP)`);
  const receiver = await startReceiver();
  const rounds = await runApiRounds(settings, receiver, progress).finally(() => receiver.stop());

  progress('web app: production builds');
  const bundle = await measureBundles();
  progress(`web app: ${String(settings.clicks)} clicks in Chromium`);
  const clickToTrace = await measureClickToTrace(settings.clicks, progress);
  progress('trace viewer: 100,000 spans, heap per span, then the query');
  const viewer = await measureViewerQuery();

  const results: BenchResults = {
    machine,
    settings,
    api: {
      rounds,
      variants: { A: summarizeVariant('A', rounds), B: summarizeVariant('B', rounds), C: summarizeVariant('C', rounds), D: summarizeVariant('D', rounds) },
    },
    web: { bundle, clickToTrace },
    viewer,
  };
  const markdown = renderReport(results);
  const files = await writeResults(results, markdown);
  console.log(markdown);
  progress(`done in ${String(Math.round((Date.now() - started) / 1000))} s; written to ${files.join(' and ')}`);
};

main().then(
  // Vite and Playwright may leave handles open; everything started is stopped by now.
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
