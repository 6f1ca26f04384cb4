import { TRACE_RELAY_PATH, type RequestError } from '@cruddur/api-contract';
import { OtlpTraceAnswer, OtlpTraceExport, requestErrorBody } from '@cruddur/api-contract/schemas';
import type { TraceExport } from '@cruddur/telemetry-config';
import { SERVICE } from '@cruddur/telemetry-conventions';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forwardTraces } from '../relay/forward.js';
import { signedForward } from '../relay/forward-signed.js';
import { pinnedJsonRequest, type JsonTraceRequest } from '../relay/otlp-json.js';
import { otlpJsonToProtobuf, type ProtobufExport } from '../relay/otlp-json-to-protobuf.js';
import { countSpansProtobuf, pinServiceNameProtobuf } from '../relay/otlp-protobuf.js';
import { OtlpPayloadError } from '../relay/payload-error.js';
import { flushTelemetry, xrayCopyOfRelayed } from '../telemetry/lifecycle.js';
import { ANY_ROUTE_ERRORS } from './error-responses.js';

export interface TraceRelayOptions {
  /** Where spans go, with the server-side headers (the key never reaches the browser). */
  readonly destination: TraceExport;
  /** How long the destination gets before the browser is answered 504. */
  readonly timeoutMs: number;
  /** Requests per minute from one client address before 429. */
  readonly maxPerMinute: number;
}

/** Tracing off until the server passes the resolved destination: spans are accepted and dropped. */
export const DEFAULT_RELAY_OPTIONS: TraceRelayOptions = {
  destination: { enabled: false, reason: 'no trace destination configured' },
  timeoutMs: 5_000,
  maxPerMinute: 300,
};

/** A browser batch is a few KiB; this leaves room for a page's worth of spans and no more. */
export const RELAY_BODY_LIMIT_BYTES = 512 * 1024;

const JSON_TYPE = 'application/json';
const PROTOBUF_TYPE = 'application/x-protobuf';

const mediaType = (header: string | undefined): string => (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

const problem = (reply: FastifyReply, status: number, error: RequestError, message: string): FastifyReply =>
  reply.code(status).send({ error, message });

/** An empty ExportTraceServiceResponse: zero bytes in protobuf, {} in JSON. */
const emptyAnswer = (contentType: string): string | Buffer => (contentType === JSON_TYPE ? '{}' : Buffer.alloc(0));

/** The browser's export, its service name pinned: as it goes to the destination, and as OTLP/protobuf when X-Ray needs that. */
interface Pinned {
  readonly body: Buffer;
  readonly protobuf: () => ProtobufExport;
}

const pin = (contentType: string, body: Buffer): Pinned => {
  if (contentType === PROTOBUF_TYPE) {
    const pinned = pinServiceNameProtobuf(body, SERVICE.frontend);
    return { body: pinned, protobuf: () => ({ body: pinned, spans: countSpansProtobuf(pinned) }) };
  }
  const request: JsonTraceRequest = pinnedJsonRequest(body, SERVICE.frontend);
  return { body: Buffer.from(JSON.stringify(request)), protobuf: () => otlpJsonToProtobuf(request) };
};

const relaySchema = {
  summary: "Relays the web app's spans to the API's trace destination",
  consumes: [PROTOBUF_TYPE, JSON_TYPE],
  response: {
    200: OtlpTraceAnswer,
    400: requestErrorBody(['invalid_request'], 'The body is not an OTLP trace export'),
    403: requestErrorBody(['forbidden_origin'], 'The request does not come from the web app origin'),
    413: requestErrorBody(['payload_too_large'], `The body exceeds ${String(RELAY_BODY_LIMIT_BYTES)} bytes`),
    415: requestErrorBody(['unsupported_media_type'], 'The body is compressed, or neither OTLP protobuf nor OTLP JSON'),
    429: requestErrorBody(['rate_limited'], 'Too many exports from this address this minute'),
    502: requestErrorBody(['bad_gateway'], 'The trace destination refused the spans or could not be reached'),
    504: requestErrorBody(['gateway_timeout'], 'The trace destination did not answer in time'),
    ...ANY_ROUTE_ERRORS,
  },
};

/**
 * The relay's own refusals; anything else goes to the app's error handler.
 * @fastify/rate-limit throws an Error carrying statusCode 429.
 */
const relayErrorHandler = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return problem(reply, 415, 'unsupported_media_type', `Traces must be sent as ${JSON_TYPE} or ${PROTOBUF_TYPE}`);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return problem(reply, 413, 'payload_too_large', `Trace payloads are limited to ${String(RELAY_BODY_LIMIT_BYTES)} bytes`);
  }
  if (error.statusCode === 429) return problem(reply, 429, 'rate_limited', 'Too many trace exports: slow down');
  throw error;
};

/**
 * POST /v1/traces: the browser's OTLP export, relayed to the API's own trace
 * destination with its server-side headers. Only the frontend origin may
 * use it; every resource's `service.name` is pinned to the frontend's so a
 * page cannot pass its spans off as another service's, and the API's own
 * queued spans are sent along. The relay is never traced itself (see
 * telemetry/untraced.ts) and answers within `timeoutMs` whatever the
 * destination does. With X-Ray over OTLP on, X-Ray gets the same spans as
 * OTLP/protobuf without the browser waiting for it; X-Ray's own endpoint as
 * the destination is sent them signed. With tracing off it answers success
 * and drops the spans, so the browser neither retries nor logs errors.
 */
export const registerTraceRelay = async (
  app: FastifyInstance,
  frontendUrl: string,
  { destination, timeoutMs, maxPerMinute }: TraceRelayOptions,
): Promise<void> => {
  const signed = signedForward(destination);
  await app.register(async (relay) => {
    relay.removeAllContentTypeParsers();
    relay.addContentTypeParser([JSON_TYPE, PROTOBUF_TYPE], { parseAs: 'buffer' }, (_request, body, done) => {
      done(null, body);
    });
    relay.setErrorHandler(relayErrorHandler);

    // Before the body is read: a foreign page or a compressed body is refused at once.
    relay.addHook('onRequest', async (request, reply) => {
      if (request.headers.origin !== frontendUrl) {
        return problem(reply, 403, 'forbidden_origin', `Traces are accepted from ${frontendUrl} only`);
      }
      const encoding = request.headers['content-encoding']?.trim().toLowerCase();
      if (encoding && encoding !== 'identity') {
        return problem(reply, 415, 'unsupported_media_type', 'Trace payloads must not be compressed');
      }
    });
    await relay.register(rateLimit, { max: maxPerMinute, timeWindow: 60_000 });

    const routeOptions = {
      bodyLimit: RELAY_BODY_LIMIT_BYTES,
      schema: relaySchema,
      // The body is relayed as bytes, not validated: the document alone describes it.
      config: { swaggerTransform: ({ schema, url }: { schema: object; url: string }) => ({ schema: { ...schema, body: OtlpTraceExport }, url }) },
    };
    relay.post(TRACE_RELAY_PATH, routeOptions, async (request, reply) => {
      const contentType = mediaType(request.headers['content-type']);
      if (!Buffer.isBuffer(request.body)) {
        return problem(reply, 415, 'unsupported_media_type', `Traces must be sent as ${JSON_TYPE} or ${PROTOBUF_TYPE}`);
      }
      const xray = destination.enabled ? xrayCopyOfRelayed() : undefined;
      let pinned: Buffer;
      let protobuf: ProtobufExport | undefined;
      try {
        const read = pin(contentType, request.body);
        pinned = read.body;
        // X-Ray takes OTLP/protobuf: a JSON export is converted, and refused here if it cannot be.
        if (xray !== undefined || signed !== undefined) protobuf = read.protobuf();
      } catch (error) {
        if (error instanceof OtlpPayloadError) return problem(reply, 400, 'invalid_request', `Not an OTLP trace export: ${error.message}`);
        throw error;
      }

      if (!destination.enabled) return reply.code(200).type(contentType).send(emptyAnswer(contentType));
      // A browser sends an action's spans once it has ended; this API's spans
      // of the same trace wait in its batch. Sent together, the destination
      // has the click's trace whole at once rather than a batch delay later.
      flushTelemetry();
      if (xray !== undefined && protobuf !== undefined) xray.send(protobuf.body, protobuf.spans);
      const outcome =
        signed !== undefined && protobuf !== undefined
          ? await signed(protobuf.body, timeoutMs)
          : await forwardTraces({ url: destination.url, headers: destination.headers, contentType, body: pinned, timeoutMs });
      switch (outcome.kind) {
        case 'answered':
          if (outcome.status >= 200 && outcome.status < 300) {
            return outcome.body.length === 0
              ? reply.code(outcome.status).type(contentType).send(emptyAnswer(contentType))
              : reply.code(outcome.status).type(outcome.contentType ?? contentType).send(outcome.body);
          }
          request.log.warn({ status: outcome.status }, 'trace relay: the destination refused the spans');
          return problem(reply, 502, 'bad_gateway', `The trace destination answered ${String(outcome.status)}`);
        case 'timeout':
          request.log.warn({ timeoutMs }, 'trace relay: the destination did not answer in time');
          return problem(reply, 504, 'gateway_timeout', `The trace destination did not answer within ${String(timeoutMs)} ms`);
        case 'unreachable':
          request.log.warn({ reason: outcome.reason }, 'trace relay: the destination is unreachable');
          return problem(reply, 502, 'bad_gateway', 'The trace destination is unreachable');
      }
    });
  });
};
