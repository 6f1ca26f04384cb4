import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** Request headers the browser app may send: JSON bodies, caching, W3C trace context. */
export const ALLOWED_HEADERS = ['content-type', 'if-modified-since', 'traceparent', 'tracestate', 'baggage'];

/** Browsers may call the API only from the frontend's origin. */
export const registerCors = async (app: FastifyInstance, frontendUrl: string): Promise<void> => {
  await app.register(cors, {
    // A list, not a bare string: @fastify/cors sends a string origin to every
    // caller, while a list is matched against the request's Origin and other
    // origins get no Access-Control-Allow-Origin at all.
    origin: [frontendUrl],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    credentials: false,
    maxAge: 600,
  });
};
