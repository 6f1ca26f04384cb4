import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route creates something: it shares the write rate limit's budget. */
    readonly write?: boolean;
  }
}

/** `config` of the routes that create something: one budget for all of them, per client address. */
export const WRITE_ROUTE = { write: true } as const;

export const WRITE_WINDOW_MS = 60_000;

/**
 * At most `perMinute` POSTs to the write routes per client address (the
 * connection's: no proxy header is trusted, so behind a proxy every client
 * shares one budget) in a fixed one-minute window; the next answers
 * `429 {"error": "rate_limited", "message"}` with `Retry-After`. Reads are
 * never limited. `0` turns the limit off (the benchmark posts thousands a
 * second from one address). Counted before the body is read, so refused
 * writes cost no parsing; requests refused later (400, 422) still count.
 */
export const registerWriteRateLimit = async (app: FastifyInstance, perMinute: number): Promise<void> => {
  if (perMinute === 0) return;
  // global: false, so no route is limited by the plugin itself; this hook
  // applies our one limiter to the write routes. The relay registers its
  // own, encapsulated.
  await app.register(rateLimit, { global: false });
  const limiter = app.createRateLimit({ max: perMinute, timeWindow: WRITE_WINDOW_MS });

  // A callback hook: reads, most requests, pass without a promise.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.config.write !== true) {
      done();
      return;
    }
    limiter(request).then((limit) => {
      if (limit.isAllowed) {
        done();
        return;
      }
      reply.header('x-ratelimit-limit', limit.max);
      reply.header('x-ratelimit-remaining', limit.remaining);
      reply.header('x-ratelimit-reset', limit.ttlInSeconds);
      if (!limit.isExceeded) {
        done();
        return;
      }
      reply.header('retry-after', limit.ttlInSeconds);
      // Answering from a callback hook: send, and do not call done.
      void reply.code(429).send({
        error: 'rate_limited',
        message: `Too many writes: at most ${String(perMinute)} a minute; try again in ${String(limit.ttlInSeconds)} s`,
      });
    }, done);
  });
};
