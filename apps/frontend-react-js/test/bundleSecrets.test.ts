// @vitest-environment node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_DIR, listFiles, viteBuild } from './viteBuild';

/**
 * The browser gets only the VITE_-prefixed variables the code names and the
 * README documents; server secrets in the build's environment never reach
 * the bundle, whatever the shell (or CI) exports.
 */

const REPO_DIR = join(APP_DIR, '..', '..');

/** Every `import.meta.env.VITE_*` the browser code may read, each documented in README.md and .env.example. */
const ALLOWED_VITE_VARIABLES = ['VITE_BACKEND_URL', 'VITE_ROLLBAR_CLIENT_TOKEN', 'VITE_ROLLBAR_ENDPOINT', 'VITE_ROLLBAR_ENVIRONMENT'];
/** Read by vite.config.ts only, to decide what to build: never inlined. */
const BUILD_SWITCHES = ['VITE_OTEL_DISABLED'];

/** Where the bundle's own code comes from: the app and the workspace packages it imports. */
const SOURCE_DIRS = [
  join(APP_DIR, 'src'),
  ...['telemetry-web', 'telemetry-conventions', 'api-contract', 'config'].map((name) => join(REPO_DIR, 'packages', name, 'src')),
];

/** Server-side secrets as a developer's shell or CI would hold them, each value unique. */
const SERVER_SECRETS: Record<string, string> = {
  HONEYCOMB_API_KEY: 'hcaik_bundle_test_honeycomb_key_5e1c9a',
  HONEYCOMB_TEAM: 'bundle-test-honeycomb-team-77a0',
  ROLLBAR_ACCESS_TOKEN: 'bundle-test-rollbar-server-token-3d9f',
  AWS_ACCESS_KEY_ID: 'AKIABUNDLETEST0EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'bundle/test+aws+secret+access+key+6b2e',
  AWS_SESSION_TOKEN: 'bundle-test-aws-session-token-0c4d',
  OTEL_EXPORTER_OTLP_HEADERS: 'x-honeycomb-team=bundle-test-otlp-header-key-8f13',
  CLOUDWATCH_LOG_GROUP: 'bundle-test-cloudwatch-group-2a7b',
  CLOUDWATCH_SECRET_SETTING: 'bundle-test-cloudwatch-setting-91ee',
  // VITE_-prefixed but documented nowhere: Vite would inline it if the code read import.meta.env whole.
  VITE_UNDOCUMENTED_SECRET: 'bundle-test-undocumented-vite-secret-4c60',
  VITE_SECRET_API_KEY: 'bundle-test-vite-api-key-d2b8',
};
/** Public by design: these must reach the bundle, which shows the scan can find an inlined value. */
const PUBLIC_SETTINGS: Record<string, string> = {
  VITE_ROLLBAR_CLIENT_TOKEN: 'bundle-test-public-client-token-e5f3',
  VITE_BACKEND_URL: 'https://api.bundle-test.example',
};

const sourceTexts = async (): Promise<string[]> => {
  const files = (await Promise.all(SOURCE_DIRS.map(listFiles))).flat().filter((file) => /\.(ts|tsx|js|mjs)$/.test(file));
  return Promise.all(files.map((file) => readFile(file, 'utf8')));
};

const outDirs: string[] = [];
afterAll(async () => {
  await Promise.all(outDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('what reaches the browser', () => {
  it('reads only the allowed, documented VITE_ variables, each by name', async () => {
    const texts = await sourceTexts();
    const used = new Set(texts.flatMap((text) => [...text.matchAll(/import\.meta\.env\.(VITE_[A-Z0-9_]+)/g)].map((match) => match[1])));
    expect([...used].sort()).toEqual([...ALLOWED_VITE_VARIABLES].sort());
    // `import.meta.env` whole (spread, passed around, indexed) would inline every VITE_ variable set at build time.
    for (const text of texts) expect(text).not.toMatch(/import\.meta\.env(?!\.[A-Z][A-Z0-9_]*\b)/);

    const readme = await readFile(join(REPO_DIR, 'README.md'), 'utf8');
    const envExample = await readFile(join(REPO_DIR, '.env.example'), 'utf8');
    for (const name of ALLOWED_VITE_VARIABLES) {
      expect(readme, `README.md documents ${name}`).toContain(name);
      expect(envExample, `.env.example lists ${name}`).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    }
    const viteConfig = await readFile(join(APP_DIR, 'vite.config.ts'), 'utf8');
    const switches = new Set([...viteConfig.matchAll(/(?<![.\w])env\.(VITE_[A-Z0-9_]+)/g)].map((match) => match[1]));
    expect([...switches].sort()).toEqual(BUILD_SWITCHES);
    for (const name of BUILD_SWITCHES) expect(readme, `README.md documents ${name}`).toContain(name);
    // Nothing documented for the browser that the code does not read.
    const documented = new Set([...`${readme}\n${envExample}`.matchAll(/\bVITE_[A-Z0-9_]+/g)].map(([name]) => name));
    expect([...documented].sort()).toEqual([...ALLOWED_VITE_VARIABLES, ...BUILD_SWITCHES].sort());
  });

  it('holds no server secret, even when the build environment has them all', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'cruddur-bundle-secrets-'));
    outDirs.push(outDir);
    const build = await viteBuild(outDir, { ...SERVER_SECRETS, ...PUBLIC_SETTINGS });
    expect(build.code, build.output).toBe(0);

    const files = await listFiles(outDir);
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    expect(files.some((file) => file.endsWith('index.html'))).toBe(true);
    const contents = await Promise.all(files.map(async (file) => ({ file, text: (await readFile(file)).toString('latin1') })));
    const all = contents.map(({ text }) => text).join('\n');

    for (const value of Object.values(PUBLIC_SETTINGS)) expect(all, `the public ${value} is inlined`).toContain(value);
    for (const [name, value] of Object.entries(SERVER_SECRETS)) {
      for (const { file, text } of contents) {
        expect(text.includes(value), `${name} found in ${file}`).toBe(false);
        expect(text.includes(name), `${name} named in ${file}`).toBe(false);
      }
    }
    // The key inside OTEL_EXPORTER_OTLP_HEADERS, on its own, is not there either.
    expect(all).not.toContain('bundle-test-otlp-header-key-8f13');
  }, 90_000);
});
