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
 * `http.response.content_length`: the http instrumentation cannot read it,
 * as Fastify hands its headers straight to `writeHead`. Added to every
 * Fastify instance through Fastify's initialization channel, as @fastify/otel
 * adds itself, so the app needs no change.
 */
export const recordResponseSizes = (): void => {
  subscribe('fastify.initialization', (message) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onSend', async (_request, reply, payload) => {
      // The http instrumentation keeps its SERVER span in the request's context.
      const server = getRPCMetadata(context.active())?.span;
      const size = sizeOf(reply.getHeader('content-length'), payload);
      if (server && size !== undefined) server.setAttribute(ATTR_HTTP_RESPONSE_BODY_SIZE, size);
      return payload;
    });
  });
};
