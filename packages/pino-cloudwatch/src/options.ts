import { DEFAULT_MAX_EVENT_BYTES, MAX_BATCH_BYTES } from './limits.js';
import { processLogStreamName } from './stream-name.js';

const MIN_EVENT_BYTES = 1024;

/** What the transport takes as `options` in `pino.transport({ target, options })`. */
export interface CloudWatchTransportOptions {
  readonly logGroupName: string;
  /** Default `<logStreamPrefix>/<hostname>/<pid>/<start time>`: one stream per process. */
  readonly logStreamName?: string;
  /** Leads the default stream name, e.g. the service name. */
  readonly logStreamPrefix?: string;
  /** Default: the AWS SDK's chain (`AWS_REGION`, then the shared config file). */
  readonly region?: string;
  /** How long lines wait to be sent with others; a full batch goes at once. Default 1000. */
  readonly flushIntervalMs?: number;
  /** Bounds of what waits to be sent; beyond them lines are dropped and counted. Defaults 20,000 and 16 MiB. */
  readonly maxBufferedEvents?: number;
  readonly maxBufferedBytes?: number;
  /** Longer lines are truncated, 26 bytes of overhead included. Default 262,144 (256 KB). */
  readonly maxEventBytes?: number;
  /** Backoff between retries of throttled or failed calls. Defaults 100 and 10,000. */
  readonly retryBaseDelayMs?: number;
  readonly retryMaxDelayMs?: number;
  /** Per AWS call: connecting, then waiting for the answer. Defaults 3,000 and 10,000. */
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** At most one line about failures (or dropped lines) per this many milliseconds on stderr. Default 30,000. */
  readonly problemIntervalMs?: number;
  /**
   * How long closing may spend sending what is left; pino's `end()` waits
   * for it, so keep it well under pino's own 10 s limit. Default 3,000.
   */
  readonly closeTimeoutMs?: number;
}

export type ResolvedOptions = Required<Omit<CloudWatchTransportOptions, 'region' | 'logStreamPrefix'>> &
  Pick<CloudWatchTransportOptions, 'region'>;

const positive = (name: string, value: number | undefined, fallback: number): number => {
  const resolved = value ?? fallback;
  if (!Number.isFinite(resolved) || resolved <= 0) {
    throw new Error(`pino-cloudwatch: ${name} must be a positive number, got ${String(value)}`);
  }
  return resolved;
};

export const resolveOptions = (options: CloudWatchTransportOptions, startedAt: Date): ResolvedOptions => {
  if (!options.logGroupName) throw new Error('pino-cloudwatch: logGroupName is required');
  const maxEventBytes = positive('maxEventBytes', options.maxEventBytes, DEFAULT_MAX_EVENT_BYTES);
  // Room for the truncation marker at the low end, one whole batch at the high end.
  if (maxEventBytes < MIN_EVENT_BYTES || maxEventBytes > MAX_BATCH_BYTES) {
    throw new Error(`pino-cloudwatch: maxEventBytes must be from ${String(MIN_EVENT_BYTES)} to ${String(MAX_BATCH_BYTES)}`);
  }
  return {
    logGroupName: options.logGroupName,
    logStreamName: options.logStreamName ?? processLogStreamName(options.logStreamPrefix, startedAt),
    ...(options.region ? { region: options.region } : {}),
    flushIntervalMs: positive('flushIntervalMs', options.flushIntervalMs, 1_000),
    maxBufferedEvents: positive('maxBufferedEvents', options.maxBufferedEvents, 20_000),
    maxBufferedBytes: positive('maxBufferedBytes', options.maxBufferedBytes, 16 * 1024 * 1024),
    maxEventBytes,
    retryBaseDelayMs: positive('retryBaseDelayMs', options.retryBaseDelayMs, 100),
    retryMaxDelayMs: positive('retryMaxDelayMs', options.retryMaxDelayMs, 10_000),
    connectionTimeoutMs: positive('connectionTimeoutMs', options.connectionTimeoutMs, 3_000),
    requestTimeoutMs: positive('requestTimeoutMs', options.requestTimeoutMs, 10_000),
    closeTimeoutMs: positive('closeTimeoutMs', options.closeTimeoutMs, 3_000),
    problemIntervalMs: positive('problemIntervalMs', options.problemIntervalMs, 30_000),
  };
};
