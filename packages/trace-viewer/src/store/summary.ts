import type { DecodedSpan } from '../otlp/model.js';
import type { StoredTrace } from './trace-store.js';

export interface TraceSummary {
  traceId: string;
  rootName: string;
  rootService: string;
  /** The root's service first, then the others in the order they joined the trace (by span start). */
  services: string[];
  spanCount: number;
  droppedSpans: number;
  durationMs: number;
  /** Start of the earliest span, ms since the epoch. */
  startMs: number;
  startTime: string;
  errorCount: number;
  firstReceived: number;
  lastUpdated: number;
}

export const UNKNOWN_SERVICE = 'unknown_service';

export const serviceName = (span: DecodedSpan): string => {
  const name = span.resource['service.name'];
  return typeof name === 'string' && name !== '' ? name : UNKNOWN_SERVICE;
};

/** Nanoseconds since the epoch to milliseconds, keeping microseconds. */
export const nanosToMs = (nanos: bigint): number => Number(nanos / 1000n) / 1000;

const endOf = (span: DecodedSpan): bigint =>
  span.endTimeUnixNano > span.startTimeUnixNano ? span.endTimeUnixNano : span.startTimeUnixNano;

const byStart = (a: DecodedSpan, b: DecodedSpan): number =>
  a.startTimeUnixNano < b.startTimeUnixNano ? -1 : a.startTimeUnixNano > b.startTimeUnixNano ? 1 : 0;

export const spansByStart = (trace: StoredTrace): DecodedSpan[] => [...trace.spans.values()].sort(byStart);

/**
 * The root is the earliest span without a parent; while that span has not
 * arrived yet, the earliest span whose parent is not here stands in for it.
 */
const findRoot = (trace: StoredTrace, sorted: readonly DecodedSpan[]): DecodedSpan | undefined =>
  sorted.find((span) => span.parentSpanId === null) ??
  sorted.find((span) => span.parentSpanId !== null && !trace.spans.has(span.parentSpanId)) ??
  sorted[0];

export const summarize = (trace: StoredTrace): TraceSummary => {
  const sorted = spansByStart(trace);
  const root = findRoot(trace, sorted);
  const first = sorted[0];
  const start = first?.startTimeUnixNano ?? 0n;
  let end = start;
  let errorCount = 0;
  const rootService = root ? serviceName(root) : UNKNOWN_SERVICE;
  const services = new Set<string>([rootService]);
  for (const span of sorted) {
    services.add(serviceName(span));
    const spanEnd = endOf(span);
    if (spanEnd > end) end = spanEnd;
    if (span.status.code === 'ERROR') errorCount++;
  }
  const startMs = nanosToMs(start);
  return {
    traceId: trace.traceId,
    rootName: root?.name ?? '',
    rootService,
    services: [...services],
    spanCount: sorted.length,
    droppedSpans: trace.droppedSpans,
    durationMs: Number(end - start) / 1e6,
    startMs,
    startTime: new Date(startMs).toISOString(),
    errorCount,
    firstReceived: trace.firstReceived,
    lastUpdated: trace.lastUpdated,
  };
};
