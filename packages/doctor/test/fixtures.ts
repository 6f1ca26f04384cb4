import { readFileSync } from 'node:fs';
import type { Env, Files, Finding, Level } from '../src/finding.js';
import { diagnose } from '../src/registry.js';

export const ROOT = '/repo';
const GOOD_RULE = readFileSync(new URL('../../../aws/json/xray.json', import.meta.url), 'utf8');

/** A repository holding only the given files; aws/json/xray.json defaults to the real one. */
export const repoWith = (contents: Record<string, string> = {}): Files => {
  const all: Record<string, string> = { [`${ROOT}/aws/json/xray.json`]: GOOD_RULE, ...contents };
  return { root: ROOT, read: (path) => all[path] };
};

export const findings = (env: Env, files: Files = repoWith()): Finding[] => diagnose(env, files).findings;

export const messages = (env: Env, level: Level, files?: Files): string[] =>
  findings(env, files).filter((finding) => finding.level === level).map((finding) => finding.message);
