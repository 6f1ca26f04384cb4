import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { RPCType, setRPCMetadata, suppressTracing } from '@opentelemetry/core';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PEER_ADDRESS,
  ATTR_NETWORK_PEER_PORT,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingHttpHeaders } from 'node:http';
import { SERVICE } from '@cruddur/telemetry-conventions';
import { redactedQueryAttributes } from './query-redaction.js';
import { isUntracedRequest } from './untraced.js';

/** The scope of the SERVER spans: the API's own, as the use cases' spans. */
const SCOPE = `${SERVICE.backend}/http`;

const KNOWN_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)?.split(',', 1)[0]?.trim();

/** A `Forwarded` (RFC 7239) field of its first element: `for`, `host` or `proto`. */
const forwarded = (headers: IncomingHttpHeaders, key: string): string | undefined => {
  const element = first(headers.forwarded);
  if (element === undefined) return undefined;
  for (const pair of element.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim().toLowerCase() === key) return pair.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
};

/** `host`, `host:port`, `[v6]` or `[v6]:port`. */
const splitHost = (value: string): { host: string; port?: number } => {
  const close = value.startsWith('[') ? value.indexOf(']') : -1;
  const colon = close >= 0 ? value.indexOf(':', close) : value.indexOf(':');
  if (colon < 0 || (close < 0 && value.indexOf(':', colon + 1) >= 0)) return { host: value };
  const port = Number(value.slice(colon + 1));
  return Number.isInteger(port) && port > 0 ? { host: value.slice(0, colon), port } : { host: value.slice(0, colon) };
};

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };

/** The scheme the client used: a TLS proxy's `Forwarded: proto=` or `X-Forwarded-Proto`, else plain http. */
const urlScheme = (headers: IncomingHttpHeaders): string => {
  const proto = (forwarded(headers, 'proto') ?? first(headers['x-forwarded-proto']))?.toLowerCase();
  return proto === 'https' || proto === 'http' ? proto : 'http';
};

/** Where the request was addressed: a proxy's `Forwarded` or `X-Forwarded-Host`, else `Host`; a missing port is the scheme's. */
const serverAddress = (headers: IncomingHttpHeaders, scheme: string): Attributes => {
  const value = forwarded(headers, 'host') ?? first(headers['x-forwarded-host']) ?? headers.host;
  if (!value) return {};
  const { host, port = DEFAULT_PORTS[scheme] } = splitHost(value);
  return port === undefined ? { [ATTR_SERVER_ADDRESS]: host } : { [ATTR_SERVER_ADDRESS]: host, [ATTR_SERVER_PORT]: port };
};

/** The client: a proxy's `Forwarded: for=` or first `X-Forwarded-For` address, else the peer. */
const clientAddress = (headers: IncomingHttpHeaders, peer: string | undefined): string | undefined => {
  const proxied = forwarded(headers, 'for') ?? first(headers['x-forwarded-for']);
  if (proxied === undefined || proxied === '') return peer;
  const { host } = splitHost(proxied);
  return host.startsWith('[') ? host.slice(1, -1) : host;
};

/** The SERVER span's attributes at the start, as the http semantic conventions name them. */
export const requestAttributes = (request: FastifyRequest): Attributes => {
  const { raw } = request;
  const url = raw.url ?? '/';
  const query = url.indexOf('?');
  const method = raw.method ?? 'GET';
  const known = KNOWN_METHODS.has(method);
  const route = request.routeOptions.url;
  const peer = raw.socket.remoteAddress;
  const scheme = urlScheme(raw.headers);
  return {
    [ATTR_HTTP_REQUEST_METHOD]: known ? method : '_OTHER',
    ...(known ? {} : { [ATTR_HTTP_REQUEST_METHOD_ORIGINAL]: method }),
    [ATTR_URL_SCHEME]: scheme,
    [ATTR_URL_PATH]: query < 0 ? url : url.slice(0, query),
    // `url.query` with the values of secret-looking parameters redacted, only when there is one.
    ...redactedQueryAttributes(url),
    ...serverAddress(raw.headers, scheme),
    [ATTR_NETWORK_PEER_ADDRESS]: peer,
    [ATTR_NETWORK_PEER_PORT]: raw.socket.remotePort,
    [ATTR_NETWORK_PROTOCOL_VERSION]: raw.httpVersion,
    [ATTR_USER_AGENT_ORIGINAL]: raw.headers['user-agent'],
    [ATTR_CLIENT_ADDRESS]: clientAddress(raw.headers, peer),
    ...(route === undefined ? {} : { [ATTR_HTTP_ROUTE]: route }),
  };
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's trace context (its SERVER span, or tracing suppressed); set by server-span.ts. */
    otelContext: Context | undefined;
    otelServerSpan: Span | undefined;
  }
}

const endSpan = (request: FastifyRequest, status: number | undefined, error?: string): void => {
  const span = request.otelServerSpan;
  if (span === undefined) return;
  request.otelServerSpan = undefined;
  if (status !== undefined) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
  // As the http conventions say: 5xx is an error on a SERVER span, 4xx is not.
  if (error !== undefined || (status !== undefined && status >= 500)) span.setStatus({ code: SpanStatusCode.ERROR, ...(error ? { message: error } : {}) });
  span.end();
};

/**
 * One SERVER span per request, from Fastify's own hooks rather than the
 * http instrumentation, which cost ~37 µs more per request here (it binds
 * every request's and response's event emitters to the context and parses
 * the URL and headers again; see bench/README.md). The route is known when
 * onRequest runs, so the span starts named `METHOD /route/template` with
 * `http.route` (an unmatched path keeps the bare method); it continues the
 * caller's `traceparent`, keeps the SERVER span in the RPC metadata as the
 * http instrumentation did (response-size.ts and Rollbar read it there), and
 * ends when the response is sent, with `http.response.status_code` and ERROR
 * on a 5xx, or as an ERROR when the connection closes first.
 *
 * Untraced requests (untraced.ts) run with tracing suppressed, so nothing
 * they do makes a span either.
 *
 * The context has to be carried by hand where Node's async context does not
 * follow: after a body is read (its `data` events come from the socket) and
 * once the response is sent. Each hook here calls `done` inside the request's
 * context, and Fastify runs the hooks after it, and the handler, from that
 * call: registered first, through Fastify's initialization channel, they
 * come before the app's own.
 */
export const traceServerRequests = (): void => {
  const tracer = trace.getTracer(SCOPE);
  subscribe('fastify.initialization', (message) => {
    const { fastify } = message as { fastify: FastifyInstance };
    // Declared up front, so every request object has the same shape.
    fastify.decorateRequest('otelContext', undefined);
    fastify.decorateRequest('otelServerSpan', undefined);

    fastify.addHook('onRequest', (request, reply, done) => {
      if (isUntracedRequest(request.raw.method, request.raw.url)) {
        request.otelContext = suppressTracing(context.active());
      } else {
        const attributes = requestAttributes(request);
        const route = request.routeOptions.url;
        const method = String(attributes[ATTR_HTTP_REQUEST_METHOD]);
        const parent = propagation.extract(ROOT_CONTEXT, request.raw.headers);
        const span = tracer.startSpan(route === undefined ? method : `${method} ${route}`, { kind: SpanKind.SERVER, attributes }, parent);
        request.otelServerSpan = span;
        request.otelContext = setRPCMetadata(trace.setSpan(parent, span), { type: RPCType.HTTP, span, ...(route === undefined ? {} : { route }) });
        // onResponse runs once the response is sent; a connection that closes first ends the span here.
        reply.raw.once('close', () => {
          if (!reply.raw.writableFinished) endSpan(request, undefined, 'the connection closed before the response was sent');
        });
      }
      context.with(request.otelContext, done);
    });

    // After the body was read: validation, preHandler hooks and the handler run in the request's context.
    fastify.addHook('preValidation', (request, _reply, done) => {
      if (request.otelContext === undefined) done();
      else context.with(request.otelContext, done);
    });

    // The span ends first; the app's onResponse hooks (the access log) still run in its context.
    fastify.addHook('onResponse', (request, reply, done) => {
      endSpan(request, reply.statusCode);
      if (request.otelContext === undefined) done();
      else context.with(request.otelContext, done);
    });
  });
};
