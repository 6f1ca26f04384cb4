import { FastifyOtelInstrumentation } from '@fastify/otel';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { isUntracedRequest } from './untraced.js';

const firstMethod = (method: string | readonly string[]): string | undefined =>
  typeof method === 'string' ? method : method[0];

/**
 * Only what the API uses (the auto-instrumentations bundle would add half a
 * second to start-up):
 * - http: the one SERVER span per request, continuing the caller's
 *   `traceparent`; it takes its `METHOD /route` name and `http.route` from
 *   @fastify/otel. Outgoing http.* calls are left alone: the only one is the
 *   exporter's own.
 * - @fastify/otel: an INTERNAL `request` span under it and one per route
 *   handler, so our spans nest the same under GET and POST (the handler
 *   span is renamed from the plugin chain to the route). Hook spans are
 *   off: four tiny spans per request that say nothing.
 * - undici: fetch calls, except those to the trace destination (the relay's).
 * - pino: trace and span ids on every log line written inside a request.
 */
export const createInstrumentations = (exportUrl: string): Instrumentation[] => [
  new HttpInstrumentation({
    ignoreIncomingRequestHook: (request) => isUntracedRequest(request.method, request.url),
    disableOutgoingRequestInstrumentation: true,
  }),
  new FastifyOtelInstrumentation({
    registerOnInitialization: true,
    instrumentHooks: false,
    // Called with each route's options at registration and each request's method and URL.
    ignorePaths: ({ method, url }) => isUntracedRequest(firstMethod(method), url),
    lifecycleHook: (span, { hookName, request }) => {
      if (hookName === 'handler') span.updateName(`handler - ${request.method} ${request.routeOptions.url ?? request.url}`);
    },
  }),
  new UndiciInstrumentation({
    ignoreRequestHook: (request) => `${request.origin}${request.path}`.startsWith(exportUrl),
  }),
  new PinoInstrumentation({ disableLogSending: true }),
];
