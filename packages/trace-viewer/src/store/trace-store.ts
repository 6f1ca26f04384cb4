// In-memory traces, bounded four ways: at most `maxTraces` traces,
// `maxSpans` spans and `maxBytes` bytes of spans (estimated, see
// span-bytes.ts) in all, the trace least recently added to going first and
// counted as evicted; and at most `maxSpansPerTrace` spans in each trace
// (later new spans are counted as dropped). Spans of one trace may arrive in
// many requests, from many services; a span id seen again replaces the span.

import type { Attributes, DecodedSpan } from '../otlp/model.js';
import { type ColumnKeys, forEachColumn } from './column-keys.js';
import { estimateBatchBytes } from './span-bytes.js';
import { summarize, type TraceSummary } from './summary.js';

export const DEFAULT_MAX_TRACES = 100_000;
export const DEFAULT_MAX_SPANS = 200_000;
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
export const DEFAULT_MAX_SPANS_PER_TRACE = 2000;

export interface TraceStoreOptions {
  maxTraces?: number;
  maxSpans?: number;
  /** Estimated bytes of all spans kept. */
  maxBytes?: number;
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
  /**
   * Bounds on its spans' start times, in ns since the epoch, for queries to
   * skip whole traces: every span started within them (a replaced span's old
   * start may still widen them). Undefined while the trace holds no span.
   */
  readonly startRange: readonly [earliest: bigint, latest: bigint] | undefined;
}

/** What the store holds and has let go of, for /api/health. */
export interface StoreStats {
  traces: number;
  spans: number;
  /** Estimated bytes of the spans held. */
  bytes: number;
  /** Traces evicted to stay within the limits, and the spans they held, since start or the last clear. */
  evictedTraces: number;
  evictedSpans: number;
  limits: { traces: number; spans: number; bytes: number; spansPerTrace: number };
}

interface Entry extends StoredTrace {
  spans: Map<string, DecodedSpan>;
  /** Estimated bytes of each span, by span id. */
  sizes: Map<string, number>;
  bytes: number;
  droppedSpans: number;
  lastUpdated: number;
  startRange: [earliest: bigint, latest: bigint] | undefined;
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
  readonly maxSpans: number;
  readonly maxBytes: number;
  readonly maxSpansPerTrace: number;
  private readonly now: () => number;
  /** Map order is the eviction order: least recently updated first. */
  private readonly traces = new Map<string, Entry>();
  private spans = 0;
  private bytes = 0;
  private evictedTraces = 0;
  private evictedSpans = 0;
  /** Never shrinks: a column evicted spans had only costs a query a lookup that misses. */
  private readonly keys = { attributes: new Set<string>(), resource: new Set<string>() };

  constructor(options: TraceStoreOptions = {}) {
    this.maxTraces = positiveInteger(options.maxTraces ?? DEFAULT_MAX_TRACES, 'maxTraces');
    this.maxSpans = positiveInteger(options.maxSpans ?? DEFAULT_MAX_SPANS, 'maxSpans');
    this.maxBytes = positiveInteger(options.maxBytes ?? DEFAULT_MAX_BYTES, 'maxBytes');
    this.maxSpansPerTrace = positiveInteger(options.maxSpansPerTrace ?? DEFAULT_MAX_SPANS_PER_TRACE, 'maxSpansPerTrace');
    this.now = options.now ?? Date.now;
  }

  get traceCount(): number {
    return this.traces.size;
  }

  get spanCount(): number {
    return this.spans;
  }

  get stats(): StoreStats {
    return {
      traces: this.traces.size,
      spans: this.spans,
      bytes: this.bytes,
      evictedTraces: this.evictedTraces,
      evictedSpans: this.evictedSpans,
      limits: { traces: this.maxTraces, spans: this.maxSpans, bytes: this.maxBytes, spansPerTrace: this.maxSpansPerTrace },
    };
  }

  get columnKeys(): ColumnKeys {
    return this.keys;
  }

  add(spans: readonly DecodedSpan[]): void {
    const now = this.now();
    const sizes = estimateBatchBytes(spans);
    this.noteColumns(spans);
    spans.forEach((span, i) => {
      const entry = this.touch(span.traceId, now);
      const bytes = sizes[i] ?? 0;
      const replaced = entry.sizes.get(span.spanId);
      if (replaced !== undefined) {
        this.put(entry, span, bytes, bytes - replaced);
        this.makeRoom(entry, 0, 0);
      } else if (entry.spans.size < this.maxSpansPerTrace && this.makeRoom(entry, 1, bytes)) {
        this.put(entry, span, bytes, bytes);
        this.spans++;
      } else {
        entry.droppedSpans++;
      }
    });
  }

  get(traceId: string): StoredTrace | undefined {
    return this.traces.get(traceId);
  }

  /** Every trace held, the one least recently added to first. */
  forEachTrace(visit: (trace: StoredTrace) => void): void {
    for (const entry of this.traces.values()) visit(entry);
  }

  /** Every span held, trace by trace, the trace least recently added to first. */
  forEachSpan(visit: (span: DecodedSpan) => void): void {
    for (const entry of this.traces.values()) for (const span of entry.spans.values()) visit(span);
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

  /** Forgets every trace and resets the eviction counts. */
  clear(): void {
    this.traces.clear();
    this.spans = 0;
    this.bytes = 0;
    this.evictedTraces = 0;
    this.evictedSpans = 0;
  }

  private noteColumns(spans: readonly DecodedSpan[]): void {
    const note = (into: Set<string>) => (name: string) => {
      into.add(name);
    };
    const [attributes, resource] = [note(this.keys.attributes), note(this.keys.resource)];
    const resources = new Set<Attributes>();
    for (const span of spans) {
      forEachColumn(span.attributes, attributes);
      resources.add(span.resource);
    }
    for (const shared of resources) forEachColumn(shared, resource);
  }

  private put(entry: Entry, span: DecodedSpan, bytes: number, addedBytes: number): void {
    entry.spans.set(span.spanId, span);
    entry.sizes.set(span.spanId, bytes);
    const start = span.startTimeUnixNano;
    const range = entry.startRange;
    if (!range) entry.startRange = [start, start];
    else if (start < range[0]) range[0] = start;
    else if (start > range[1]) range[1] = start;
    entry.bytes += addedBytes;
    this.bytes += addedBytes;
  }

  /** The trace's entry, created if new, moved to the back of the eviction order. */
  private touch(traceId: string, now: number): Entry {
    let entry = this.traces.get(traceId);
    if (entry) {
      this.traces.delete(traceId);
    } else {
      while (this.traces.size >= this.maxTraces) this.evictOldest();
      entry = {
        traceId,
        spans: new Map(),
        sizes: new Map(),
        bytes: 0,
        droppedSpans: 0,
        firstReceived: now,
        lastUpdated: now,
        startRange: undefined,
        summary: undefined,
      };
    }
    entry.lastUpdated = now;
    entry.summary = undefined;
    this.traces.set(traceId, entry);
    return entry;
  }

  /**
   * Evicts the oldest traces other than `keep` until `spans` more spans of
   * `bytes` more bytes fit; false when they cannot fit even then.
   */
  private makeRoom(keep: Entry, spans: number, bytes: number): boolean {
    const fits = () => this.spans + spans <= this.maxSpans && this.bytes + bytes <= this.maxBytes;
    while (!fits()) {
      if (this.traces.values().next().value === keep) return false;
      this.evictOldest();
    }
    return true;
  }

  private evictOldest(): void {
    const oldest = this.traces.values().next().value;
    if (oldest === undefined) return;
    this.traces.delete(oldest.traceId);
    this.spans -= oldest.spans.size;
    this.bytes -= oldest.bytes;
    this.evictedTraces++;
    this.evictedSpans += oldest.spans.size;
  }
}
