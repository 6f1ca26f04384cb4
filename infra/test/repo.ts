import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoPath = (...parts: string[]): string => resolve(repoRoot, ...parts);
export const readRepoFile = (...parts: string[]): string => readFileSync(repoPath(...parts), 'utf8');
// `merge`: docker compose honours YAML `<<` merge keys, so the checks must too.
export const readYaml = (...parts: string[]): unknown => parse(readRepoFile(...parts), { merge: true });

/** The pnpm version every entry point installs: the one package.json pins. */
export const pinnedPnpm = (): string => {
  const pkg = JSON.parse(readRepoFile('package.json')) as { packageManager: string };
  const match = /^pnpm@(\d+\.\d+\.\d+)$/.exec(pkg.packageManager);
  if (!match?.[1]) throw new Error(`unexpected packageManager ${pkg.packageManager}`);
  return match[1];
};

/** Stage names of a Dockerfile (`FROM image AS name`). */
export const dockerStages = (dockerfile: string): string[] =>
  [...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)\s*$/gim)].map((m) => m[1] ?? '');

/** The instructions of one stage, from its FROM line to the next FROM. */
export const dockerStage = (dockerfile: string, name: string): string => {
  const start = dockerfile.search(new RegExp(`^FROM\\s+\\S+\\s+AS\\s+${name}\\s*$`, 'im'));
  if (start < 0) throw new Error(`no stage ${name}`);
  const rest = dockerfile.slice(start + 1);
  const next = rest.search(/^FROM\s/m);
  return next < 0 ? dockerfile.slice(start) : dockerfile.slice(start, start + 1 + next);
};
