import { HEALTH_CHECK_PATH } from '@cruddur/api-contract';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { PATHS } from './paths.js';
import { isRunning, stopChild, track } from './processes.js';

/** How to start the built API: node's arguments (flags, then the script) and its environment. */
export interface ApiLaunch {
  readonly nodeArgs: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

export interface RunningApi {
  readonly url: string;
  /** From spawn to the first 200 from /api/health-check. */
  readonly startupMs: number;
  /** The process's peak resident set so far (VmHWM). */
  readonly peakRssKb: () => Promise<number>;
  /** CPU time the process has used so far, user + system, all threads. */
  readonly cpuTimeMs: () => Promise<number>;
  readonly stop: () => Promise<void>;
}

const POLL_INTERVAL_MS = 2;
const START_TIMEOUT_MS = 30_000;

/** VmHWM from the text of /proc/<pid>/status, in kB. */
export const parseVmHwmKb = (status: string): number => {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error('no VmHWM line in /proc/<pid>/status');
  return Number(match[1]);
};

/** Linux reports /proc times in USER_HZ ticks, 100 a second on every architecture node runs on here. */
const MS_PER_TICK = 10;

/** utime + stime from the text of /proc/<pid>/stat, in milliseconds. */
export const parseCpuTimeMs = (stat: string): number => {
  // Fields after the command name, which is in parentheses and may hold spaces: state is the 3rd field, utime the 14th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) throw new Error('unexpected /proc/<pid>/stat format');
  return (utime + stime) * MS_PER_TICK;
};

/** One GET with a fresh connection; true on 200, false on any error or other status. */
const answersHealthy = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const request = get(`${url}${HEALTH_CHECK_PATH}`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => {
      resolve(false);
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the built server on 127.0.0.1:`port` with only PATH and the
 * launch's variables in its environment (nothing of the caller's OTEL_*
 * leaks in), and polls the health check until it answers. Logs go to
 * /dev/null, as cheaply as the server can write them.
 */
export const startApi = async (launch: ApiLaunch, port: number): Promise<RunningApi> => {
  const url = `http://127.0.0.1:${String(port)}`;
  const started = performance.now();
  const child = track(
    spawn(process.execPath, launch.nodeArgs, {
      cwd: PATHS.backendDir,
      // CRUDDUR_WRITE_RATE_LIMIT=0: the POST load is thousands of writes a second from one address.
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), CRUDDUR_WRITE_RATE_LIMIT: '0', ...launch.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  for (;;) {
    if (await answersHealthy(url)) break;
    if (!isRunning(child)) throw new Error(`the API exited while starting (${String(child.exitCode)}): ${stderr}`);
    if (performance.now() - started > START_TIMEOUT_MS) {
      await stopChild(child);
      throw new Error(`the API did not answer within ${String(START_TIMEOUT_MS)} ms: ${stderr}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
  const startupMs = performance.now() - started;

  return {
    url,
    startupMs,
    peakRssKb: async () => parseVmHwmKb(await readFile(`/proc/${String(child.pid)}/status`, 'utf8')),
    cpuTimeMs: async () => parseCpuTimeMs(await readFile(`/proc/${String(child.pid)}/stat`, 'utf8')),
    stop: () => stopChild(child),
  };
};
