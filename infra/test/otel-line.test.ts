import { describe, expect, it } from 'vitest';
import { readYaml } from './repo.js';

/** Every version of each @opentelemetry package the lockfile installs. */
const installed = (): Map<string, string[]> => {
  const lock = readYaml('pnpm-lock.yaml') as { packages: Record<string, unknown> };
  const versions = new Map<string, string[]>();
  for (const key of Object.keys(lock.packages)) {
    const match = /^(@opentelemetry\/[^@]+)@(.+)$/.exec(key);
    if (!match?.[1] || !match[2]) continue;
    versions.set(match[1], [...(versions.get(match[1]) ?? []), match[2]]);
  }
  return versions;
};

/** The SDK line: 3.x (or, for the three sdk-trace-* that end at 2.x, absent). */
const SDK_LINE = ['core', 'resources', 'sdk-trace', 'context-async-hooks', 'sdk-trace-base', 'sdk-trace-node', 'sdk-trace-web'].map(
  (name) => `@opentelemetry/${name}`,
);
/** What every span goes through: a second copy would be a second global state, or a second copy in the bundle. */
const ONE_COPY = ['api', 'core', 'sdk-trace', 'instrumentation'].map((name) => `@opentelemetry/${name}`);
/** A version the line leaves behind: below 3.x for the SDK line, 2.x for any other package. */
const behind = (name: string, version: string): boolean =>
  SDK_LINE.includes(name) ? !version.startsWith('3.') : version.startsWith('2.');

describe('OpenTelemetry JS, as the lockfile installs it', () => {
  const versions = installed();

  it('is on the 3.x line: no 2.x package', () => {
    const left = [...versions].flatMap(([name, found]) => found.filter((version) => behind(name, version)).map((version) => `${name}@${version}`));
    expect(left).toEqual([]);
    expect(versions.get('@opentelemetry/sdk-trace')).toEqual([expect.stringMatching(/^3\./)]);
  });

  it.each(ONE_COPY)('has one version of %s', (name) => {
    expect(versions.get(name)).toHaveLength(1);
  });
});
