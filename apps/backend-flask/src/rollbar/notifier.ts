import type { SpanContext } from '@opentelemetry/api';
import type { FastifyBaseLogger } from 'fastify';
import type Rollbar from 'rollbar';
import type { RollbarConfig } from './config.js';
import { traceFields } from './request-span.js';

export type ReportLevel = 'error' | 'warning';

/** The request as the SDK reads it (see scrub.ts for what it holds). */
export interface ReportedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: unknown;
  readonly protocol: string;
  readonly ip: string;
  /** The route's pattern: Rollbar's `context`, which groups items. */
  readonly route: { readonly path: string } | undefined;
}

export interface ReportDetails {
  readonly request?: ReportedRequest;
  /** The request's span: its trace and span ids go into the item's custom data, with a Honeycomb link. */
  readonly span?: SpanContext | undefined;
  readonly custom?: Readonly<Record<string, unknown>>;
}

export interface Notifier {
  /** Queues an item for Rollbar; never throws, never waits for the network. */
  send(level: ReportLevel, what: Error | string, details: ReportDetails): void;
  /** Resolves true once every queued item is sent (or refused), false after `timeoutMs`. */
  flush(timeoutMs: number): Promise<boolean>;
}

/**
 * Added to the SDK's own scrub list, which already has authorization,
 * cookie, password, secret, token, api_key, access_token and more; the
 * request is scrubbed before it reaches the SDK as well.
 */
const EXTRA_SCRUB_FIELDS = ['x-honeycomb-team', 'set-cookie', 'proxy-authorization', 'x-api-key', 'api-key', 'apikey'];

/** Items waiting for Rollbar's answer; past this (a dead or hanging endpoint), new ones are dropped. */
const MAX_UNSENT = 100;

/**
 * The SDK's own logger prints every failed send to stderr; "disable" is the
 * level that silences it (its typings list only item levels). Failures are
 * logged here instead, once per outage.
 */
const SDK_LOG_LEVEL = 'disable' as Rollbar.Level;

/** Loads and starts the SDK: only ever called with a token (without one, its first send crashes the process). */
export const startNotifier = async (
  config: Extract<RollbarConfig, { enabled: true }>,
  log: FastifyBaseLogger,
): Promise<Notifier> => {
  const { default: RollbarSdk } = await import('rollbar');
  const rollbar = new RollbarSdk({
    accessToken: config.accessToken,
    environment: config.environment,
    endpoint: config.endpoint,
    // Items come from the API's hooks only: no process-wide handlers, no patching.
    captureUncaught: false,
    captureUnhandledRejections: false,
    autoInstrument: false,
    captureIp: 'anonymize',
    scrubFields: EXTRA_SCRUB_FIELDS,
    logLevel: SDK_LOG_LEVEL,
  });

  let unsent = 0;
  let failed = 0;
  let dropped = 0;
  const settled = (error: Rollbar.MaybeError): void => {
    unsent -= 1;
    if (error) {
      if (failed === 0) log.warn({ err: error }, 'Rollbar: an item could not be sent; further failures are not logged until one gets through');
      failed += 1;
    } else if (failed > 0) {
      log.info(`Rollbar: items get through again (${String(failed)} lost meanwhile)`);
      failed = 0;
    }
  };

  return {
    send: (level, what, { request, span, custom }) => {
      if (unsent >= MAX_UNSENT) {
        if (dropped === 0) log.warn(`Rollbar: ${String(MAX_UNSENT)} items still unanswered; dropping new ones until they are`);
        dropped += 1;
        return;
      }
      dropped = 0;
      unsent += 1;
      try {
        rollbar[level](what, request, { ...custom, ...traceFields(span, config.traceLink, new Date()) }, settled);
      } catch (error) {
        settled(error instanceof Error ? error : new Error(String(error)));
      }
    },
    flush: async (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => {
          resolve(false);
        }, timeoutMs);
      });
      const sent = new Promise<true>((resolve) => {
        rollbar.wait(() => {
          resolve(true);
        });
      });
      try {
        return await Promise.race([sent, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
};
