// @vitest-environment node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, viteBuild } from './viteBuild';

const outDirs: string[] = [];
afterAll(async () => {
  await Promise.all(outDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The build's log and its scripts, as one text. */
const build = async (env: Record<string, string>, args: string[] = []): Promise<{ output: string; scripts: string }> => {
  const outDir = await mkdtemp(join(tmpdir(), 'cruddur-fault-switch-'));
  outDirs.push(outDir);
  const { code, output } = await viteBuild(outDir, env, args);
  expect(code, output).toBe(0);
  const files = (await listFiles(outDir)).filter((file) => file.endsWith('.js'));
  return { output, scripts: (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n') };
};

// The error class, a fault's message and a button's label: src/faults/ alone has them.
const FAULT_MARKERS = ['InjectedFault', 'fault injected into a click handler', 'Throw in a click handler'];

describe('CRUDDUR_FAULT_INJECTION, the web app’s fault switch', () => {
  it('is refused by a production build, whose bundle has none of the faults; another mode has them', async () => {
    const [production, e2e] = await Promise.all([
      build({ CRUDDUR_FAULT_INJECTION: '1' }),
      build({ CRUDDUR_FAULT_INJECTION: '1' }, ['--mode', 'e2e']),
    ]);
    expect(production.output).toContain('CRUDDUR_FAULT_INJECTION is ignored: mode is production');
    expect(e2e.output).toContain('fault injection on');
    for (const marker of FAULT_MARKERS) {
      expect(production.scripts, marker).not.toContain(marker);
      expect(e2e.scripts, marker).toContain(marker);
    }
    // The app itself is there in both.
    for (const { scripts } of [production, e2e]) expect(scripts).toContain('/api/activities/home');
  }, 90_000);

  it('fails a build given anything but 1, true, 0 or false, naming the variable', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'cruddur-fault-switch-'));
    outDirs.push(outDir);
    const { code, output } = await viteBuild(outDir, { CRUDDUR_FAULT_INJECTION: 'yes' });
    expect(code).not.toBe(0);
    expect(output).toContain('CRUDDUR_FAULT_INJECTION must be 1, true, 0 or false, got "yes"');
  }, 90_000);
});
