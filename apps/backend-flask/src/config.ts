import { resolveUrls, type Env } from '@cruddur/config';
import { loadFaultInjection, type FaultInjection } from './faults/config.js';
import { loadRollbarConfig, type RollbarConfig } from './rollbar/config.js';

/** Requests with bigger bodies get 413: the longest valid body is a 1024-character message. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/** Writes (POSTs) a client may make per minute when CRUDDUR_WRITE_RATE_LIMIT is unset. */
export const DEFAULT_WRITES_PER_MINUTE = 60;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly port: number;
  readonly host: string;
  /** The only origin browsers may call the API from. */
  readonly frontendUrl: string;
  /** The API's public origin, for logs and links. */
  readonly backendUrl: string;
  readonly bodyLimit: number;
  readonly logLevel: LogLevel;
  /** Error reporting: on with ROLLBAR_ACCESS_TOKEN. */
  readonly rollbar: RollbarConfig;
  /** CRUDDUR_FAULT_INJECTION: lets tests ask for a 500; never on in production. */
  readonly faultInjection: FaultInjection;
  /** CRUDDUR_WRITE_RATE_LIMIT: POSTs per minute per client address on the write routes; 0 is off. */
  readonly writeRateLimit: number;
}

const nonBlank = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const parsePort = (value: string | undefined): number => {
  const text = nonBlank(value);
  if (text === undefined) return 4567;
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be an integer from 1 to 65535, got ${JSON.stringify(value)}`);
  }
  return port;
};

const parseLogLevel = (value: string | undefined): LogLevel => {
  const text = nonBlank(value);
  if (text === undefined) return 'info';
  const level = LOG_LEVELS.find((known) => known === text);
  if (level === undefined) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return level;
};

const parseWriteRateLimit = (value: string | undefined): number => {
  const text = nonBlank(value);
  if (text === undefined) return DEFAULT_WRITES_PER_MINUTE;
  const limit = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(limit)) {
    throw new Error(
      `CRUDDUR_WRITE_RATE_LIMIT must be a whole number of writes per minute per client (0 turns the limit off), got ${JSON.stringify(value)}`,
    );
  }
  return limit;
};

/** Reads and validates the environment; throws an error naming the bad variable. */
export const loadConfig = (env: Env): Config =>
  Object.freeze({
    port: parsePort(env.PORT),
    host: nonBlank(env.HOST) ?? '0.0.0.0',
    ...resolveUrls(env),
    bodyLimit: BODY_LIMIT_BYTES,
    logLevel: parseLogLevel(env.LOG_LEVEL),
    rollbar: loadRollbarConfig(env),
    faultInjection: loadFaultInjection(env),
    writeRateLimit: parseWriteRateLimit(env.CRUDDUR_WRITE_RATE_LIMIT),
  });
