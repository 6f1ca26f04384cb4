import type { TraceIds } from '@cruddur/telemetry-web';
import { buildRollbarItem, type ErrorSource } from './rollbarItem';

/** Rollbar's item API, as rollbar.js posts to it. */
export const ROLLBAR_API_ENDPOINT = 'https://api.rollbar.com/api/1/item/';

/** A page that keeps failing (a render loop) sends this many items at most. */
export const MAX_ITEMS_PER_PAGE = 20;

export interface ReporterOptions {
  /** A `post_client_item` token: public by design, it can only post items. */
  accessToken: string;
  endpoint: string;
  environment: string;
  /** The trace the error belongs to (telemetry-web's `currentTraceIds`). */
  traceIds: () => TraceIds | undefined;
  /** Runs the post so that tracing leaves it out (telemetry-web's `untraced`). */
  untraced: <T>(send: () => T) => T;
}

export interface ErrorReporter {
  /** Posts the error to Rollbar in the background; never throws. False when it was not sent (a repeat, or over the cap). */
  report(thrown: unknown, source: ErrorSource, componentStack?: string): boolean;
}

/**
 * Reports each error once (React may hand the same error to the boundary
 * and the window), at most MAX_ITEMS_PER_PAGE per page. A failed post is
 * logged to the console once, then dropped.
 */
export const createRollbarReporter = ({ accessToken, endpoint, environment, traceIds, untraced }: ReporterOptions): ErrorReporter => {
  const seen = new WeakSet<object>();
  let sent = 0;
  let warned = false;

  return {
    report: (thrown, source, componentStack) => {
      if (sent >= MAX_ITEMS_PER_PAGE) return false;
      if (typeof thrown === 'object' && thrown !== null) {
        if (seen.has(thrown)) return false;
        seen.add(thrown);
      }
      sent += 1;
      try {
        const item = buildRollbarItem(thrown, {
          accessToken,
          environment,
          source,
          trace: traceIds(),
          location: window.location,
          userAgent: navigator.userAgent,
          now: new Date(),
          uuid: crypto.randomUUID(),
          componentStack,
        });
        // keepalive: the report still goes out when the error ends in a reload.
        const body = JSON.stringify(item);
        untraced(() => fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive: true }))
          .then((response) => {
            if (!response.ok) throw new Error(`Rollbar answered ${String(response.status)}`);
          })
          .catch((error: unknown) => {
            if (!warned) console.warn('Cruddur: an error report could not be sent to Rollbar.', error);
            warned = true;
          });
      } catch (error) {
        console.warn('Cruddur: an error report could not be built.', error);
        return false;
      }
      return true;
    },
  };
};
