import { context } from '@opentelemetry/api';
import { getRPCMetadata } from '@opentelemetry/core';
import type { FastifyInstance } from 'fastify';
import { subscribe } from 'node:diagnostics_channel';
import { ATTR_HTTP_RESPONSE_BODY_SIZE } from './xray/http.js';

const sizeOf = (declared: unknown, payload: unknown): number | undefined => {
  const length = Number(declared);
  if (declared !== undefined && Number.isInteger(length)) return length;
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) return Buffer.byteLength(payload);
  return undefined;
};

/**
 * Records each reply's size on its request's SERVER span, for X-Ray's
 * `http.response.content_length`. Added to every
 * Fastify instance through Fastify's initialization channel, as server-span.ts
 * adds its hooks, so the app needs no change.
 */
export const recordResponseSizes = (): void => {
  subscribe('fastify.initialization', (message) => {
    const { fastify } = message as { fastify: FastifyInstance };
    // A callback hook, not an async one: no promise per request.
    fastify.addHook('onSend', (_request, reply, payload, done) => {
      // server-span.ts keeps the SERVER span in the request context's RPC metadata.
      const server = getRPCMetadata(context.active())?.span;
      const size = sizeOf(reply.getHeader('content-length'), payload);
      if (server && size !== undefined) server.setAttribute(ATTR_HTTP_RESPONSE_BODY_SIZE, size);
      done(null, payload);
    });
  });
};
