import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startTraceViewer } from '../src/index.js';

const CLI = inject('cliPath');

/** The environment minus anything that would send traces elsewhere. */
const baseEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(OTEL_|HONEYCOMB_|TRACE_VIEWER_)/.test(name)),
  );

const children: ChildProcess[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const run = (env: NodeJS.ProcessEnv) => {
  const child = spawn(process.execPath, [CLI], { env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'close').then(([code]) => ({ code: code as number | null, stdout, stderr }));
  const printed = async (text: string) => {
    const deadline = Date.now() + 10_000;
    while (!stdout.includes(text)) {
      if (child.exitCode !== null) throw new Error(`CLI exited: ${stdout}${stderr}`);
      if (Date.now() > deadline) throw new Error(`CLI did not print ${text}: ${stdout}${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { child, exited, printed };
};

/** A port that is free right now. */
const freePort = async (): Promise<number> => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

const isFree = async (port: number): Promise<boolean> => {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  const [event] = await Promise.race([once(server, 'listening').then(() => ['listening']), once(server, 'error').then(() => ['error'])]);
  if (event === 'listening') await new Promise((resolve) => server.close(resolve));
  return event === 'listening';
};

describe('CLI', () => {
  it('starts the viewer, logs its URL, and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const { child, exited, printed } = run({ TRACE_VIEWER_PORT: String(port) });
    await printed(`Trace viewer: http://127.0.0.1:${String(port)}`);
    const health = await fetch(`http://127.0.0.1:${String(port)}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, traces: 0, spans: 0 });
    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
    expect(await isFree(port)).toBe(true);
  });

  it.each([
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'https://collector.example.com:4318', 'otlp: https://collector.example.com:4318/v1/traces (http/protobuf)'],
    [
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
      'https://user:secret@collector.example.com/v1/traces',
      'otlp: https://collector.example.com/v1/traces (http/protobuf)',
    ],
    ['HONEYCOMB_API_KEY', 'hc-key-123', 'honeycomb: https://api.honeycomb.io/v1/traces (http/protobuf; headers x-honeycomb-team=****-123)'],
    ['OTEL_SDK_DISABLED', 'true', 'tracing off (OTEL_SDK_DISABLED=true)'],
  ])('does not start when %s sends traces elsewhere, and says where', async (variable, value, where) => {
    const port = await freePort();
    const { exited, child } = run({ TRACE_VIEWER_PORT: String(port), [variable]: value });
    // Still running would mean it had started a server.
    const result = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000, 'still running'))]);
    expect(result).toEqual({
      code: 0,
      stdout: `Trace viewer not started: traces go to ${where}.\n`,
      stderr: '',
    });
    expect(child.exitCode).toBe(0);
    expect(await isFree(port)).toBe(true);
  });

  it('starts anyway when the configured endpoint is this viewer itself', async () => {
    const port = await freePort();
    const { printed } = run({
      TRACE_VIEWER_PORT: String(port),
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://localhost:${String(port)}`,
    });
    await printed(`Trace viewer: http://127.0.0.1:${String(port)}`);
  });

  it('leaves a viewer already running on the port alone and exits 0', async () => {
    const existing = await startTraceViewer({ port: 0 });
    try {
      const { exited } = run({ TRACE_VIEWER_PORT: String(existing.port) });
      const result = await exited;
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Trace viewer already running: http://127.0.0.1:${String(existing.port)}`);
    } finally {
      await existing.close();
    }
  });

  it('explains, and exits 0, when another program holds the port', async () => {
    const squatter = createServer((socket) => socket.destroy());
    servers.push(squatter);
    squatter.listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    const { port } = squatter.address() as { port: number };
    const result = await run({ TRACE_VIEWER_PORT: String(port) }).exited;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`127.0.0.1:${String(port)} is in use by another program`);
  });

  it('exits 1 on a malformed setting, naming it', async () => {
    const result = await run({ TRACE_VIEWER_PORT: 'eighty' }).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TRACE_VIEWER_PORT must be an integer from 0 to 65535, got "eighty"');
  });
});
