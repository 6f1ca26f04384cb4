import { context, isSpanContextValid, trace, type SpanContext } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import type { HoneycombTraceLink } from './config.js';
import { honeycombTraceUrl } from './trace-link.js';

/**
 * The span standing for the current request: the SERVER span
 * (telemetry/server-span.ts leaves it in the context's RPC metadata, under
 * the spans the use cases add), else the active span.
 * Undefined for untraced requests and with tracing off.
 */
export const requestSpanContext = (): SpanContext | undefined => {
  const active = context.active();
  const rpc = getRPCMetadata(active);
  const span = rpc?.type === RPCType.HTTP ? rpc.span : trace.getSpan(active);
  const spanContext = span?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext : undefined;
};

/** The custom fields that join a Rollbar item to its trace. */
export interface TraceFields {
  trace_id?: string;
  span_id?: string;
  honeycomb_trace_url?: string;
}

export const traceFields = (span: SpanContext | undefined, link: HoneycombTraceLink | undefined, at: Date): TraceFields => {
  if (span === undefined) return {};
  const url = link && honeycombTraceUrl(link, span, at);
  return { trace_id: span.traceId, span_id: span.spanId, ...(url ? { honeycomb_trace_url: url } : {}) };
};
