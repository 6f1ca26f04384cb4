import { HEALTH_CHECK_PATH, TRACE_RELAY_PATH } from '@cruddur/api-contract';

/**
 * Requests that get no span at all:
 * - CORS preflights: the browser sends them without `traceparent`, so each
 *   would start a stray trace of its own beside the click's.
 * - the browser relay: it carries spans, it does no work worth a trace.
 * - the health check: polled every few seconds by Docker and load
 *   balancers, it would bury the traces people look for.
 */
const UNTRACED_PATHS: ReadonlySet<string> = new Set([TRACE_RELAY_PATH, HEALTH_CHECK_PATH]);

export const isUntracedRequest = (method: string | undefined, url: string | undefined): boolean => {
  if (method === 'OPTIONS') return true;
  const path = (url ?? '').split('?', 1)[0] ?? '';
  return UNTRACED_PATHS.has(path);
};
