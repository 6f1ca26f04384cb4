import type { Attributes, DecodedSpan, SpanKindName, StatusCodeName } from '../../src/otlp/model.js';

export const traceIdOf = (n: number): string => n.toString(16).padStart(32, '0');
export const spanIdOf = (n: number): string => n.toString(16).padStart(16, '0');

const T0 = 1_700_000_000_000_000_000n;
const MS = 1_000_000n;

export interface SpanSpec {
  trace?: number;
  span: number;
  parent?: number;
  service?: string;
  name?: string;
  /** Offset from a fixed epoch, in ms. */
  startMs?: number;
  durationMs?: number;
  error?: boolean;
  status?: StatusCodeName;
  kind?: SpanKindName;
  attributes?: Attributes;
  /** Beside service.name. */
  resource?: Attributes;
}

const nanos = (ms: number): bigint => BigInt(Math.round(ms * 1e6));

/** A decoded span with only what a test cares about set. */
export const makeSpan = (spec: SpanSpec): DecodedSpan => {
  const start = T0 + nanos(spec.startMs ?? 0);
  const status = spec.status ?? (spec.error ? 'ERROR' : 'UNSET');
  return {
    traceId: traceIdOf(spec.trace ?? 1),
    spanId: spanIdOf(spec.span),
    parentSpanId: spec.parent === undefined ? null : spanIdOf(spec.parent),
    traceState: '',
    name: spec.name ?? `span ${String(spec.span)}`,
    kind: spec.kind ?? 'INTERNAL',
    startTimeUnixNano: start,
    endTimeUnixNano: start + nanos(spec.durationMs ?? 10),
    attributes: spec.attributes ?? {},
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: status, message: status === 'ERROR' ? 'failed' : '' },
    resource: { 'service.name': spec.service ?? 'backend-flask', ...spec.resource },
    scope: { name: 'test', version: '' },
  };
};

export const T0_MS = Number(T0 / MS);
/** The fixed epoch in seconds, for a query's start_time and end_time. */
export const T0_S = T0_MS / 1000;
