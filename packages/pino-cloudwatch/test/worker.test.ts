import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { AWS_TEST_ENV, GROUP, useStandIn } from './support.js';

const FIXTURE = fileURLToPath(new URL('fixtures/log-through-worker.mjs', import.meta.url));

/**
 * The fixture runs in its own process: pino's `end()` blocks its main thread
 * until the worker has flushed, so the stand-in must not share that thread.
 * Given `startWhen`, the fixture logs only once that has resolved.
 */
const runFixture = async (env: Record<string, string>, startWhen?: () => Promise<void>) => {
  const child = spawn(process.execPath, [FIXTURE], { env: { PATH: process.env.PATH ?? '', ...AWS_TEST_ENV, ...env, ...(startWhen ? { START: 'on-input' } : {}) } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
  if (startWhen) {
    await startWhen().catch((error: unknown) => {
      child.kill();
      throw error;
    });
    child.stdin.end();
  }
  return exited;
};

/** The fixture's timings: how long the logging calls, then end(), took. */
const timings = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .reduce<{ loggingMs?: number; endMs?: number }>((all, line) => ({ ...all, ...(JSON.parse(line) as object) }), {});

describe("in pino's worker thread", () => {
  it('delivers every line once the transport is ended', async () => {
    const standIn = await useStandIn();
    const run = await runFixture({ AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: standIn.url, LINES: '5000', END: 'explicit' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('finished');
    const events = standIn.events(GROUP, 'worker');
    expect(events.map(({ message }) => (JSON.parse(message) as { i: number }).i)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it("delivers every line when the process just ends: pino's exit handler ends the transport", async () => {
    const standIn = await useStandIn();
    const run = await runFixture({ AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: standIn.url, LINES: '3000', END: 'exit' });
    expect(run.code).toBe(0);
    expect(standIn.events(GROUP, 'worker')).toHaveLength(3000);
  });

  it('never blocks the logger: with the service hanging, logging stays fast, the worker keeps draining, end() waits only closeTimeoutMs', async () => {
    const standIn = await useStandIn();
    standIn.hang();
    // Logging starts once the service holds the worker's first call: a loaded machine's worker
    // may take longer than the whole 500 ms close budget to send it. 15 s: under the test's 30 s.
    const heldCall = () =>
      vi.waitFor(() => {
        expect(standIn.calls.map(({ operation }) => operation), 'the worker never called the stand-in').toEqual(['CreateLogGroup']);
      }, 15_000);
    const run = await runFixture({ AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: standIn.url, LINES: '30000', END: 'explicit', CLOSE_TIMEOUT_MS: '500' }, heldCall);

    expect(run.code).toBe(0);
    // Nothing answered, and the worker never got past its first call.
    expect(standIn.calls.map(({ operation, status }) => ({ operation, status }))).toEqual([{ operation: 'CreateLogGroup', status: undefined }]);
    const { loggingMs, endMs } = timings(run.stdout);
    // A logger held up by the hanging call would wait out the SDK's 10 s request timeout.
    expect(loggingMs).toBeLessThan(5_000);
    expect(endMs).toBeGreaterThanOrEqual(400);
    // The worker reads what is still in pino's buffer, then gives up after 500 ms, well before
    // the SDK's 10 s request timeout or pino's own 10 s limit on end().
    expect(endMs).toBeLessThan(8_000);
    // Every line reached the worker: 20,000 held in its bounded buffer, 10,000 dropped, none delivered.
    expect(run.stderr).toContain('pino-cloudwatch: 30000 log events were not delivered to Cruddur/worker');
  });
});
