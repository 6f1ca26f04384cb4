import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { httpFailure, networkFailure, type ExportFailure, type FailureHints } from '@cruddur/export-health';
import { printableUrl } from '@cruddur/telemetry-config';
import type { SpanContext } from '@opentelemetry/api';
import type { FastifyBaseLogger } from 'fastify';
import type Rollbar from 'rollbar';
import { destinationHealth } from '../telemetry/export-health.js';
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
  /** Says what is left to say about failures and stops watching the SDK's requests. */
  close(): void;
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
 * The SDK sets no timeout on its requests: against an endpoint that accepts
 * and never answers, each item would wait forever (and MAX_UNSENT of them
 * would stop reporting for good). Its requests get this long without a byte
 * from Rollbar, then fail as ETIMEDOUT.
 */
export const ROLLBAR_REQUEST_TIMEOUT_MS = 10_000;

const ROLLBAR_HINTS: FailureHints = { credentials: 'ROLLBAR_ACCESS_TOKEN', address: 'ROLLBAR_ENDPOINT', noun: 'items' };

/** The SDK's own rate limit (60 items a minute, per process): not a failure of Rollbar's. */
const isRateLimited = (error: Error): boolean => /items per minute reached|max items reached/.test(error.message);

/**
 * The SDK's own logger prints every failed send to stderr; "disable" is the
 * level that silences it (its typings list only item levels). Failures are
 * reported here instead, a line per interval at most.
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

  // Failures, one line per CRUDDUR_EXPORT_ERROR_INTERVAL_MS at most, through the app's logger.
  const { health } = destinationHealth(`Rollbar ${printableUrl(config.endpoint)}`, ROLLBAR_HINTS, {
    write: (line, kind) => {
      if (kind === 'resumed') log.info(line);
      else log.warn(line);
    },
  });

  // The SDK's requests, recognised by their token header: a timeout on each,
  // and the last HTTP status (its errors say "Api error: …" without one).
  let lastStatus: number | undefined;
  const isOurs = (request: ClientRequest | undefined): request is ClientRequest =>
    request?.getHeader('x-rollbar-access-token') === config.accessToken;
  const onRequestStart = (message: unknown): void => {
    const { request } = message as { request?: ClientRequest };
    if (!isOurs(request)) return;
    request.setTimeout(ROLLBAR_REQUEST_TIMEOUT_MS, () => {
      request.destroy(Object.assign(new Error(`no answer within ${String(ROLLBAR_REQUEST_TIMEOUT_MS)} ms`), { code: 'ETIMEDOUT' }));
    });
  };
  const onResponse = (message: unknown): void => {
    const { request, response } = message as { request?: ClientRequest; response?: IncomingMessage };
    if (isOurs(request)) lastStatus = response?.statusCode;
  };
  subscribe('http.client.request.start', onRequestStart);
  subscribe('http.client.response.finish', onResponse);

  const classify = (error: Error): ExportFailure => {
    if (/^Api error/.test(error.message) && lastStatus !== undefined && lastStatus >= 300) return httpFailure(lastStatus, ROLLBAR_HINTS);
    // The SDK's answer to a 429 that said to wait.
    if (error.message === 'Exceeded rate limit') return httpFailure(429, ROLLBAR_HINTS);
    return networkFailure(error, ROLLBAR_HINTS);
  };

  let unsent = 0;
  const settled = (startedAt: number) => (error: Rollbar.MaybeError): void => {
    unsent -= 1;
    if (!error) health.success(startedAt);
    else if (isRateLimited(error)) health.dropped(1, "the SDK's limit of 60 items a minute");
    else health.failure(classify(error), { dropped: 1, startedAt });
  };

  return {
    send: (level, what, { request, span, custom }) => {
      if (unsent >= MAX_UNSENT) {
        health.dropped(1, `${String(MAX_UNSENT)} items still unanswered`);
        return;
      }
      unsent += 1;
      const done = settled(Date.now());
      try {
        rollbar[level](what, request, { ...custom, ...traceFields(span, config.traceLink, new Date()) }, done);
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)));
      }
    },
    close: () => {
      unsubscribe('http.client.request.start', onRequestStart);
      unsubscribe('http.client.response.finish', onResponse);
      health.flush();
      health.close();
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
