import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';

/** What an error report carries to point at its trace. */
export interface TraceIds {
  readonly traceId: string;
  readonly spanId: string;
}

/**
 * The trace of the code running, for error reports: the active span's ids,
 * the open action's (through the ambient fallback) when the code has none
 * of its own. Undefined outside any action, rather than a guess at which
 * ended one an error belongs to, and with telemetry off.
 */
export const currentTraceIds = (): TraceIds | undefined => {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : undefined;
};

/**
 * Runs `fn` with tracing suppressed, so the requests it makes are no spans:
 * an error report's own post stays out of the trace it reports on, and
 * starts no trace of its own.
 */
export const untraced = <T>(fn: () => T): T => context.with(suppressTracing(context.active()), fn);
