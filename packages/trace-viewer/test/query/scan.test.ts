import { describe, expect, it } from 'vitest';
import { forEachSpanStartedIn } from '../../src/query/scan.js';
import { TraceStore } from '../../src/store/trace-store.js';
import { makeSpan, spanIdOf, T0_MS } from '../support/spans.js';

const NS = (offsetMs: number) => BigInt(T0_MS) * 1_000_000n + BigInt(Math.round(offsetMs * 1e6));

describe('the spans started in a window', () => {
  // Trace 1 wholly before 100 ms, trace 2 across it, trace 3 wholly inside 100–200 ms, trace 4 after.
  const store = new TraceStore();
  store.add([
    makeSpan({ trace: 1, span: 11, startMs: 10 }),
    makeSpan({ trace: 1, span: 12, startMs: 99.999 }),
    makeSpan({ trace: 2, span: 21, startMs: 50 }),
    makeSpan({ trace: 2, span: 22, startMs: 100 }),
    makeSpan({ trace: 3, span: 31, startMs: 120 }),
    makeSpan({ trace: 3, span: 32, startMs: 150 }),
    makeSpan({ trace: 4, span: 41, startMs: 200 }),
  ]);
  store.add([makeSpan({ trace: 2, span: 23, startMs: 199.999 })]);

  const seen = (startMs: number, endMs: number) => {
    const ids: string[] = [];
    forEachSpanStartedIn(store, NS(startMs), NS(endMs), (span) => ids.push(span.spanId));
    return ids.sort();
  };

  it('holds exactly those that started from its start (included) to its end (excluded)', () => {
    expect(seen(100, 200)).toEqual([22, 23, 31, 32].map(spanIdOf));
    expect(seen(0, 1000)).toEqual([11, 12, 21, 22, 23, 31, 32, 41].map(spanIdOf));
    expect(seen(99.999, 100)).toEqual([spanIdOf(12)]);
    expect(seen(300, 400)).toEqual([]);
  });

  it('keeps each trace’s bounds as spans arrive, so a late early span is not skipped', () => {
    store.add([makeSpan({ trace: 3, span: 33, startMs: 5 })]);
    expect(seen(0, 10)).toEqual([spanIdOf(33)]);
    expect(store.get(makeSpan({ trace: 3, span: 1 }).traceId)?.startRange).toEqual([NS(5), NS(150)]);
  });
});
