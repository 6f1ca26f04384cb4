import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFile, repoPath } from './repo.js';

/** Every README of the repository: the root's and each workspace's. */
const readmes = [
  'README.md',
  ...['apps', 'packages'].flatMap((folder) =>
    readdirSync(repoPath(folder)).map((name) => `${folder}/${name}/README.md`),
  ),
  'bench/README.md',
  'e2e/README.md',
  'infra/README.md',
].filter((path) => existsSync(repoPath(path)));

/** Targets of Markdown links and images that point into the repository (no scheme, not only an anchor). */
const localTargets = (markdown: string): string[] =>
  [...markdown.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0] ?? '');

describe('the READMEs', () => {
  it('are found', () => {
    expect(readmes).toContain('README.md');
    expect(readmes).toContain('packages/trace-viewer/README.md');
  });

  it.each(readmes)('%s links and shows only files that exist', (readme) => {
    const missing = localTargets(readRepoFile(readme)).filter(
      (target) => !existsSync(repoPath(dirname(readme), decodeURIComponent(target))),
    );
    expect(missing).toStrictEqual([]);
  });
});
