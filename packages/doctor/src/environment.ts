import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { Env, Files } from './finding.js';

export const fileReader = (root: string): Files => ({
  root,
  read: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
});

/**
 * What the apps see: the repository's `.env` (as docker compose reads it),
 * overridden by the process environment, as compose lets the shell win.
 */
export const loadEnvironment = (files: Files, processEnv: Env): Env => {
  const text = files.read(join(files.root, '.env'));
  return { ...(text === undefined ? {} : parseEnv(text)), ...processEnv };
};
