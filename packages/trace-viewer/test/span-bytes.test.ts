import { describe, expect, it } from 'vitest';
import { estimateBatchBytes, ownSpanBytes } from '../src/store/span-bytes.js';
import { makeSpan } from './support/spans.js';

describe('estimated span bytes', () => {
  it('grow with the characters a span holds, twice as fast for characters beyond Latin-1', () => {
    const base = ownSpanBytes(makeSpan({ span: 1, attributes: { note: '' } }));
    const latin = ownSpanBytes(makeSpan({ span: 1, attributes: { note: 'é'.repeat(800) } }));
    const wide = ownSpanBytes(makeSpan({ span: 1, attributes: { note: '€'.repeat(800) } }));
    expect(latin - base).toBe(800);
    expect(wide - base).toBe(1600);
  });

  it('count nested values, arrays, events and links', () => {
    const bare = ownSpanBytes(makeSpan({ span: 1 }));
    const nested = ownSpanBytes(makeSpan({ span: 1, attributes: { outer: { inner: 'abc' }, list: ['a', 'b'] } }));
    expect(nested).toBeGreaterThan(bare + 2 * 16);
    const withEvent = ownSpanBytes({ ...makeSpan({ span: 1 }), events: [{ name: 'exception', timeUnixNano: 1n, attributes: { 'exception.message': 'boom' }, droppedAttributesCount: 0 }] });
    expect(withEvent).toBeGreaterThan(bare + 100);
  });

  it('share a resource among the spans of a batch that carry it', () => {
    const resource = { 'service.name': 'backend-flask', 'host.name': 'h'.repeat(1000) };
    const spans = [1, 2, 3, 4].map((span) => ({ ...makeSpan({ span }), resource }));
    const own = ownSpanBytes(spans[0] as (typeof spans)[number]);
    const shared = (estimateBatchBytes([spans[0] as (typeof spans)[number]])[0] ?? 0) - own;
    expect(shared).toBeGreaterThan(1000);
    // Each of four pays a quarter of it.
    expect(estimateBatchBytes(spans)).toEqual(spans.map(() => Math.round(own + shared / 4)));
  });
});
