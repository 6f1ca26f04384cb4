// The JSON shape /api/traces/:traceId serves for each span.

import type { Attributes, DecodedSpan, Scope, SpanKindName, StatusCodeName } from '../otlp/model.js';
import { spansByStart, nanosToMs, serviceName } from './summary.js';
import type { StoredTrace } from './trace-store.js';

export interface SpanView {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  traceState: string;
  name: string;
  kind: SpanKindName;
  service: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  startMs: number;
  durationMs: number;
  attributes: Attributes;
  droppedAttributesCount: number;
  events: { name: string; timeUnixNano: string; timeMs: number; attributes: Attributes; droppedAttributesCount: number }[];
  droppedEventsCount: number;
  links: { traceId: string; spanId: string; traceState: string; attributes: Attributes; droppedAttributesCount: number }[];
  droppedLinksCount: number;
  status: { code: StatusCodeName; message: string };
  resource: Attributes;
  scope: Scope;
}

export interface TraceView {
  traceId: string;
  droppedSpans: number;
  /** Ordered by start time. */
  spans: SpanView[];
}

export const spanView = (span: DecodedSpan): SpanView => ({
  traceId: span.traceId,
  spanId: span.spanId,
  parentSpanId: span.parentSpanId,
  traceState: span.traceState,
  name: span.name,
  kind: span.kind,
  service: serviceName(span),
  startTimeUnixNano: span.startTimeUnixNano.toString(),
  endTimeUnixNano: span.endTimeUnixNano.toString(),
  startMs: nanosToMs(span.startTimeUnixNano),
  durationMs:
    span.endTimeUnixNano > span.startTimeUnixNano ? Number(span.endTimeUnixNano - span.startTimeUnixNano) / 1e6 : 0,
  attributes: span.attributes,
  droppedAttributesCount: span.droppedAttributesCount,
  events: span.events.map((event) => ({
    name: event.name,
    timeUnixNano: event.timeUnixNano.toString(),
    timeMs: nanosToMs(event.timeUnixNano),
    attributes: event.attributes,
    droppedAttributesCount: event.droppedAttributesCount,
  })),
  droppedEventsCount: span.droppedEventsCount,
  links: span.links,
  droppedLinksCount: span.droppedLinksCount,
  status: span.status,
  resource: span.resource,
  scope: span.scope,
});

export const traceView = (trace: StoredTrace): TraceView => ({
  traceId: trace.traceId,
  droppedSpans: trace.droppedSpans,
  spans: spansByStart(trace).map(spanView),
});
