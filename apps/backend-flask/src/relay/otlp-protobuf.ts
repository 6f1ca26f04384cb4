import { MAX_RESOURCE_SPANS } from './otlp-json.js';
import { OtlpPayloadError } from './payload-error.js';
import { lenField, readFields, WIRE_LEN, type WireField } from './protobuf-wire.js';

// Field numbers from opentelemetry-proto: collector/trace/v1/trace_service.proto,
// trace/v1/trace.proto, resource/v1/resource.proto and common/v1/common.proto.
const REQUEST_RESOURCE_SPANS = 1; // ExportTraceServiceRequest.resource_spans
const RESOURCE_SPANS_RESOURCE = 1; // ResourceSpans.resource
const RESOURCE_ATTRIBUTES = 1; // Resource.attributes
const KEY_VALUE_KEY = 1; // KeyValue.key
const KEY_VALUE_VALUE = 2; // KeyValue.value
const ANY_VALUE_STRING = 1; // AnyValue.string_value

const SERVICE_NAME = 'service.name';
const utf8 = new TextDecoder('utf-8', { fatal: false });

const lengthDelimited = (field: WireField, what: string): WireField => {
  if (field.wireType !== WIRE_LEN) throw new OtlpPayloadError(`${what} must be a length-delimited field`);
  return field;
};

/** The key a KeyValue decodes to: the last `key` field wins, as in any protobuf decoder. */
const keyOf = (bytes: Uint8Array, kv: WireField): string => {
  let key = '';
  for (const field of readFields(bytes, kv.valueStart, kv.end)) {
    if (field.number === KEY_VALUE_KEY) {
      key = utf8.decode(bytes.subarray(lengthDelimited(field, 'KeyValue.key').valueStart, field.end));
    }
  }
  return key;
};

const serviceNameAttribute = (serviceName: string): Uint8Array =>
  lenField(
    RESOURCE_ATTRIBUTES,
    Buffer.concat([
      lenField(KEY_VALUE_KEY, Buffer.from(SERVICE_NAME)),
      lenField(KEY_VALUE_VALUE, lenField(ANY_VALUE_STRING, Buffer.from(serviceName))),
    ]),
  );

/** A Resource with every `service.name` attribute dropped and ours appended; other fields kept byte for byte. */
const pinResource = (bytes: Uint8Array, resource: WireField, serviceName: string): Uint8Array => {
  const parts: Uint8Array[] = [];
  for (const field of readFields(bytes, resource.valueStart, resource.end)) {
    const isAttribute = field.number === RESOURCE_ATTRIBUTES;
    if (isAttribute && keyOf(bytes, lengthDelimited(field, 'Resource.attributes')) === SERVICE_NAME) continue;
    parts.push(bytes.subarray(field.start, field.end));
  }
  parts.push(serviceNameAttribute(serviceName));
  return Buffer.concat(parts);
};

/** A ResourceSpans whose resource (each occurrence, or a new one) carries our service name only. */
const pinResourceSpans = (bytes: Uint8Array, entry: WireField, serviceName: string): Uint8Array => {
  const parts: Uint8Array[] = [];
  let hasResource = false;
  for (const field of readFields(bytes, entry.valueStart, entry.end)) {
    if (field.number === RESOURCE_SPANS_RESOURCE) {
      hasResource = true;
      parts.push(lenField(RESOURCE_SPANS_RESOURCE, pinResource(bytes, lengthDelimited(field, 'ResourceSpans.resource'), serviceName)));
    } else {
      parts.push(bytes.subarray(field.start, field.end));
    }
  }
  if (!hasResource) parts.push(lenField(RESOURCE_SPANS_RESOURCE, serviceNameAttribute(serviceName)));
  return Buffer.concat(parts);
};

/**
 * Rewrites a binary ExportTraceServiceRequest so that every resource's
 * `service.name` is `serviceName`, working on the wire format alone: spans
 * and unknown fields pass through byte for byte. Throws OtlpPayloadError when
 * the body is not a well-formed request with 1 to MAX_RESOURCE_SPANS
 * ResourceSpans.
 */
export const pinServiceNameProtobuf = (body: Uint8Array, serviceName: string): Buffer => {
  const parts: Uint8Array[] = [];
  let resourceSpans = 0;
  for (const field of readFields(body)) {
    if (field.number === REQUEST_RESOURCE_SPANS) {
      resourceSpans++;
      if (resourceSpans > MAX_RESOURCE_SPANS) throw new OtlpPayloadError(`more than ${String(MAX_RESOURCE_SPANS)} resource_spans in one export`);
      const entry = lengthDelimited(field, 'ExportTraceServiceRequest.resource_spans');
      parts.push(lenField(REQUEST_RESOURCE_SPANS, pinResourceSpans(body, entry, serviceName)));
    } else {
      parts.push(body.subarray(field.start, field.end));
    }
  }
  if (resourceSpans === 0) throw new OtlpPayloadError('the protobuf body holds no resource_spans');
  return Buffer.concat(parts);
};
