import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRepoFile, readYaml, repoPath } from './repo.js';

interface PackageJson {
  readonly scripts?: Record<string, string>;
}

/** Every workspace's package.json, from pnpm-workspace.yaml's globs (`dir/*` or `dir`). */
const workspaces = (): PackageJson[] => {
  const { packages } = readYaml('pnpm-workspace.yaml') as { packages: string[] };
  const dirs = packages.flatMap((glob) =>
    glob.endsWith('/*') ? readdirSync(repoPath(glob.slice(0, -2))).map((name) => `${glob.slice(0, -2)}/${name}`) : [glob],
  );
  return dirs.filter((dir) => existsSync(repoPath(dir, 'package.json'))).map((dir) => JSON.parse(readRepoFile(dir, 'package.json')) as PackageJson);
};

const rootScript = (name: string): string => {
  const script = (JSON.parse(readRepoFile('package.json')) as PackageJson).scripts?.[name];
  if (script === undefined) throw new Error(`no root ${name} script`);
  return script;
};

describe('the root tasks', () => {
  // turbo refuses to start when persistent tasks outnumber its concurrency (10 by default):
  // a new package with a `dev` watcher must not break `pnpm dev`.
  it.each(['dev', 'start'])('lets turbo run every persistent %s task at once', (task) => {
    const persistent = workspaces().filter((pkg) => pkg.scripts?.[task] !== undefined).length;
    expect(persistent).toBeGreaterThan(1);
    const concurrency = Number(/--concurrency=(\d+)\b/.exec(rootScript(task))?.[1] ?? 10);
    expect(concurrency, `turbo needs more than ${String(persistent)} for \`pnpm ${task}\``).toBeGreaterThan(persistent);
  });
});
