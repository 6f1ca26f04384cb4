import { encode, fieldRanges, ProtobufDecodeError, WireType, type FieldRange } from '@cruddur/protobuf-wire';
import { MAX_RESOURCE_SPANS } from './otlp-json.js';
import { OtlpPayloadError } from './payload-error.js';

// Field numbers from opentelemetry-proto: collector/trace/v1/trace_service.proto,
// trace/v1/trace.proto, resource/v1/resource.proto and common/v1/common.proto.
const REQUEST_RESOURCE_SPANS = 1; // ExportTraceServiceRequest.resource_spans
const RESOURCE_SPANS_RESOURCE = 1; // ResourceSpans.resource
const RESOURCE_SPANS_SCOPE_SPANS = 2; // ResourceSpans.scope_spans
const RESOURCE_ATTRIBUTES = 1; // Resource.attributes
const SCOPE_SPANS_SPANS = 2; // ScopeSpans.spans
const SPAN_ATTRIBUTES = 9; // Span.attributes
const SPAN_EVENTS = 11; // Span.events
const SPAN_LINKS = 13; // Span.links
const EVENT_ATTRIBUTES = 3; // Span.Event.attributes
const LINK_ATTRIBUTES = 4; // Span.Link.attributes
const KEY_VALUE_KEY = 1; // KeyValue.key
const KEY_VALUE_VALUE = 2; // KeyValue.value
const ANY_VALUE_STRING = 1; // AnyValue.string_value

const SERVICE_NAME = 'service.name';
const utf8 = new TextDecoder('utf-8', { fatal: false });

const lengthDelimited = (field: FieldRange, what: string): FieldRange => {
  if (field.wireType !== WireType.LEN) throw new OtlpPayloadError(`${what} must be a length-delimited field`);
  return field;
};

/** The fields of a message, as byte ranges; a malformed one is a bad payload. */
const readFields = (bytes: Uint8Array, start?: number, end?: number): FieldRange[] => {
  try {
    return fieldRanges(bytes, start, end);
  } catch (error) {
    if (error instanceof ProtobufDecodeError) throw new OtlpPayloadError(`invalid protobuf: ${error.message}`);
    throw error;
  }
};

/**
 * The embedded message `field` rebuilt: `rewrite` gives a field's new bytes,
 * or undefined to keep it byte for byte.
 */
const rebuild = (bytes: Uint8Array, field: FieldRange, what: string, rewrite: (inner: FieldRange) => Uint8Array | undefined): Uint8Array => {
  const message = lengthDelimited(field, what);
  const parts = readFields(bytes, message.valueStart, message.end).map((inner) => rewrite(inner) ?? bytes.subarray(inner.start, inner.end));
  return encode.bytes(field.number, Buffer.concat(parts));
};

/** The key a KeyValue decodes to: the last `key` field wins, as in any protobuf decoder. */
const keyOf = (bytes: Uint8Array, kv: FieldRange): string => {
  let key = '';
  for (const field of readFields(bytes, kv.valueStart, kv.end)) {
    if (field.number === KEY_VALUE_KEY) {
      key = utf8.decode(bytes.subarray(lengthDelimited(field, 'KeyValue.key').valueStart, field.end));
    }
  }
  return key;
};

/** A `service.name` KeyValue as field `number` of its message. */
const serviceNameAttribute = (number: number, serviceName: string): Uint8Array =>
  encode.message(number, encode.string(KEY_VALUE_KEY, SERVICE_NAME), encode.message(KEY_VALUE_VALUE, encode.string(ANY_VALUE_STRING, serviceName)));

const isServiceName = (bytes: Uint8Array, field: FieldRange, attributes: number, what: string): boolean =>
  field.number === attributes && keyOf(bytes, lengthDelimited(field, what)) === SERVICE_NAME;

/** A Resource with every `service.name` attribute dropped and ours appended; other fields kept byte for byte. */
const pinResource = (bytes: Uint8Array, resource: FieldRange, serviceName: string): Uint8Array => {
  const { valueStart, end } = lengthDelimited(resource, 'ResourceSpans.resource');
  const kept = readFields(bytes, valueStart, end)
    .filter((field) => !isServiceName(bytes, field, RESOURCE_ATTRIBUTES, 'Resource.attributes'))
    .map((field) => bytes.subarray(field.start, field.end));
  return encode.bytes(RESOURCE_SPANS_RESOURCE, Buffer.concat([...kept, serviceNameAttribute(RESOURCE_ATTRIBUTES, serviceName)]));
};

/**
 * A span whose `service.name` attributes, its own, its events' and its
 * links', say `serviceName`: Honeycomb reads a span's attributes beside its
 * resource's, so one there would pass the span off as another service's.
 */
const pinSpan = (bytes: Uint8Array, span: FieldRange, serviceName: string): Uint8Array => {
  const pinAttributes = (attributes: number, what: string) => (field: FieldRange) =>
    isServiceName(bytes, field, attributes, what) ? serviceNameAttribute(attributes, serviceName) : undefined;
  return rebuild(bytes, span, 'ScopeSpans.spans', (field) => {
    if (field.number === SPAN_EVENTS) return rebuild(bytes, field, 'Span.events', pinAttributes(EVENT_ATTRIBUTES, 'Event.attributes'));
    if (field.number === SPAN_LINKS) return rebuild(bytes, field, 'Span.links', pinAttributes(LINK_ATTRIBUTES, 'Link.attributes'));
    return pinAttributes(SPAN_ATTRIBUTES, 'Span.attributes')(field);
  });
};

/** A ResourceSpans whose resource (each occurrence, or a new one) and spans carry our service name only. */
const pinResourceSpans = (bytes: Uint8Array, entry: FieldRange, serviceName: string): Uint8Array => {
  const { valueStart, end } = lengthDelimited(entry, 'ExportTraceServiceRequest.resource_spans');
  const fields = readFields(bytes, valueStart, end);
  const parts = fields.map((field) => {
    if (field.number === RESOURCE_SPANS_RESOURCE) return pinResource(bytes, field, serviceName);
    if (field.number === RESOURCE_SPANS_SCOPE_SPANS) {
      return rebuild(bytes, field, 'ResourceSpans.scope_spans', (inner) =>
        inner.number === SCOPE_SPANS_SPANS ? pinSpan(bytes, inner, serviceName) : undefined,
      );
    }
    return bytes.subarray(field.start, field.end);
  });
  if (!fields.some((field) => field.number === RESOURCE_SPANS_RESOURCE)) {
    parts.push(encode.message(RESOURCE_SPANS_RESOURCE, serviceNameAttribute(RESOURCE_ATTRIBUTES, serviceName)));
  }
  return encode.bytes(REQUEST_RESOURCE_SPANS, Buffer.concat(parts));
};

/**
 * Rewrites a binary ExportTraceServiceRequest so that every resource's
 * `service.name`, and any a span carries as an attribute, is `serviceName`,
 * working on the wire format alone: everything else passes through byte for
 * byte, unknown fields included. Throws OtlpPayloadError when the body is
 * not a well-formed request with 1 to MAX_RESOURCE_SPANS ResourceSpans.
 */
export const pinServiceNameProtobuf = (body: Uint8Array, serviceName: string): Buffer => {
  const parts: Uint8Array[] = [];
  let resourceSpans = 0;
  for (const field of readFields(body)) {
    if (field.number === REQUEST_RESOURCE_SPANS) {
      resourceSpans++;
      if (resourceSpans > MAX_RESOURCE_SPANS) throw new OtlpPayloadError(`more than ${String(MAX_RESOURCE_SPANS)} resource_spans in one export`);
      parts.push(pinResourceSpans(body, field, serviceName));
    } else {
      parts.push(body.subarray(field.start, field.end));
    }
  }
  if (resourceSpans === 0) throw new OtlpPayloadError('the protobuf body holds no resource_spans');
  return Buffer.concat(parts);
};

/** How many spans a request that pinServiceNameProtobuf accepted holds. */
export const countSpansProtobuf = (body: Uint8Array): number => {
  let spans = 0;
  for (const entry of readFields(body)) {
    if (entry.number !== REQUEST_RESOURCE_SPANS) continue;
    for (const scoped of readFields(body, entry.valueStart, entry.end)) {
      if (scoped.number !== RESOURCE_SPANS_SCOPE_SPANS) continue;
      spans += readFields(body, scoped.valueStart, scoped.end).filter((field) => field.number === SCOPE_SPANS_SPANS).length;
    }
  }
  return spans;
};
