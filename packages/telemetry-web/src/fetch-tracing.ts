import {
  context,
  isSpanContextValid,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
  type SpanContext,
  type Tracer,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import { NETWORK_EVENTS, type ResourceTimings, type TimingEntry } from './resource-timing.js';

export interface FetchTracingOptions {
  readonly tracer: Tracer;
  /** Only requests to this exact origin carry `traceparent`: the API's, whose CORS allows it. */
  readonly propagateTo: string;
  /** Never traced: the exporter's own requests. */
  readonly ignoreUrl: string;
  /** Where the browser's timing of each request comes from; without it, spans carry none. */
  readonly timings: ResourceTimings | undefined;
}

const KNOWN_METHODS = new Set(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE']);

/**
 * W3C Trace Context, as the API reads it. Written here rather than
 * registering core's propagator: the browser only ever injects, into one
 * origin's requests, and the propagator (with the tracestate parser it
 * needs to extract) was 1.7 KB gzip of the bundle.
 */
const setTraceHeaders = (headers: Headers, span: SpanContext): void => {
  if (!isSpanContextValid(span)) return;
  headers.set('traceparent', `00-${span.traceId}-${span.spanId}-${span.traceFlags.toString(16).padStart(2, '0')}`);
  const state = span.traceState?.serialize();
  if (state) headers.set('tracestate', state);
};

/** The HTTP client span's attributes and name, as the semantic conventions give them. */
const describeRequest = (url: URL, rawMethod: string): { name: string; attributes: Attributes } => {
  const upper = rawMethod.toUpperCase();
  const method = KNOWN_METHODS.has(upper) ? upper : '_OTHER';
  const attributes: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: method,
    [ATTR_URL_FULL]: url.href,
    [ATTR_SERVER_ADDRESS]: url.hostname,
    [ATTR_SERVER_PORT]: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
  };
  if (method !== rawMethod) attributes[ATTR_HTTP_REQUEST_METHOD_ORIGINAL] = rawMethod;
  return { name: method === '_OTHER' ? 'HTTP' : method, attributes };
};

/** Each phase the browser timed, as an event at its time; phases it did not time (zero) are left out. */
const addNetworkEvents = (span: Span, entry: TimingEntry): void => {
  for (const phase of NETWORK_EVENTS) {
    if (entry[phase] > 0) span.addEvent(phase, entry[phase]);
  }
};

/**
 * Wraps `fetch` so that every request is a CLIENT span, a child of the
 * active context (the user action), and requests to the API carry its
 * `traceparent`. The span ends as soon as the browser reports the request's
 * timing, dated when the response was whole (or when the answer came, if no
 * timing is reported). Returns a function that unwraps.
 */
export const traceFetch = ({ tracer, propagateTo, ignoreUrl, timings }: FetchTracingOptions): (() => void) => {
  const original = globalThis.fetch;

  const traced = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const parent = context.active();
    let url: URL;
    try {
      url = new URL(input instanceof Request ? input.url : String(input), location.href);
    } catch {
      // What the browser cannot parse it refuses as it always does, untraced.
      return original(input, init);
    }
    if (isTracingSuppressed(parent) || url.href === ignoreUrl) return original(input, init);

    const { name, attributes } = describeRequest(url, init?.method ?? (input instanceof Request ? input.method : 'GET'));
    const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, parent);
    const spanContext = trace.setSpan(parent, span);
    let sent = init;
    if (url.origin === propagateTo) {
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      setTraceHeaders(headers, span.spanContext());
      sent = { ...init, headers };
    }
    const watch = timings?.watch(url.href);

    const answered = (response: Response): Response => {
      const answeredAt = performance.now();
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
      if (response.status >= 400) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.setAttribute(ATTR_ERROR_TYPE, String(response.status));
      }
      void (watch?.answered() ?? Promise.resolve(undefined)).then((timing) => {
        if (timing !== undefined) addNetworkEvents(span, timing);
        span.end(Math.max(answeredAt, timing?.responseEnd ?? 0));
      });
      return response;
    };

    const failed = (error: unknown): never => {
      watch?.cancel();
      span.setAttribute(ATTR_ERROR_TYPE, error instanceof Error ? error.name : 'Error');
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      span.end();
      throw error;
    };

    return context.with(spanContext, () => original(input, sent)).then(answered, failed);
  };

  globalThis.fetch = traced;
  return () => {
    if (globalThis.fetch === traced) globalThis.fetch = original;
  };
};
