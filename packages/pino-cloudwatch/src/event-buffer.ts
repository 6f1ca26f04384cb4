import type { LogEvent } from './log-event.js';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_BATCH_SPAN_MS } from './limits.js';

export interface BufferLimits {
  readonly maxEvents: number;
  readonly maxBytes: number;
}

/**
 * The events waiting to be sent, oldest first, bounded in count and bytes.
 * When full, new events are refused and counted: what is already queued
 * keeps its order, and the count is reported once sending works again.
 * Events being sent stay in the buffer (and count towards its bounds) until
 * the service has taken them.
 */
export class EventBuffer {
  readonly #limits: BufferLimits;
  #events: LogEvent[] = [];
  #head = 0;
  #bytes = 0;
  #dropped = 0;

  constructor(limits: BufferLimits) {
    this.#limits = limits;
  }

  get length(): number {
    return this.#events.length - this.#head;
  }

  /** Queues the event, or counts it as dropped when the buffer is full. */
  push(event: LogEvent): boolean {
    if (this.length >= this.#limits.maxEvents || this.#bytes + event.size > this.#limits.maxBytes) {
      this.#dropped += 1;
      return false;
    }
    this.#append(event);
    return true;
  }

  /** Queues the event even when the buffer is full: for the one line that reports drops. */
  force(event: LogEvent): void {
    this.#append(event);
  }

  countDropped(count: number): void {
    this.#dropped += count;
  }

  /** Events refused or given up on since the last call; counting starts again from zero. */
  takeDropped(): number {
    const dropped = this.#dropped;
    this.#dropped = 0;
    return dropped;
  }

  /** True once the oldest events would fill a whole batch: no reason to wait for more. */
  hasFullBatch(): boolean {
    return this.length >= MAX_BATCH_EVENTS || this.#bytes >= MAX_BATCH_BYTES;
  }

  /**
   * The oldest events that fit in one PutLogEvents call (count, bytes, a
   * day's span), sorted by time as the service requires. They stay queued
   * until `remove`.
   */
  nextBatch(): LogEvent[] {
    const batch: LogEvent[] = [];
    let bytes = 0;
    let earliest = Infinity;
    let latest = -Infinity;
    for (let index = this.#head; index < this.#events.length && batch.length < MAX_BATCH_EVENTS; index += 1) {
      const event = this.#events[index] as LogEvent;
      const from = Math.min(earliest, event.timestamp);
      const to = Math.max(latest, event.timestamp);
      if (bytes + event.size > MAX_BATCH_BYTES || to - from > MAX_BATCH_SPAN_MS) break;
      batch.push(event);
      bytes += event.size;
      earliest = from;
      latest = to;
    }
    // Array.prototype.sort is stable: lines with the same time keep their order.
    return batch.sort((a, b) => a.timestamp - b.timestamp);
  }

  /** Forgets the oldest `count` events: sent, or given up on. */
  remove(count: number): void {
    const end = Math.min(this.#head + count, this.#events.length);
    for (let index = this.#head; index < end; index += 1) this.#bytes -= (this.#events[index] as LogEvent).size;
    this.#head = end;
    // Compact once the consumed prefix dominates, so removal stays O(1) amortised.
    if (this.#head > 1024 && this.#head * 2 > this.#events.length) {
      this.#events = this.#events.slice(this.#head);
      this.#head = 0;
    }
  }

  #append(event: LogEvent): void {
    this.#events.push(event);
    this.#bytes += event.size;
  }
}
