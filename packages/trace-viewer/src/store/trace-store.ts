// In-memory traces, bounded twice: at most `maxTraces` traces (the one least
// recently added to goes first) and at most `maxSpansPerTrace` spans in each
// (later new spans are counted as dropped). Spans of one trace may arrive in
// many requests, from many services; a span id seen again replaces the span.

import type { DecodedSpan } from '../otlp/model.js';
import { summarize, type TraceSummary } from './summary.js';

export const DEFAULT_MAX_TRACES = 1000;
export const DEFAULT_MAX_SPANS_PER_TRACE = 2000;

export interface TraceStoreOptions {
  maxTraces?: number;
  maxSpansPerTrace?: number;
  /** Clock for received times, in ms since the epoch. */
  now?: () => number;
}

export interface StoredTrace {
  readonly traceId: string;
  /** By span id, in arrival order. */
  readonly spans: ReadonlyMap<string, DecodedSpan>;
  readonly droppedSpans: number;
  /** When the first span of this trace arrived, ms since the epoch. */
  readonly firstReceived: number;
  /** When a span of this trace last arrived, ms since the epoch. */
  readonly lastUpdated: number;
}

interface Entry extends StoredTrace {
  spans: Map<string, DecodedSpan>;
  droppedSpans: number;
  lastUpdated: number;
  summary: TraceSummary | undefined;
}

export interface ListOptions {
  service?: string;
  /** Only traces first received at or after this time, ms since the epoch. */
  since?: number;
  limit?: number;
}

const positiveInteger = (value: number, name: string): number => {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
  return value;
};

export class TraceStore {
  readonly maxTraces: number;
  readonly maxSpansPerTrace: number;
  private readonly now: () => number;
  /** Map order is the eviction order: least recently updated first. */
  private readonly traces = new Map<string, Entry>();
  private spans = 0;

  constructor(options: TraceStoreOptions = {}) {
    this.maxTraces = positiveInteger(options.maxTraces ?? DEFAULT_MAX_TRACES, 'maxTraces');
    this.maxSpansPerTrace = positiveInteger(options.maxSpansPerTrace ?? DEFAULT_MAX_SPANS_PER_TRACE, 'maxSpansPerTrace');
    this.now = options.now ?? Date.now;
  }

  get traceCount(): number {
    return this.traces.size;
  }

  get spanCount(): number {
    return this.spans;
  }

  add(spans: readonly DecodedSpan[]): void {
    const now = this.now();
    for (const span of spans) {
      const entry = this.touch(span.traceId, now);
      if (entry.spans.has(span.spanId)) {
        entry.spans.set(span.spanId, span);
      } else if (entry.spans.size < this.maxSpansPerTrace) {
        entry.spans.set(span.spanId, span);
        this.spans++;
      } else {
        entry.droppedSpans++;
      }
    }
  }

  get(traceId: string): StoredTrace | undefined {
    return this.traces.get(traceId);
  }

  summary(traceId: string): TraceSummary | undefined {
    const entry = this.traces.get(traceId);
    if (!entry) return undefined;
    entry.summary ??= summarize(entry);
    return entry.summary;
  }

  /** Summaries, the trace that started last first. */
  list(options: ListOptions = {}): TraceSummary[] {
    const { service, since, limit = Number.POSITIVE_INFINITY } = options;
    const matches: TraceSummary[] = [];
    for (const entry of this.traces.values()) {
      if (since !== undefined && entry.firstReceived < since) continue;
      entry.summary ??= summarize(entry);
      if (service !== undefined && !entry.summary.services.includes(service)) continue;
      matches.push(entry.summary);
    }
    matches.sort((a, b) => b.startMs - a.startMs || b.firstReceived - a.firstReceived);
    return matches.slice(0, limit);
  }

  clear(): void {
    this.traces.clear();
    this.spans = 0;
  }

  /** The trace's entry, created if new, moved to the back of the eviction order. */
  private touch(traceId: string, now: number): Entry {
    let entry = this.traces.get(traceId);
    if (entry) {
      this.traces.delete(traceId);
    } else {
      entry = { traceId, spans: new Map(), droppedSpans: 0, firstReceived: now, lastUpdated: now, summary: undefined };
      this.makeRoom();
    }
    entry.lastUpdated = now;
    entry.summary = undefined;
    this.traces.set(traceId, entry);
    return entry;
  }

  private makeRoom(): void {
    for (const [traceId, entry] of this.traces) {
      if (this.traces.size < this.maxTraces) return;
      this.traces.delete(traceId);
      this.spans -= entry.spans.size;
    }
  }
}
