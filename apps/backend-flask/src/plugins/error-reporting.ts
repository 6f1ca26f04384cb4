import type { SpanContext } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeRollbar, type RollbarConfig } from '../rollbar/config.js';
import { startNotifier, type Notifier, type ReportedRequest } from '../rollbar/notifier.js';
import { requestSpanContext } from '../rollbar/request-span.js';
import { scrubBody, scrubHeaders, scrubUrl } from '../rollbar/scrub.js';

/** Part of the shutdown budget: items still queued at close get this long to reach Rollbar. */
export const ROLLBAR_FLUSH_TIMEOUT_MS = 3_000;

const reportedRequest = (request: FastifyRequest): ReportedRequest => ({
  method: request.method,
  url: scrubUrl(request.url),
  headers: scrubHeaders(request.headers),
  body: scrubBody(request.body),
  protocol: request.protocol,
  ip: request.ip,
  route: request.routeOptions.url === undefined ? undefined : { path: request.routeOptions.url },
});

/**
 * Reports every response of status 5xx to Rollbar, once, after it is sent:
 * with the error thrown when there was one (else "GET /route answered 503"),
 * the request scrubbed, and the request's trace and span ids (plus a
 * Honeycomb link when traces go there). 4xx answers are never reported.
 * On close, queued items get ROLLBAR_FLUSH_TIMEOUT_MS to go out.
 *
 * Logs one line at start-up saying whether Rollbar is on. Returns the
 * notifier, undefined when Rollbar is off.
 */
export const registerErrorReporting = async (app: FastifyInstance, config: RollbarConfig): Promise<Notifier | undefined> => {
  app.log.info(describeRollbar(config));
  if (!config.enabled) return undefined;
  const notifier = await startNotifier(config, app.log);

  const spans = new WeakMap<FastifyRequest, SpanContext>();
  const errors = new WeakMap<FastifyRequest, Error>();

  // The SERVER span is read while the request's context is active; by
  // onResponse (run from the socket's 'finish') it may not be.
  app.addHook('onRequest', (request, _reply, done) => {
    const span = requestSpanContext();
    if (span) spans.set(request, span);
    done();
  });
  // Runs before the error handler turns the error into a response; only the first counts.
  app.addHook('onError', (request, _reply, error, done) => {
    if (!errors.has(request)) errors.set(request, error);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode >= 500) {
      const route = request.routeOptions.url ?? request.url.split('?', 1)[0] ?? '';
      notifier.send('error', errors.get(request) ?? `${request.method} ${route} answered ${String(reply.statusCode)}`, {
        request: reportedRequest(request),
        span: spans.get(request),
        custom: { status_code: reply.statusCode },
      });
    }
    done();
  });
  app.addHook('onClose', async () => {
    if (!(await notifier.flush(ROLLBAR_FLUSH_TIMEOUT_MS))) {
      app.log.warn(`Rollbar: items still unsent after ${String(ROLLBAR_FLUSH_TIMEOUT_MS)} ms; closing without them`);
    }
    notifier.close();
  });
  return notifier;
};
