import { hostname } from 'node:os';

// Stream names may not contain ':' or '*'.
const streamSafe = (text: string): string => text.replace(/[:*]/g, '-');

/**
 * `backend-flask/ip-10-0-0-12/4711/2025-03-01T12-00-00.000Z`: one stream per
 * process, unique, sorted by start time. Its own entry point, so an app can
 * name the stream in its start-up line without loading the AWS SDK.
 */
export const processLogStreamName = (prefix: string | undefined, startedAt: Date): string =>
  streamSafe([prefix, hostname(), String(process.pid), startedAt.toISOString()].filter(Boolean).join('/'));
