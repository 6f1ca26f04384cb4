// The spans both decoders (protobuf and JSON) produce: OTLP flattened so that
// each span carries its resource and scope, ids as lowercase hex and attribute
// lists as plain objects.

/** An OTLP AnyValue as JSON can carry it: int64 beyond 2^53 and non-finite doubles become strings, bytes base64. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | Attributes;
export interface Attributes {
  [key: string]: AttributeValue;
}

export const SPAN_KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const;
export type SpanKindName = (typeof SPAN_KINDS)[number];

export const STATUS_CODES = ['UNSET', 'OK', 'ERROR'] as const;
export type StatusCodeName = (typeof STATUS_CODES)[number];

export interface Scope {
  name: string;
  version: string;
}

export interface SpanEvent {
  timeUnixNano: bigint;
  name: string;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface DecodedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  traceState: string;
  name: string;
  kind: SpanKindName;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  droppedAttributesCount: number;
  events: SpanEvent[];
  droppedEventsCount: number;
  links: SpanLink[];
  droppedLinksCount: number;
  status: { code: StatusCodeName; message: string };
  /** Shared by every span of one ResourceSpans entry. */
  resource: Attributes;
  scope: Scope;
}

export class OtlpDecodeError extends Error {
  override name = 'OtlpDecodeError';
}

export const TRACE_ID_BYTES = 16;
export const SPAN_ID_BYTES = 8;

/** How deep arrays and key-value lists may nest inside one attribute value. */
export const MAX_VALUE_DEPTH = 32;

/** Sets an own property even for keys such as `__proto__`, which plain assignment would treat specially. */
export const setAttribute = (into: Attributes, key: string, value: AttributeValue): void => {
  Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true });
};

export const spanKindName = (value: number): SpanKindName => SPAN_KINDS[value] ?? 'UNSPECIFIED';
export const statusCodeName = (value: number): StatusCodeName => STATUS_CODES[value] ?? 'UNSET';

export const int64Value = (value: bigint): number | string =>
  value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();

export const doubleValue = (value: number): number | string => (Number.isFinite(value) ? value : String(value));
