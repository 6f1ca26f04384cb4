import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_VARIABLES } from '../src/variables.js';

const root = join(import.meta.dirname, '..', '..', '..');

/** Our variables by prefix: anything else (PATH, HOME, NODE_OPTIONS) is not ours to check. */
const OURS = /^(?:OTEL|HONEYCOMB|AWS|ROLLBAR|CLOUDWATCH|CRUDDUR|TRACE_VIEWER|VITE|GITPOD)_[A-Z0-9_]+$/;

/** Read by the doctor only, to say that nothing else reads it (honeycomb-service-name-unused). */
const UNREAD = ['HONEYCOMB_SERVICE_NAME'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });

const workspaceSources = (): string[] =>
  ['apps', 'packages'].flatMap((group) =>
    readdirSync(join(root, group)).flatMap((name) => {
      const src = join(root, group, name, 'src');
      const viteConfig = join(root, group, name, 'vite.config.ts');
      return [
        ...(statSync(src, { throwIfNoEntry: false })?.isDirectory() ? sourceFiles(src) : []),
        ...(statSync(viteConfig, { throwIfNoEntry: false }) ? [viteConfig] : []),
      ];
    }),
  );

/** Names read as `env.NAME`, or written whole in quotes: `env['NAME']`, `getNumberFromEnv('NAME')`. */
const namesIn = (text: string): string[] =>
  [...text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)\b|(['"`])([A-Z][A-Z0-9_]+)\2/g)]
    .map((match) => match[1] ?? match[3] ?? '')
    .filter((name) => OURS.test(name));

describe('the list of variables the doctor knows', () => {
  it('holds every variable the apps and packages read, so a typo of any of them is caught', () => {
    const read = new Set(workspaceSources().flatMap((file) => namesIn(readFileSync(file, 'utf8'))));
    expect(read.size).toBeGreaterThan(30);
    expect([...read].filter((name) => !KNOWN_VARIABLES.includes(name) && !UNREAD.includes(name)).sort()).toEqual([]);
  });

  it('leaves out what the apps do not read, so no near miss points at it', () => {
    expect(KNOWN_VARIABLES.filter((name) => UNREAD.includes(name))).toEqual([]);
  });

  it('holds every variable .env.example and docker-compose.yml name', () => {
    const envExample = readFileSync(join(root, '.env.example'), 'utf8');
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    const named = new Set([
      ...[...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1] ?? ''),
      ...[...compose.matchAll(/\$\{([A-Z][A-Z0-9_]+)/g)].map((match) => match[1] ?? ''),
    ]);
    expect(named.size).toBeGreaterThan(15);
    expect([...named].filter((name) => !KNOWN_VARIABLES.includes(name)).sort()).toEqual([]);
  });

  it('lists each name once', () => {
    expect(new Set(KNOWN_VARIABLES).size).toBe(KNOWN_VARIABLES.length);
  });
});
