import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import build from 'pino-abstract-transport';
import { resolveOptions, type CloudWatchTransportOptions } from './options.js';
import { Shipper } from './shipper.js';

export type { CloudWatchTransportOptions } from './options.js';

/**
 * A worker's process.stderr is relayed through the main thread, which may
 * exit before relaying the last lines (the ones about what was lost at
 * close): in the worker, write to the file descriptor directly.
 */
const toStderr = (line: string): void => {
  if (isMainThread) process.stderr.write(`${line}\n`);
  else writeSync(2, `${line}\n`);
};

/**
 * The transport, as pino loads it in its worker thread:
 * `pino.transport({ target: '@cruddur/pino-cloudwatch', options })`.
 * Region, credentials and endpoint come from the AWS SDK's standard chains
 * unless `region` is given.
 */
export default function cloudWatchTransport(options: CloudWatchTransportOptions) {
  const resolved = resolveOptions(options, new Date());
  const client = new CloudWatchLogsClient({
    ...(resolved.region === undefined ? {} : { region: resolved.region }),
    // The shipper retries with its own backoff and keeps the lines meanwhile.
    maxAttempts: 1,
    // Without throwOnRequestTimeout the SDK only warns when requestTimeout
    // passes and the call waits on: a hanging endpoint would hold the one call
    // in flight (and every line behind it) until close.
    requestHandler: { connectionTimeout: resolved.connectionTimeoutMs, requestTimeout: resolved.requestTimeoutMs, throwOnRequestTimeout: true },
  });
  const shipper = new Shipper(resolved, client, toStderr);
  return build(
    (source) => {
      source.on('data', (line: string) => {
        shipper.add(line);
      });
    },
    {
      parse: 'lines',
      // The raw line is the message: no need to parse it.
      parseLine: (line) => line,
      close: () => shipper.close(),
    },
  );
}
