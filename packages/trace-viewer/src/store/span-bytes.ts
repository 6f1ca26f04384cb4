// What a stored span costs in memory, estimated from its contents so the
// store can be bounded by bytes. The constants are V8's layout on 64-bit
// Node, checked against the heap: `pnpm bench` measures heap per stored span
// beside this estimate (see README.md, "Memory").

import type { AttributeValue, Attributes, DecodedSpan } from '../otlp/model.js';

/** Object header (map, properties, elements). */
const OBJECT = 24;
/** One pointer-sized field or array slot. */
const SLOT = 8;
/** A property of an attribute object, with the spare capacity its backing store grows by (its key is interned, shared). */
const PROPERTY = 12;
/** The store's entries for the span: in its trace's spans and sizes Maps, and its share of the trace's own entry. */
const STORE_ENTRIES = 48;
const BIGINT = 24;
/** The span object: header and its 17 fields, with the status object and the store's entries for it. */
const SPAN = OBJECT + 17 * SLOT + (OBJECT + 2 * SLOT) + STORE_ENTRIES;

/** A string's header and its characters (one byte each when Latin-1, else two), rounded up to a slot. */
const stringBytes = (value: string): number => {
  // eslint-disable-next-line no-control-regex
  const width = /[^\u0000-\u00ff]/.test(value) ? 2 : 1;
  return 16 + Math.ceil((value.length * width) / SLOT) * SLOT;
};

const valueBytes = (value: AttributeValue): number => {
  if (typeof value === 'string') return stringBytes(value);
  // Small integers live in the slot; other numbers are boxed.
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 30 ? 0 : 16;
  if (typeof value !== 'object' || value === null) return 0;
  if (Array.isArray(value)) return OBJECT + 16 + value.reduce<number>((sum, item) => sum + SLOT + valueBytes(item), 0);
  return attributesBytes(value);
};

/** An empty object literal: its header and the four property slots V8 reserves in it. */
const EMPTY_OBJECT = OBJECT + 4 * SLOT;

/** An attribute object; its keys are shared with every span that has the same ones (V8 interns property names). */
export const attributesBytes = (attributes: Attributes): number => {
  let bytes = EMPTY_OBJECT;
  for (const key in attributes) bytes += PROPERTY + valueBytes(attributes[key] as AttributeValue);
  return bytes;
};

/** The span's own memory, leaving out its resource and scope, which spans of one request share. */
export const ownSpanBytes = (span: DecodedSpan): number => {
  let bytes = SPAN + 2 * BIGINT + stringBytes(span.traceId) + stringBytes(span.spanId) + stringBytes(span.name);
  if (span.parentSpanId !== null) bytes += stringBytes(span.parentSpanId);
  if (span.traceState !== '') bytes += stringBytes(span.traceState);
  if (span.status.message !== '') bytes += stringBytes(span.status.message);
  bytes += attributesBytes(span.attributes);
  bytes += 2 * (OBJECT + 16);
  for (const event of span.events) {
    bytes += SLOT + OBJECT + 4 * SLOT + BIGINT + stringBytes(event.name) + attributesBytes(event.attributes);
  }
  for (const link of span.links) {
    bytes += SLOT + OBJECT + 5 * SLOT + stringBytes(link.traceId) + stringBytes(link.spanId) + attributesBytes(link.attributes);
  }
  return bytes;
};

const sharedBytes = (span: DecodedSpan): number =>
  attributesBytes(span.resource) + OBJECT + 2 * SLOT + stringBytes(span.scope.name) + stringBytes(span.scope.version);

/**
 * Each span's estimated bytes, in order: its own memory plus its share of
 * the resource and scope it shares with the other spans of the batch.
 */
export const estimateBatchBytes = (spans: readonly DecodedSpan[]): number[] => {
  const sharing = new Map<object, number>();
  for (const span of spans) sharing.set(span.resource, (sharing.get(span.resource) ?? 0) + 1);
  const shared = new Map<object, number>();
  return spans.map((span) => {
    let share = shared.get(span.resource);
    if (share === undefined) {
      share = sharedBytes(span) / (sharing.get(span.resource) ?? 1);
      shared.set(span.resource, share);
    }
    return Math.round(ownSpanBytes(span) + share);
  });
};
