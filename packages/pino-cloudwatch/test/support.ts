import { startCloudWatchStandIn, type CloudWatchStandIn, type StandInOptions } from '../src/stand-in/server.js';
import { onTestFinished, vi } from 'vitest';
import cloudWatchTransport, { type CloudWatchTransportOptions } from '../src/index.js';

export const GROUP = 'Cruddur';
export const STREAM = 'backend-flask/test-host/1/2025-03-01T12-00-00.000Z';

/** Dummy credentials: the SDK signs with them, the stand-in checks the signature's shape. */
export const AWS_TEST_ENV = {
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
} as const;

/** A stand-in the AWS SDK of this process talks to (through AWS_ENDPOINT_URL_CLOUDWATCH_LOGS); closed after the test. */
export const useStandIn = async (options?: StandInOptions): Promise<CloudWatchStandIn> => {
  const standIn = await startCloudWatchStandIn(options);
  onTestFinished(() => standIn.close());
  for (const [name, value] of Object.entries(AWS_TEST_ENV)) vi.stubEnv(name, value);
  vi.stubEnv('AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', standIn.url);
  return standIn;
};

/** A pino line of exactly `bytes` UTF-8 bytes (at least 40) stamped `time`. */
export const lineOf = (time: number, bytes: number, label = ''): string => {
  const bare = JSON.stringify({ level: 30, time, msg: label });
  return `${bare.slice(0, -2)}${'x'.repeat(Math.max(0, bytes - Buffer.byteLength(bare)))}"}`;
};

export const pinoLine = (time: number, msg: string): string => JSON.stringify({ level: 30, time, msg });

/**
 * The transport as pino's worker runs it, in this thread: lines go in with
 * `write`, `close` ends the stream and resolves once the transport has closed.
 * It writes to STREAM unless given a `logStreamPrefix` for the default name.
 */
export const openTransport = (options: Partial<CloudWatchTransportOptions> = {}) => {
  const stream = cloudWatchTransport({
    logGroupName: GROUP,
    ...(options.logStreamPrefix === undefined ? { logStreamName: STREAM } : {}),
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 50,
    // Room for a loaded machine: only the tests of the close budget set it short.
    closeTimeoutMs: 20_000,
    ...options,
  });
  return {
    write: (...lines: string[]) => {
      for (const line of lines) stream.write(`${line}\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        stream.once('close', resolve);
        stream.end();
      }),
  };
};

/** What the transport writes to stderr during the test (and keeps off the test output). */
export const captureStderr = () => {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
};

export const messages = (standIn: CloudWatchStandIn, stream = STREAM): string[] => standIn.events(GROUP, stream).map(({ message }) => message);
