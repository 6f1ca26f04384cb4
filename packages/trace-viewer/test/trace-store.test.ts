import { describe, expect, it } from 'vitest';
import { estimateBatchBytes } from '../src/store/span-bytes.js';
import { TraceStore, type TraceStoreOptions } from '../src/store/trace-store.js';
import { makeSpan, spanIdOf, T0_MS, traceIdOf } from './support/spans.js';

/** A store whose clock advances 1 ms per read, so every add is strictly later. */
const storeWith = (options: Omit<TraceStoreOptions, 'now'> = {}) => {
  let now = 1_000;
  return new TraceStore({ ...options, now: () => now++ });
};

describe('TraceStore', () => {
  it('merges spans of one trace sent in separate requests, from separate services', () => {
    const store = storeWith();
    store.add([makeSpan({ span: 2, parent: 1, service: 'backend-flask', startMs: 5, durationMs: 20 })]);
    store.add([makeSpan({ span: 1, service: 'frontend-react-js', name: 'click', startMs: 0, durationMs: 40 })]);
    expect(store.traceCount).toBe(1);
    expect(store.spanCount).toBe(2);
    expect(store.summary(traceIdOf(1))).toMatchObject({
      rootName: 'click',
      rootService: 'frontend-react-js',
      services: ['frontend-react-js', 'backend-flask'],
      spanCount: 2,
      durationMs: 40,
      startTime: new Date(T0_MS).toISOString(),
      errorCount: 0,
      firstReceived: 1_000,
      lastUpdated: 1_001,
    });
  });

  it('replaces a span sent again rather than counting it twice', () => {
    const store = storeWith();
    store.add([makeSpan({ span: 1, name: 'first' })]);
    store.add([makeSpan({ span: 1, name: 'second', error: true })]);
    const trace = store.get(traceIdOf(1));
    expect(trace?.spans.size).toBe(1);
    expect(trace?.spans.get(spanIdOf(1))?.name).toBe('second');
    expect(store.spanCount).toBe(1);
    expect(store.summary(traceIdOf(1))?.errorCount).toBe(1);
  });

  it('keeps at most maxSpansPerTrace spans and counts the rest as dropped', () => {
    const store = storeWith({ maxSpansPerTrace: 3 });
    store.add([1, 2, 3, 4, 5].map((n) => makeSpan({ span: n })));
    store.add([makeSpan({ span: 2, name: 'updated' }), makeSpan({ span: 6 })]);
    const trace = store.get(traceIdOf(1));
    expect([...(trace?.spans.keys() ?? [])]).toEqual([spanIdOf(1), spanIdOf(2), spanIdOf(3)]);
    expect(trace?.spans.get(spanIdOf(2))?.name).toBe('updated');
    expect(trace?.droppedSpans).toBe(3);
    expect(store.spanCount).toBe(3);
  });

  it('evicts the trace least recently added to once maxTraces is reached', () => {
    const store = storeWith({ maxTraces: 3 });
    for (const trace of [1, 2, 3]) store.add([makeSpan({ trace, span: trace * 10 })]);
    store.add([makeSpan({ trace: 1, span: 11 })]); // trace 1 is fresh again; 2 is now the oldest
    store.add([makeSpan({ trace: 4, span: 40 })]);
    expect(store.get(traceIdOf(2))).toBeUndefined();
    expect(store.list().map((t) => t.traceId).sort()).toEqual([traceIdOf(1), traceIdOf(3), traceIdOf(4)]);
    expect(store.spanCount).toBe(4);
    store.add([makeSpan({ trace: 5, span: 50 }), makeSpan({ trace: 6, span: 60 })]);
    expect(store.traceCount).toBe(3);
    expect(store.get(traceIdOf(3))).toBeUndefined();
    expect(store.get(traceIdOf(1))).toBeUndefined();
    expect(store.spanCount).toBe(3);
  });

  it('lists newest first, filtered by service and first-received time, up to a limit', () => {
    const store = storeWith();
    store.add([makeSpan({ trace: 1, span: 1, service: 'frontend-react-js', startMs: 0 })]);
    store.add([makeSpan({ trace: 2, span: 2, service: 'backend-flask', startMs: 100 })]);
    store.add([makeSpan({ trace: 3, span: 3, service: 'frontend-react-js', startMs: 200 })]);
    store.add([makeSpan({ trace: 1, span: 4, parent: 1, service: 'backend-flask', startMs: 1 })]);
    const ids = (list: { traceId: string }[]) => list.map((t) => t.traceId);
    expect(ids(store.list())).toEqual([traceIdOf(3), traceIdOf(2), traceIdOf(1)]);
    expect(ids(store.list({ service: 'backend-flask' }))).toEqual([traceIdOf(2), traceIdOf(1)]);
    // Trace 1 was first received at 1000 even though it was updated at 1003.
    expect(ids(store.list({ since: 1_001 }))).toEqual([traceIdOf(3), traceIdOf(2)]);
    expect(ids(store.list({ limit: 1 }))).toEqual([traceIdOf(3)]);
  });

  it('summarizes root, errors and duration, with a stand-in root until the real one arrives', () => {
    const store = storeWith();
    store.add([
      makeSpan({ span: 3, parent: 2, name: 'db', startMs: 30, durationMs: 5, error: true }),
      makeSpan({ span: 2, parent: 1, name: 'GET /api', startMs: 20, durationMs: 50 }),
    ]);
    expect(store.summary(traceIdOf(1))).toMatchObject({ rootName: 'GET /api', errorCount: 1, durationMs: 50 });
    store.add([makeSpan({ span: 1, name: 'click', service: 'frontend-react-js', startMs: 0, durationMs: 100 })]);
    expect(store.summary(traceIdOf(1))).toMatchObject({
      rootName: 'click',
      rootService: 'frontend-react-js',
      services: ['frontend-react-js', 'backend-flask'],
      durationMs: 100,
    });
  });

  it('clears everything', () => {
    const store = storeWith();
    store.add([makeSpan({ span: 1 }), makeSpan({ trace: 2, span: 2 })]);
    store.clear();
    expect([store.traceCount, store.spanCount, store.list()]).toEqual([0, 0, []]);
  });

  it('rejects limits that are not positive integers', () => {
    expect(() => new TraceStore({ maxTraces: 0 })).toThrow(RangeError);
    expect(() => new TraceStore({ maxSpansPerTrace: 1.5 })).toThrow(RangeError);
    expect(() => new TraceStore({ maxSpans: -1 })).toThrow(RangeError);
    expect(() => new TraceStore({ maxBytes: Number.NaN })).toThrow(RangeError);
  });

  it('holds at least 100,000 spans by default', () => {
    const { limits } = new TraceStore().stats;
    expect(limits.spans).toBeGreaterThanOrEqual(100_000);
    expect(limits.traces).toBeGreaterThanOrEqual(100_000);
    // Room for 100,000 spans of 2 KB, well above the ~1.2 KB of the app's (README, "Memory").
    expect(limits.bytes).toBeGreaterThanOrEqual(100_000 * 2048);
  });

  it('evicts the oldest traces to stay within maxSpans, and counts what it evicted', () => {
    const store = storeWith({ maxSpans: 5 });
    store.add([makeSpan({ trace: 1, span: 11 }), makeSpan({ trace: 1, span: 12 })]);
    store.add([makeSpan({ trace: 2, span: 21 }), makeSpan({ trace: 2, span: 22 })]);
    store.add([makeSpan({ trace: 3, span: 31 })]);
    expect(store.stats).toMatchObject({ traces: 3, spans: 5, evictedTraces: 0, evictedSpans: 0 });
    store.add([makeSpan({ trace: 3, span: 32 })]);
    expect(store.get(traceIdOf(1))).toBeUndefined();
    expect(store.stats).toMatchObject({ traces: 2, spans: 4, evictedTraces: 1, evictedSpans: 2 });
    // A span for the oldest trace makes it the newest: trace 3 is evicted next, not 2.
    store.add([makeSpan({ trace: 2, span: 23 })]);
    store.add([makeSpan({ trace: 4, span: 41 })]);
    expect([...store.list().map((t) => t.traceId)].sort()).toEqual([traceIdOf(2), traceIdOf(4)]);
    expect(store.stats).toMatchObject({ traces: 2, spans: 4, evictedTraces: 2, evictedSpans: 4 });
  });

  it('evicts the oldest traces to stay within maxBytes, as estimated per span', () => {
    const spans = [1, 2, 3, 4].map((trace) => makeSpan({ trace, span: trace, attributes: { 'app.note': 'x'.repeat(500) } }));
    const sizes = spans.map((span) => estimateBatchBytes([span])[0] ?? 0);
    const store = storeWith({ maxBytes: (sizes[0] ?? 0) * 3 + 10 });
    for (const span of spans) store.add([span]);
    expect(store.get(traceIdOf(1))).toBeUndefined();
    expect(store.stats).toMatchObject({ traces: 3, spans: 3, evictedTraces: 1, evictedSpans: 1 });
    expect(store.stats.bytes).toBe(sizes.slice(1).reduce((a, b) => a + b, 0));
    expect(store.stats.bytes).toBeLessThanOrEqual(store.maxBytes);
  });

  it('drops a span that cannot fit even alone, keeping the store within its bytes', () => {
    const store = storeWith({ maxBytes: 2000 });
    store.add([makeSpan({ trace: 1, span: 1 })]);
    store.add([makeSpan({ trace: 1, span: 2, attributes: { big: 'x'.repeat(5000) } })]);
    expect(store.stats).toMatchObject({ traces: 1, spans: 1, evictedTraces: 0 });
    expect(store.get(traceIdOf(1))?.droppedSpans).toBe(1);
    expect(store.stats.bytes).toBeLessThanOrEqual(2000);
  });

  it('keeps its byte count exact through replacements, evictions and clear', () => {
    const store = storeWith({ maxSpans: 3 });
    store.add([makeSpan({ trace: 1, span: 1 }), makeSpan({ trace: 2, span: 2 })]);
    store.add([makeSpan({ trace: 1, span: 1, attributes: { grown: 'y'.repeat(300) } })]);
    const held = [makeSpan({ trace: 2, span: 2 }), makeSpan({ trace: 1, span: 1, attributes: { grown: 'y'.repeat(300) } })];
    expect(store.stats.bytes).toBe(held.reduce((sum, span) => sum + (estimateBatchBytes([span])[0] ?? 0), 0));
    store.add([makeSpan({ trace: 3, span: 3 }), makeSpan({ trace: 3, span: 4 })]);
    expect(store.stats).toMatchObject({ traces: 2, spans: 3, evictedTraces: 1 });
    store.clear();
    expect(store.stats).toMatchObject({ traces: 0, spans: 0, bytes: 0, evictedTraces: 0, evictedSpans: 0 });
  });

  it('knows every column span attributes and resources have had, nested lists flattened', () => {
    const store = storeWith({ maxSpans: 1 });
    store.add([makeSpan({ span: 1, attributes: { 'http.route': '/', app: { user: { handle: 'a' } } }, resource: { 'host.name': 'h' } })]);
    store.add([makeSpan({ trace: 2, span: 2, attributes: { 'app.result_length': 3 } })]);
    const { attributes, resource } = store.columnKeys;
    // The first span is evicted; its columns stay known (a lookup that misses costs little).
    expect([...attributes].sort()).toEqual(['app.result_length', 'app.user.handle', 'http.route']);
    expect([...resource].sort()).toEqual(['host.name', 'service.name']);
  });

  it('visits every span it holds', () => {
    const store = storeWith();
    store.add([makeSpan({ trace: 1, span: 1 }), makeSpan({ trace: 2, span: 2 }), makeSpan({ trace: 1, span: 3 })]);
    const seen: string[] = [];
    store.forEachSpan((span) => seen.push(span.spanId));
    expect(seen.sort()).toEqual([spanIdOf(1), spanIdOf(2), spanIdOf(3)]);
  });
});
