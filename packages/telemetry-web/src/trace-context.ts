import { isSpanContextValid, trace, type Span } from '@opentelemetry/api';

/** What an error report carries to point at its trace. */
export interface TraceIds {
  readonly traceId: string;
  readonly spanId: string;
}

let lastAction: (() => Span | undefined) | undefined;

/** Set by the running telemetry (undefined once it shuts down). */
export const setLastAction = (source: (() => Span | undefined) | undefined): void => {
  lastAction = source;
};

/**
 * The trace of the code running, for error reports: the active span's ids
 * (the open action's, through the ambient fallback, when the code has none
 * of its own), else those of the last action started, which an error after
 * its end most likely belongs to. Undefined with telemetry off or before the
 * first action.
 */
export const currentTraceIds = (): TraceIds | undefined => {
  if (lastAction === undefined) return undefined;
  const spanContext = (trace.getActiveSpan() ?? lastAction())?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : undefined;
};
