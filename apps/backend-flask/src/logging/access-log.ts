import type { FastifyInstance } from 'fastify';

/** Milliseconds to a tenth: enough to tell a slow request, short to read. */
const roundMs = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * One line per request, as the course's Flask `after_request` logger wrote:
 * client address, method, scheme, path, status and duration, plus pino's
 * time. The path leaves the query string out: it may carry search terms or
 * tokens. Fastify's own "incoming request" / "request completed" pair is
 * switched off (see `logController` in app.ts): this line says the same once.
 *
 * onResponse runs once the response is sent, when the SERVER span has
 * already ended. server-span.ts runs the onResponse hooks in the request's
 * context, so pino's instrumentation still finds that span and stamps the
 * line with the request's `trace_id` and `span_id` (checked by
 * test/cloudwatch-wire.test.ts against the exported spans). Untraced
 * requests (health check, preflights) get no ids.
 */
export const registerAccessLog = (app: FastifyInstance): void => {
  app.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?', 1)[0] ?? request.url;
    request.log.info(
      {
        remote_addr: request.ip,
        method: request.method,
        scheme: request.protocol,
        path,
        status: reply.statusCode,
        duration_ms: roundMs(reply.elapsedTime),
      },
      `${request.method} ${path} ${String(reply.statusCode)}`,
    );
    done();
  });
};
