import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { startReceiver } from './otlp-receiver.js';
import { startServer } from './server-process.js';

const RECORD_LOADS = new URL('./record-loads.ts', import.meta.url).href;
const NODE_MODULES = `${sep}node_modules${sep}`;

const versionsByDir = new Map<string, string>();

/** The package a module file belongs to, with the version its package.json states. */
const packageOf = (url: string): { name: string; version: string } | undefined => {
  const path = fileURLToPath(url);
  const at = path.lastIndexOf(NODE_MODULES);
  if (at < 0) return undefined;
  const [first = '', second = ''] = path.slice(at + NODE_MODULES.length).split(sep);
  const name = first.startsWith('@') ? `${first}/${second}` : first;
  const dir = join(path.slice(0, at + NODE_MODULES.length), ...name.split('/'));
  const version = versionsByDir.get(dir) ?? (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  versionsByDir.set(dir, version);
  return { name, version };
};

/**
 * What the server loads is what runs, whatever the lockfile holds: a load
 * hook (record-loads.ts) writes down every module the built server loads
 * while it starts, traces a request and flushes it on SIGTERM; each module
 * is then traced back to its package's version.
 */
it('runs OpenTelemetry JS 3.x only: no 2.x package loaded, one version of each', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'backend-flask-loads-'));
  onTestFinished(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const loads = join(dir, 'loads.txt');
  const receiver = await startReceiver();
  const server = await startServer({
    NODE_OPTIONS: `--import=${RECORD_LOADS}`,
    RECORD_LOADS_TO: loads,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`,
  });
  expect((await fetch(`${server.url}/api/activities/home`)).status).toBe(200);
  expect(await server.stop()).toEqual({ code: 0, signal: null });
  // The shutdown flush exported the request's spans: the export path is loaded too.
  expect(receiver.received.length).toBeGreaterThan(0);

  const versions = new Map<string, Set<string>>();
  for (const url of readFileSync(loads, 'utf8').split('\n')) {
    const pkg = url.startsWith('file:') ? packageOf(url) : undefined;
    if (pkg?.name.startsWith('@opentelemetry/') !== true) continue;
    versions.set(pkg.name, (versions.get(pkg.name) ?? new Set<string>()).add(pkg.version));
  }
  const loaded = Object.fromEntries([...versions].map(([name, found]) => [name, [...found].sort()]));
  expect(loaded['@opentelemetry/sdk-trace']).toEqual([expect.stringMatching(/^3\./)]);
  expect(loaded['@opentelemetry/core']).toEqual([expect.stringMatching(/^3\./)]);
  expect(loaded['@opentelemetry/api']).toEqual([expect.stringMatching(/^1\.10\./)]);
  expect(Object.entries(loaded).filter(([, found]) => found.length > 1 || found.some((version) => version.startsWith('2.')))).toEqual([]);
}, 30_000);
