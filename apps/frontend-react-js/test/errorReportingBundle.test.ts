import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { expect, it } from 'vitest';

// The full rollbar.js browser bundle is about 32 KB gzip; the hand-built reporter must stay a small fraction of it.
const BUDGET_BYTES = 2_000;

it('adds at most 2 KB gzip to the app when VITE_ROLLBAR_CLIENT_TOKEN is set', async () => {
  const result = await build({
    root: import.meta.dirname,
    configFile: false,
    logLevel: 'warn',
    build: { write: false, rolldownOptions: { input: `${import.meta.dirname}/errorReportingBundle.entry.ts` } },
  });
  const code = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput])
    .flatMap((output) => output.output)
    .filter((file) => file.type === 'chunk')
    .map((chunk) => chunk.code)
    .join('\n');
  const gzipped = gzipSync(code).length;
  console.info(`error reporting bundle: ${String(code.length)} bytes minified, ${String(gzipped)} bytes gzip`);

  expect(code).toContain('api/1/item');
  expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
}, 60_000);
