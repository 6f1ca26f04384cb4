import { describe, expect, it } from 'vitest';
import { TraceStore } from '../src/store/trace-store.js';
import { makeSpan, spanIdOf, T0_MS, traceIdOf } from './support/spans.js';

/** A store whose clock advances 1 ms per read, so every add is strictly later. */
const storeWith = (options: { maxTraces?: number; maxSpansPerTrace?: number } = {}) => {
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
  });
});
