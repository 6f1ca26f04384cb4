import { describe, expect, it } from 'vitest';
import { EventBuffer } from '../src/event-buffer.js';
import { EVENT_OVERHEAD_BYTES, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_BATCH_SPAN_MS } from '../src/limits.js';
import type { LogEvent } from '../src/log-event.js';

const event = (timestamp: number, messageBytes = 10, label = ''): LogEvent => {
  const message = label.padEnd(messageBytes, '.');
  return { timestamp, message, size: Buffer.byteLength(message) + EVENT_OVERHEAD_BYTES };
};

const unbounded = () => new EventBuffer({ maxEvents: Infinity, maxBytes: Infinity });

describe('the next batch', () => {
  it('holds at most 10,000 events', () => {
    const buffer = unbounded();
    for (let i = 0; i < 25_000; i += 1) buffer.push(event(i));
    const sizes: number[] = [];
    while (buffer.length > 0) {
      const batch = buffer.nextBatch();
      sizes.push(batch.length);
      buffer.remove(batch.length);
    }
    expect(sizes).toEqual([MAX_BATCH_EVENTS, MAX_BATCH_EVENTS, 5_000]);
  });

  it('counts 26 bytes per event towards the 1,048,576: exactly full, never over', () => {
    // 256 events of 4,070 message bytes are exactly 1,048,576 with the
    // overhead; without it a 257th would still seem to fit.
    const messageBytes = MAX_BATCH_BYTES / 256 - EVENT_OVERHEAD_BYTES;
    expect(257 * messageBytes).toBeLessThan(MAX_BATCH_BYTES);
    const buffer = unbounded();
    for (let i = 0; i < 600; i += 1) buffer.push(event(i, messageBytes));
    const first = buffer.nextBatch();
    expect(first).toHaveLength(256);
    expect(first.reduce((sum, { size }) => sum + size, 0)).toBe(MAX_BATCH_BYTES);
  });

  it('is sorted by time, lines of the same millisecond in the order they came', () => {
    const buffer = unbounded();
    [event(30, 10, 'c'), event(10, 10, 'a1'), event(20, 10, 'b'), event(10, 10, 'a2')].forEach((e) => buffer.push(e));
    expect(buffer.nextBatch().map(({ message }) => message.replace(/\.+$/, ''))).toEqual(['a1', 'a2', 'b', 'c']);
  });

  it('spans at most 24 hours', () => {
    const buffer = unbounded();
    [event(0), event(MAX_BATCH_SPAN_MS), event(MAX_BATCH_SPAN_MS + 1)].forEach((e) => buffer.push(e));
    expect(buffer.nextBatch()).toHaveLength(2);
    buffer.remove(2);
    expect(buffer.nextBatch()).toHaveLength(1);
  });

  it('stays queued until removed', () => {
    const buffer = unbounded();
    buffer.push(event(1));
    expect(buffer.nextBatch()).toHaveLength(1);
    expect(buffer.length).toBe(1);
    buffer.remove(1);
    expect(buffer.length).toBe(0);
    expect(buffer.nextBatch()).toEqual([]);
  });
});

describe('the bounds', () => {
  it('refuses and counts events beyond the event bound, keeping the ones it has', () => {
    const buffer = new EventBuffer({ maxEvents: 3, maxBytes: Infinity });
    const accepted = [1, 2, 3, 4, 5].map((t) => buffer.push(event(t)));
    expect(accepted).toEqual([true, true, true, false, false]);
    expect(buffer.takeDropped()).toBe(2);
    expect(buffer.nextBatch().map(({ timestamp }) => timestamp)).toEqual([1, 2, 3]);
  });

  it('refuses events beyond the byte bound, and takes them again once there is room', () => {
    const buffer = new EventBuffer({ maxEvents: Infinity, maxBytes: 3 * (10 + EVENT_OVERHEAD_BYTES) });
    [1, 2, 3, 4].forEach((t) => buffer.push(event(t)));
    expect(buffer.length).toBe(3);
    expect(buffer.takeDropped()).toBe(1);
    expect(buffer.takeDropped()).toBe(0);
    buffer.remove(1);
    expect(buffer.push(event(5))).toBe(true);
  });

  it('lets the drop report in even when full', () => {
    const buffer = new EventBuffer({ maxEvents: 1, maxBytes: Infinity });
    buffer.push(event(1));
    buffer.force(event(2, 10, 'report'));
    expect(buffer.length).toBe(2);
  });

  it('has a full batch to send as soon as the oldest events fill one', () => {
    const buffer = unbounded();
    for (let i = 0; i < MAX_BATCH_EVENTS - 1; i += 1) buffer.push(event(i));
    expect(buffer.hasFullBatch()).toBe(false);
    buffer.push(event(MAX_BATCH_EVENTS));
    expect(buffer.hasFullBatch()).toBe(true);
  });
});
