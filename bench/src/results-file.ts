import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PATHS } from './paths.js';
import type { BenchResults } from './results.js';

/** results/latest.md and results/latest.json; returns their paths. */
export const writeResults = async (results: BenchResults, markdown: string): Promise<string[]> => {
  await mkdir(PATHS.resultsDir, { recursive: true });
  const files = [join(PATHS.resultsDir, 'latest.md'), join(PATHS.resultsDir, 'latest.json')];
  await writeFile(files[0] as string, markdown);
  await writeFile(files[1] as string, `${JSON.stringify(results, null, 2)}\n`);
  return files;
};
