// Columns as Honeycomb makes them from OpenTelemetry spans: every span and
// resource attribute by its key (nested key-value lists flattened with dots,
// arrays as their JSON), and the fields it derives from the span itself.
// Where names collide, span attributes win over resource attributes, and
// both over the derived fields, as in Honeycomb's translation.

import { type AttributeValue, type Attributes, type DecodedSpan, STATUS_CODES } from '../otlp/model.js';
import { type ColumnKeys, isNested } from '../store/column-keys.js';
import { UNKNOWN_SERVICE } from '../store/summary.js';
import type { Scalar } from './spec.js';

export type ColumnGetter = (span: DecodedSpan) => Scalar | undefined;

const durationMs = (span: DecodedSpan): number =>
  span.endTimeUnixNano > span.startTimeUnixNano ? Number(span.endTimeUnixNano - span.startTimeUnixNano) / 1e6 : 0;

const nonEmpty = (value: string): string | undefined => (value === '' ? undefined : value);

/** Fields derived from the span, typed as Honeycomb types them: span.kind lowercase, status_code the OTLP integer, error only when true. */
export const DERIVED_COLUMNS: Readonly<Record<string, ColumnGetter>> = {
  name: (span) => span.name,
  duration_ms: durationMs,
  'service.name': () => UNKNOWN_SERVICE,
  'span.kind': (span) => span.kind.toLowerCase(),
  type: (span) => span.kind.toLowerCase(),
  status_code: (span) => STATUS_CODES.indexOf(span.status.code),
  status_message: (span) => nonEmpty(span.status.message),
  error: (span) => (span.status.code === 'ERROR' ? true : undefined),
  'trace.trace_id': (span) => span.traceId,
  'trace.span_id': (span) => span.spanId,
  'trace.parent_id': (span) => span.parentSpanId ?? undefined,
  'trace.trace_state': (span) => nonEmpty(span.traceState),
  is_root: (span) => span.parentSpanId === null,
  'library.name': (span) => nonEmpty(span.scope.name),
  'library.version': (span) => nonEmpty(span.scope.version),
  'span.num_events': (span) => span.events.length,
  'span.num_links': (span) => span.links.length,
  'meta.signal_type': () => 'trace',
};

/** An attribute's value as a column holds it; null (an empty OTLP value) and nested lists are no value. */
export const scalarOf = (value: AttributeValue | undefined): Scalar | undefined => {
  if (value === undefined || value === null || isNested(value)) return undefined;
  return Array.isArray(value) ? JSON.stringify(value) : value;
};

type AttributeReader = (attributes: Attributes) => Scalar | undefined;

/**
 * Reads `key` from attribute objects, or from inside a nested list:
 * `a.b.c` finds {a: {b: {c: …}}} and {"a.b": {c: …}}. The key's prefixes
 * are split once here, not for every span.
 */
export const attributeReader = (key: string): AttributeReader => {
  const nestings: { head: string; rest: () => AttributeReader }[] = [];
  for (let dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
    let rest: AttributeReader | undefined;
    const tail = key.slice(dot + 1);
    nestings.push({ head: key.slice(0, dot), rest: () => (rest ??= attributeReader(tail)) });
  }
  return (attributes) => {
    if (Object.hasOwn(attributes, key)) return scalarOf(attributes[key]);
    for (const { head, rest } of nestings) {
      if (!Object.hasOwn(attributes, head)) continue;
      const nested = attributes[head];
      if (isNested(nested)) {
        const found = rest()(nested);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
};

/** Reads a column; given the store's `keys`, only from the attribute objects that have ever had it. */
export const columnGetter = (name: string, keys?: ColumnKeys): ColumnGetter => {
  const read = attributeReader(name);
  const derived = (Object.hasOwn(DERIVED_COLUMNS, name) ? DERIVED_COLUMNS[name] : undefined) ?? (() => undefined);
  const inAttributes = keys?.attributes.has(name) ?? true;
  const inResource = keys?.resource.has(name) ?? true;
  if (inAttributes && inResource) return (span) => read(span.attributes) ?? read(span.resource) ?? derived(span);
  if (inAttributes) return (span) => read(span.attributes) ?? derived(span);
  if (inResource) return (span) => read(span.resource) ?? derived(span);
  return derived;
};
