import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, mergeConfig, type InlineConfig, type Rolldown } from 'vite';
import { withEnv } from './env.js';
import { PATHS } from './paths.js';
import type { BundleResults } from './results.js';

/**
 * Browser tracing as the app ships it: our package, OpenTelemetry, Zone.js,
 * the X-Ray-valid id generator, and the app's module that starts them.
 */
const TRACING_MODULE =
  /[\\/](?:telemetry-web|@opentelemetry|zone\.js)[\\/]|[\\/]telemetry-conventions[\\/](?:dist|src)[\\/]xray-ids\.[jt]s$|[\\/]frontend-react-js[\\/]src[\\/](?:telemetry|startTelemetry)\.ts$/;
/** Error reporting from the browser, if the app has it: a Rollbar reporter, the app's errorReporting.ts and src/errors/. */
const ERROR_REPORTING_MODULE = /rollbar|error-?reporting|[\\/]frontend-react-js[\\/]src[\\/]errors[\\/]/i;

type OutputFile = Rolldown.OutputChunk | Rolldown.OutputAsset;

const gzipBytes = (content: string | Uint8Array): number => gzipSync(content).length;

const outputFiles = async (config: InlineConfig): Promise<OutputFile[]> => {
  const result = await build(mergeConfig<InlineConfig, InlineConfig>({ logLevel: 'warn', build: { write: false } }, config));
  return (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput]).flatMap((output) => output.output);
};

/** The web app's production build through its own Vite config, with `vars` set, into memory. */
const buildApp = (vars: Readonly<Record<string, string | undefined>>, extra: InlineConfig = {}) =>
  withEnv(vars, () => outputFiles(mergeConfig<InlineConfig, InlineConfig>({ root: PATHS.frontendDir, configFile: PATHS.frontendViteConfig }, extra)));

/** What a browser downloads for the app: every JS chunk and CSS file, each gzipped. */
const scriptsAndStylesGzip = (files: readonly OutputFile[]): number =>
  files.reduce((sum, file) => {
    if (file.type === 'chunk') return sum + gzipBytes(file.code);
    return file.fileName.endsWith('.css') ? sum + gzipBytes(file.source) : sum;
  }, 0);

const chunkGzip = (files: readonly OutputFile[], name: string): number | null => {
  const chunk = files.find((file): file is Rolldown.OutputChunk => file.type === 'chunk' && file.name === name);
  return chunk ? gzipBytes(chunk.code) : null;
};

const hasModule = (files: readonly OutputFile[], pattern: RegExp): boolean =>
  files.some((file) => file.type === 'chunk' && Object.keys(file.modules).some((id) => pattern.test(id)));

/**
 * Sizes of the web app's production bundle, with tracing and without it
 * (VITE_OTEL_DISABLED=true, which leaves the tracing modules out). The
 * tracing code is also measured by splitting its modules into a chunk of
 * their own, and by bundling telemetry-web's bundle-size entry alone as its
 * test does.
 */
export const measureBundles = async (): Promise<BundleResults> => {
  const shipped = await buildApp({ VITE_OTEL_DISABLED: undefined });
  const disabled = await buildApp({ VITE_OTEL_DISABLED: 'true' });
  // Built with a Rollbar token, as a deployment that reports errors would be:
  // without one the reporter is dead code and left out. This build is only
  // measured, never run, so its chunks need not load in order.
  const split = await buildApp(
    { VITE_OTEL_DISABLED: undefined, VITE_ROLLBAR_CLIENT_TOKEN: 'bench-placeholder' },
    {
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                { name: 'tracing', test: TRACING_MODULE, includeDependenciesRecursively: false },
                { name: 'error-reporting', test: ERROR_REPORTING_MODULE, includeDependenciesRecursively: false },
              ],
            },
          },
        },
      },
    },
  );
  const entry = await outputFiles({
    root: dirname(PATHS.telemetryWebBundleEntry),
    configFile: false,
    build: { rolldownOptions: { input: PATHS.telemetryWebBundleEntry } },
  });
  const tracingGzip = chunkGzip(split, 'tracing');
  if (tracingGzip === null) throw new Error('no tracing chunk: the app no longer bundles browser tracing?');
  return {
    shippedGzip: scriptsAndStylesGzip(shipped),
    disabledGzip: scriptsAndStylesGzip(disabled),
    disabledKeepsTracing: hasModule(disabled, TRACING_MODULE),
    tracingGzip,
    tracingEntryGzip: scriptsAndStylesGzip(entry),
    errorReportingGzip: chunkGzip(split, 'error-reporting'),
  };
};
