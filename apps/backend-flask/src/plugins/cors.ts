import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** Request headers the browser app may send: JSON bodies, caching, W3C trace context. */
export const ALLOWED_HEADERS = ['content-type', 'if-modified-since', 'traceparent', 'tracestate', 'baggage'];

/**
 * Browsers may call the API only from the frontend's origin. `extraHeaders`
 * are allowed on top of ALLOWED_HEADERS (the fault-injection header, when
 * that switch is on).
 */
export const registerCors = async (app: FastifyInstance, frontendUrl: string, extraHeaders: readonly string[] = []): Promise<void> => {
  await app.register(cors, {
    // A list, not a bare string: @fastify/cors sends a string origin to every
    // caller, while a list is matched against the request's Origin and other
    // origins get no Access-Control-Allow-Origin at all.
    origin: [frontendUrl],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [...ALLOWED_HEADERS, ...extraHeaders],
    credentials: false,
    maxAge: 600,
  });
};
