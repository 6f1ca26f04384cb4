import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const VITE_BIN = join(APP_DIR, 'node_modules', 'vite', 'bin', 'vite.js');

export const listFiles = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
};

/**
 * `vite build` of the app into `outDir`, in a process whose environment is PATH, HOME and `env` only;
 * `args` after the build's own (`--mode e2e`, say).
 * --bypass-lock: the tests run several builds at once, each into its own outDir, which
 * Vite 8.4's one-build-per-project lock would otherwise refuse.
 */
export const viteBuild = (outDir: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve, reject) => {
    const command = [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir', '--bypass-lock', '--logLevel', 'warn', ...args];
    const child = spawn(process.execPath, command, {
      cwd: APP_DIR,
      // Only PATH and HOME from the test run, then the variables under test.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      resolve({ code, output });
    });
  });
