import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { LogLevel } from '../config.js';
import { REDACTED, REDACTED_PATHS } from './redact.js';

/** Fastify's pino settings: the level, secrets redacted, and where lines go (stdout unless given). */
export const loggerOptions = (level: LogLevel, stream?: DestinationStream): NonNullable<FastifyServerOptions['logger']> => ({
  level,
  redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
  ...(stream === undefined ? {} : { stream }),
});
