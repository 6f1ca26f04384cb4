import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { parseCpuTimeMs } from './api-server.js';
import { PATHS } from './paths.js';
import { isRunning, stopChild, track } from './processes.js';

export interface ViewerProcess {
  readonly url: string;
  /** The process's CPU time so far (all threads, user + system), from /proc. */
  cpuTimeMs(): Promise<number>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;

/** The local trace viewer's CLI in its own process, on a port the OS picks. */
export const startViewer = async (): Promise<ViewerProcess> => {
  const child = track(
    spawn(process.execPath, [PATHS.traceViewerCli], {
      env: { PATH: process.env.PATH ?? '', TRACE_VIEWER_HOST: '127.0.0.1', TRACE_VIEWER_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the trace viewer did not start within ${String(START_TIMEOUT_MS)} ms: ${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /^Trace viewer: (http:\/\/\S+)$/m.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the trace viewer exited: ${output}`));
    });
  });
  if (!isRunning(child)) throw new Error(`the trace viewer exited: ${output}`);
  return {
    url,
    cpuTimeMs: async () => parseCpuTimeMs(await readFile(`/proc/${String(child.pid)}/stat`, 'utf8')),
    stop: () => stopChild(child),
  };
};
