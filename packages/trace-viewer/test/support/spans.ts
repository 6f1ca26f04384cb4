import type { DecodedSpan } from '../../src/otlp/model.js';

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
}

/** A decoded span with only what a test cares about set. */
export const makeSpan = (spec: SpanSpec): DecodedSpan => {
  const start = T0 + BigInt(spec.startMs ?? 0) * MS;
  return {
    traceId: traceIdOf(spec.trace ?? 1),
    spanId: spanIdOf(spec.span),
    parentSpanId: spec.parent === undefined ? null : spanIdOf(spec.parent),
    traceState: '',
    name: spec.name ?? `span ${String(spec.span)}`,
    kind: 'INTERNAL',
    startTimeUnixNano: start,
    endTimeUnixNano: start + BigInt(spec.durationMs ?? 10) * MS,
    attributes: {},
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: spec.error ? { code: 'ERROR', message: 'failed' } : { code: 'UNSET', message: '' },
    resource: { 'service.name': spec.service ?? 'backend-flask' },
    scope: { name: 'test', version: '' },
  };
};

export const T0_MS = Number(T0 / MS);
