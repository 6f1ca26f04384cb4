import type { Instrumentation } from '@opentelemetry/instrumentation';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/**
 * Only what the API uses (the auto-instrumentations bundle would add half a
 * second to start-up), besides the SERVER spans server-span.ts starts from
 * Fastify's hooks (cheaper than the http instrumentation, and named by route
 * from the start; our use-case spans are their direct children):
 * - undici: fetch calls, except those to the trace destination (the relay's).
 * - pino: trace and span ids on every log line written inside a request.
 * Outgoing http.* calls are not traced: the exporters' own, Rollbar's and
 * CloudWatch's would only trace the telemetry.
 */
export const createInstrumentations = (exportUrl: string): Instrumentation[] => [
  new UndiciInstrumentation({
    ignoreRequestHook: (request) => `${request.origin}${request.path}`.startsWith(exportUrl),
  }),
  new PinoInstrumentation({ disableLogSending: true }),
];
