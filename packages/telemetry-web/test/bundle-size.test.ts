import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { expect, it } from 'vitest';

// The goal: tracing adds at most 30 KB gzip to the app, Zone.js included.
const BUDGET_BYTES = 30_000;

it('adds at most 30 KB gzip to the app, without resource detectors nor incubating semconv', async () => {
  const result = await build({
    root: import.meta.dirname,
    configFile: false,
    logLevel: 'warn',
    build: { write: false, rolldownOptions: { input: `${import.meta.dirname}/bundle-entry.ts` } },
  });
  const chunks = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput])
    .flatMap((output) => output.output)
    .filter((file) => file.type === 'chunk');
  const code = chunks.map((chunk) => chunk.code).join('\n');
  const modules = chunks.flatMap((chunk) => Object.keys(chunk.modules));
  const gzipped = gzipSync(code).length;
  console.info(`telemetry-web bundle: ${code.length} bytes minified, ${gzipped} bytes gzip`);

  expect(modules.some((id) => id.includes('/zone.js/'))).toBe(true);
  // Resources 3.x keeps defaultServiceName() (a constant, 'unknown_service', for
  // the SDK's default resource) beside its detectors: no detector comes with it.
  const defaultServiceName = /[\\/]detectors[\\/]platform[\\/]browser[\\/]default-service-name\.mjs$/;
  expect(modules.filter((id) => /detectors|incubating/.test(id) && !defaultServiceName.test(id))).toEqual([]);
  expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
}, 60_000);
