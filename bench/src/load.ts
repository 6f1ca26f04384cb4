import { fork } from 'node:child_process';
import { ownScript } from './paths.js';
import { track } from './processes.js';
import type { LoadResult } from './results.js';

/** How long to load: seconds, or a fixed count of requests (so every variant does the same work). */
export type LoadLength = { readonly seconds: number } | { readonly requests: number };

export interface LoadRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly body?: string;
  readonly connections: number;
  readonly warmup: LoadLength;
  readonly measured: LoadLength;
}

/** The worker's messages: the measured part begins; then its result and what went wrong, if anything. */
export type LoadMessage =
  | { readonly type: 'measuring' }
  | {
      readonly type: 'done';
      readonly rps: number;
      readonly p50Ms: number;
      readonly p99Ms: number;
      readonly requests: number;
      readonly warmupRequests: number;
      readonly failures: { readonly errors: number; readonly timeouts: number; readonly non2xx: number };
    };

/**
 * Runs autocannon against `request.url` in a child process of its own, so
 * the load generator never shares a thread with anything it measures.
 * `serverCpuMs` is read as the measured part starts and ends, for the
 * server's CPU time per request. Throws when any request failed or
 * answered other than 2xx.
 */
export const runLoad = async (request: LoadRequest, serverCpuMs: () => Promise<number>): Promise<LoadResult> => {
  const child = track(fork(ownScript('load-worker.js'), [JSON.stringify(request)], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let cpuAtStart: Promise<number> | undefined;
  const done = await new Promise<Extract<LoadMessage, { type: 'done' }>>((resolve, reject) => {
    child.on('message', (message: LoadMessage) => {
      if (message.type === 'measuring') cpuAtStart = serverCpuMs();
      else resolve(message);
    });
    child.once('exit', (code) => {
      reject(new Error(`load generator exited ${String(code)} without a result: ${stderr}`));
    });
  });
  const cpuMs = (await serverCpuMs()) - (await (cpuAtStart ?? Promise.reject(new Error('the load generator never started measuring'))));
  const { errors, timeouts, non2xx } = done.failures;
  if (errors + timeouts + non2xx > 0) {
    throw new Error(`${request.method} ${request.url}: ${String(errors)} errors, ${String(timeouts)} timeouts, ${String(non2xx)} non-2xx answers`);
  }
  return {
    rps: done.rps,
    p50Ms: done.p50Ms,
    p99Ms: done.p99Ms,
    requests: done.requests,
    warmupRequests: done.warmupRequests,
    cpuUsPerRequest: done.requests > 0 ? (cpuMs * 1000) / done.requests : 0,
  };
};
