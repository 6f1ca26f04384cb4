import type { CloudWatchTransportOptions } from '@cruddur/pino-cloudwatch';
import { processLogStreamName } from '@cruddur/pino-cloudwatch/stream-name';
import { SERVICE } from '@cruddur/telemetry-conventions';
import pino, { type DestinationStream } from 'pino';
import { telemetryIntervalMs } from '../telemetry/export-health.js';
import type { CloudWatchSettings } from './cloudwatch-settings.js';

/** Part of the shutdown budget: what is still queued for CloudWatch gets this long. */
const CLOUDWATCH_CLOSE_TIMEOUT_MS = 3_000;

export interface LogDestination {
  readonly stream: DestinationStream;
  /** The start-up line: where lines go, or why only to stdout. */
  readonly description: string;
  /** Delivers what is queued for CloudWatch (within its timeout) and stops the worker; a no-op without CloudWatch. */
  close(): Promise<void>;
}

/**
 * The worker must not start tracing: with the parent's `--import
 * ./dist/instrumentation.js` (inherited through execArgv, or NODE_OPTIONS)
 * it would run a second SDK whose instrumentations could trace the
 * transport's own AWS calls, a span per log batch.
 */
const untracedWorker = () => {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return { execArgv: [], env };
};

/**
 * stdout as before, written in this thread; with CloudWatch on, every line
 * also goes to @cruddur/pino-cloudwatch in pino's worker thread, so a slow
 * or unreachable CloudWatch never holds up a request.
 */
export const createLogDestination = (settings: CloudWatchSettings): LogDestination => {
  const stdout = pino.destination(1);
  if (!settings.enabled) {
    return { stream: stdout, description: `CloudWatch Logs off: ${settings.reason}; logging to stdout only`, close: () => Promise.resolve() };
  }

  const logStreamName = processLogStreamName(SERVICE.backend, new Date());
  const options: CloudWatchTransportOptions = {
    logGroupName: settings.logGroupName,
    logStreamName,
    region: settings.region,
    closeTimeoutMs: CLOUDWATCH_CLOSE_TIMEOUT_MS,
    // Failures: a line on stderr at once, then one per CRUDDUR_EXPORT_ERROR_INTERVAL_MS at most.
    problemIntervalMs: telemetryIntervalMs(),
  };
  const transport = pino.transport({ target: import.meta.resolve('@cruddur/pino-cloudwatch'), options, worker: untracedWorker() });
  // Once the worker fails or is ended, lines go to stdout only: writing to it
  // then would raise an error event per line.
  let open = true;
  transport.on('error', (error: Error) => {
    if (!open) return;
    open = false;
    console.error(`backend-flask: CloudWatch Logs transport failed (${error.message}); logging to stdout only`);
  });
  const toCloudWatch: DestinationStream = {
    write: (line) => {
      if (open) transport.write(line);
    },
  };

  const endpoint = settings.endpoint === undefined ? '' : `, endpoint ${settings.endpoint}`;
  return {
    stream: pino.multistream([
      { level: 'trace', stream: stdout },
      { level: 'trace', stream: toCloudWatch },
    ]),
    description: `CloudWatch Logs on: group ${settings.logGroupName}, stream ${logStreamName}, region ${settings.region}, credentials from ${settings.credentials}${endpoint}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (!open) {
          resolve();
          return;
        }
        open = false;
        // end() waits, blocking, until the worker has sent what it holds
        // (at most CLOUDWATCH_CLOSE_TIMEOUT_MS); 'close' instead if it failed.
        transport.once('finish', resolve);
        transport.once('close', resolve);
        transport.end();
      }),
  };
};
