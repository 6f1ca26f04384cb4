// Playwright global setup: bundles the fixture app with the library's
// sources, as Vite builds Cruddur's frontend (native async/await kept).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

export default async function buildFixture(): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'telemetry-web-fixture-'));
  await build({
    root: join(import.meta.dirname, 'fixture'),
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: {
        // react-router's "use client" means nothing outside server components.
        onLog: (level, log, handler) => {
          if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
        },
      },
    },
  });
  // Read by the test workers, which inherit the environment.
  process.env.TELEMETRY_WEB_FIXTURE = outDir;
  return () => rm(outDir, { recursive: true, force: true });
}
