import { TraceFlags, type SpanContext } from '@opentelemetry/api';
import type { HoneycombTraceLink } from './config.js';

/** How far either side of the report the link has Honeycomb look for the trace. */
const WINDOW_SECONDS = 10 * 60;

/**
 * Honeycomb's direct trace link:
 * `<ui>/<team>/environments/<env>/datasets/<dataset>/trace?trace_id=…&span=…&trace_start_ts=…&trace_end_ts=…`;
 * without team and environment, the generic `<ui>/trace?trace_id=…`.
 * Undefined for a trace that was not sampled: Honeycomb never got it.
 */
export const honeycombTraceUrl = (link: HoneycombTraceLink, span: SpanContext, at: Date): string | undefined => {
  if ((span.traceFlags & TraceFlags.SAMPLED) === 0) return undefined;
  if (link.team === undefined || link.environment === undefined) {
    const url = new URL('/trace', link.uiOrigin);
    url.searchParams.set('trace_id', span.traceId);
    return url.href;
  }
  const path = [link.team, 'environments', link.environment, 'datasets', link.dataset, 'trace'].map(encodeURIComponent).join('/');
  const url = new URL(`/${path}`, link.uiOrigin);
  const seconds = Math.floor(at.getTime() / 1000);
  url.searchParams.set('trace_id', span.traceId);
  url.searchParams.set('span', span.spanId);
  url.searchParams.set('trace_start_ts', String(seconds - WINDOW_SECONDS));
  url.searchParams.set('trace_end_ts', String(seconds + WINDOW_SECONDS));
  return url.href;
};
