import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
/** As `pnpm start` runs it: tracing loaded before the app. */
const START_ARGS = ['--import', './dist/instrumentation.js', 'dist/server.js'];

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Polls until `check` returns something truthy; throws with `describe()` after `timeoutMs`. */
export const waitFor = async <T>(check: () => T, timeoutMs: number, describe: () => string): Promise<NonNullable<T>> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${String(timeoutMs)} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** A port free right now (the server refuses PORT=0, so the test picks one); nothing listens on it. */
export const freePort = async (): Promise<number> => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => {
    resolve();
  }));
  return port;
};

/**
 * Spawns the built server with only PATH and `env` in its environment, so no
 * OTEL_* variable of the test run leaks in. Killed when the test ends.
 */
const spawnServer = (env: Record<string, string>, port: number) => {
  const child = spawn(process.execPath, START_ARGS, {
    cwd: APP_DIR,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
};

/** The built server, once it logs that it listens. */
export const startServer = async (env: Record<string, string>) => {
  const port = await freePort();
  const server = spawnServer(env, port);
  let exit: Exit | undefined;
  void server.exited.then((result) => (exit = result));
  const url = await waitFor(
    () => {
      if (exit) throw new Error(`server exited (${JSON.stringify(exit)}): ${server.stderr()}`);
      return /Cruddur API listening on (http:\/\/[^\s"]+)/.exec(server.stdout())?.[1];
    },
    15_000,
    () => `server did not start:\n${server.stdout()}\n${server.stderr()}`,
  );
  return {
    url,
    stdout: server.stdout,
    stderr: server.stderr,
    /** Sends `signal` and resolves with how the process ended. */
    stop: (signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> => {
      server.child.kill(signal);
      return server.exited;
    },
  };
};

/** Runs the built server when it is expected to refuse to start. */
export const runUntilExit = async (env: Record<string, string>) => {
  const server = spawnServer(env, await freePort());
  const exit = await server.exited;
  return { ...exit, stdout: server.stdout(), stderr: server.stderr() };
};

/**
 * The built server writing stdout and stderr to files rather than pipes: a
 * test that reads its output while driving load then never slows the server
 * down (a full pipe blocks pino's synchronous writes to stdout). `stdout()`
 * and `stderr()` read what has been written so far.
 */
export const startServerLoggingToFiles = async (env: Record<string, string>) => {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'backend-flask-logs-'));
  const files = { stdout: join(dir, 'stdout.log'), stderr: join(dir, 'stderr.log') };
  const out = openSync(files.stdout, 'w');
  const err = openSync(files.stderr, 'w');
  const child = spawn(process.execPath, START_ARGS, {
    cwd: APP_DIR,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', out, err],
  });
  closeSync(out);
  closeSync(err);
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  let exit: Exit | undefined;
  void exited.then((result) => (exit = result));
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  const stdout = () => readFileSync(files.stdout, 'utf8');
  const stderr = () => readFileSync(files.stderr, 'utf8');
  const url = await waitFor(
    () => {
      if (exit) throw new Error(`server exited (${JSON.stringify(exit)}): ${stderr()}`);
      return /Cruddur API listening on (http:\/\/[^\s"]+)/.exec(stdout())?.[1];
    },
    15_000,
    () => `server did not start:\n${stdout()}\n${stderr()}`,
  );
  return {
    url,
    pid: child.pid,
    files,
    stdout,
    stderr,
    stop: (signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> => {
      child.kill(signal);
      return exited;
    },
  };
};
