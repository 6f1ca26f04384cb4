// @vitest-environment node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { telemetryEnabled } from '../src/telemetrySwitch';
import { listFiles, viteBuild } from './viteBuild';

const outDirs: string[] = [];
afterAll(async () => {
  await Promise.all(outDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The built app's scripts, as one text. */
const builtScripts = async (env: Record<string, string>): Promise<string> => {
  const outDir = await mkdtemp(join(tmpdir(), 'cruddur-tracing-switch-'));
  outDirs.push(outDir);
  const build = await viteBuild(outDir, env);
  expect(build.code, build.output).toBe(0);
  const scripts = (await listFiles(outDir)).filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  return (await Promise.all(scripts.map((file) => readFile(file, 'utf8')))).join('\n');
};

// Zone.js marks what it patches with `__zone_symbol__`; the W3C header name
// and the relay's path are telemetry-web's; neither appears elsewhere in the app.
const TRACING_MARKERS = ['__zone_symbol__', 'traceparent', '/v1/traces'];

describe('VITE_OTEL_DISABLED, the build-time off switch', () => {
  it('ships the tracing code by default, and none of it with VITE_OTEL_DISABLED=true', async () => {
    const [traced, untraced] = await Promise.all([builtScripts({}), builtScripts({ VITE_OTEL_DISABLED: ' True ' })]);
    for (const marker of TRACING_MARKERS) {
      expect(traced, marker).toContain(marker);
      expect(untraced, marker).not.toContain(marker);
    }
    // The app itself is there in both.
    for (const scripts of [traced, untraced]) expect(scripts).toContain('/api/activities/home');
  }, 90_000);

  it.each([
    [undefined, true],
    ['', true],
    ['false', true],
    ['1', true],
    ['true', false],
    [' TRUE ', false],
  ])('VITE_OTEL_DISABLED=%j → tracing %s', (value, enabled) => {
    expect(telemetryEnabled(value)).toBe(enabled);
  });
});
