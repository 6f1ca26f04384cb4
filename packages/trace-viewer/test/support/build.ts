import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The CLI compiled by tsc from tsconfig.build.json, as `pnpm build` compiles it. */
    cliPath: string;
  }
}

/**
 * Vitest global setup: compiles src/ with the build configuration into a
 * directory of its own, so the CLI tests run compiled code without writing
 * to dist/ while a parallel `build` task may be writing it too. The directory
 * sits beside dist/ so that static/ and node_modules resolve as they do there.
 */
export default function build(project: TestProject): () => void {
  const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
  const outDir = mkdtempSync(join(packageRoot, '.test-build-'));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], {
    cwd: packageRoot,
    stdio: 'inherit',
  });
  project.provide('cliPath', join(outDir, 'cli.js'));
  return () => {
    rmSync(outDir, { recursive: true, force: true });
  };
}
