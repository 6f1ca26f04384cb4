import { encode } from '@cruddur/protobuf-wire';
import { OtlpPayloadError } from './payload-error.js';

// An OTLP/JSON ExportTraceServiceRequest as OTLP/protobuf, for X-Ray's OTLP
// endpoint, which the relay sends protobuf. Field numbers are those of
// opentelemetry-proto (collector/trace/v1/trace_service.proto, trace/v1/trace.proto,
// common/v1/common.proto, resource/v1/resource.proto); the JSON is OTLP's
// mapping of them: lowerCamelCase keys, hex ids, 64-bit integers as numbers
// or decimal strings, enums as integers. A field at its default value is
// left out, as protobuf encoders do; keys OTLP does not define are dropped.

type Json = Record<string, unknown>;

const fail = (path: string, expected: string): never => {
  throw new OtlpPayloadError(`${path} must be ${expected}`);
};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const object = (value: unknown, path: string): Json => (value == null ? {} : isObject(value) ? value : fail(path, 'an object'));
const array = (value: unknown, path: string): unknown[] => (value == null ? [] : Array.isArray(value) ? value : fail(path, 'an array'));

const INTEGER = /^-?\d+$/;

const integer = (value: unknown, path: string): bigint => {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && INTEGER.test(value)) return BigInt(value);
  return fail(path, 'an integer (a number or a decimal string)');
};

const inRange = (value: bigint, min: bigint, max: bigint, path: string, what: string): bigint =>
  value >= min && value <= max ? value : fail(path, what);

// Each field writer returns nothing for an absent or default value.
type Part = Uint8Array | undefined;

const string = (field: number, value: unknown, path: string): Part => {
  if (value == null || value === '') return undefined;
  return typeof value === 'string' ? encode.string(field, value) : fail(path, 'a string');
};

/** An unsigned integer field from 0 to `max`, written by `write`. */
const unsigned =
  (max: bigint, what: string, write: (field: number, value: bigint) => Uint8Array) =>
  (field: number, value: unknown, path: string): Part => {
    if (value == null) return undefined;
    const number = inRange(integer(value, path), 0n, max, path, what);
    return number === 0n ? undefined : write(field, number);
  };

const uint32 = unsigned(0xffffffffn, 'a uint32', (field, value) => encode.varint(field, value));
const fixed32 = unsigned(0xffffffffn, 'a fixed32', (field, value) => encode.fixed32(field, Number(value)));
const fixed64 = unsigned(0xffffffffffffffffn, 'a non-negative 64-bit integer', (field, value) => encode.fixed64(field, value));

const enumeration = (field: number, value: unknown, path: string): Part => {
  if (value == null) return undefined;
  const number = inRange(integer(value, path), -0x80000000n, 0x7fffffffn, path, 'an enum integer');
  return number === 0n ? undefined : encode.varint(field, number);
};

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

const id = (field: number, value: unknown, size: number, path: string): Part => {
  if (value == null || value === '') return undefined;
  if (typeof value !== 'string' || value.length !== size * 2 || !HEX.test(value)) return fail(path, `${String(size * 2)} hex digits`);
  return encode.bytes(field, Buffer.from(value, 'hex'));
};

const message = (field: number, parts: readonly Part[]): Uint8Array => encode.message(field, ...parts.filter((part) => part !== undefined));

const repeated = (value: unknown, path: string, each: (entry: unknown, path: string) => Uint8Array): Uint8Array[] =>
  array(value, path).map((entry, i) => each(entry, `${path}[${String(i)}]`));

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** AnyValue: exactly the member that is set (a null member is not set). */
const anyValue = (field: number, value: unknown, path: string): Uint8Array => {
  const json = object(value, path);
  if (json.stringValue != null) return message(field, [typeof json.stringValue === 'string' ? encode.string(1, json.stringValue) : fail(`${path}.stringValue`, 'a string')]);
  if (json.boolValue != null) {
    return message(field, [typeof json.boolValue === 'boolean' ? encode.varint(2, json.boolValue ? 1 : 0) : fail(`${path}.boolValue`, 'a boolean')]);
  }
  if (json.intValue != null) {
    const number = inRange(integer(json.intValue, `${path}.intValue`), -(2n ** 63n), 2n ** 63n - 1n, `${path}.intValue`, 'a 64-bit integer');
    return message(field, [encode.varint(3, number)]);
  }
  if (json.doubleValue != null) return message(field, [encode.double(4, double(json.doubleValue, `${path}.doubleValue`))]);
  if (json.arrayValue != null) {
    const values = object(json.arrayValue, `${path}.arrayValue`).values;
    return message(field, [message(5, repeated(values, `${path}.arrayValue.values`, (entry, at) => anyValue(1, entry, at)))]);
  }
  if (json.kvlistValue != null) {
    const values = object(json.kvlistValue, `${path}.kvlistValue`).values;
    return message(field, [message(6, repeated(values, `${path}.kvlistValue.values`, (entry, at) => keyValue(1, entry, at)))]);
  }
  if (json.bytesValue != null) {
    const text = json.bytesValue;
    return message(field, [typeof text === 'string' && BASE64.test(text) ? encode.bytes(7, Buffer.from(text, 'base64')) : fail(`${path}.bytesValue`, 'base64')]);
  }
  return message(field, []);
};

const double = (value: unknown, path: string): number => {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return fail(path, 'a number');
};

const keyValue = (field: number, value: unknown, path: string): Uint8Array => {
  const json = object(value, path);
  return message(field, [string(1, json.key, `${path}.key`), json.value == null ? undefined : anyValue(2, json.value, `${path}.value`)]);
};

const attributes = (field: number, value: unknown, path: string): Uint8Array[] => repeated(value, path, (entry, at) => keyValue(field, entry, at));

const event = (value: unknown, path: string): Uint8Array => {
  const json = object(value, path);
  return message(11, [
    fixed64(1, json.timeUnixNano, `${path}.timeUnixNano`),
    string(2, json.name, `${path}.name`),
    ...attributes(3, json.attributes, `${path}.attributes`),
    uint32(4, json.droppedAttributesCount, `${path}.droppedAttributesCount`),
  ]);
};

const link = (value: unknown, path: string): Uint8Array => {
  const json = object(value, path);
  return message(13, [
    id(1, json.traceId, 16, `${path}.traceId`),
    id(2, json.spanId, 8, `${path}.spanId`),
    string(3, json.traceState, `${path}.traceState`),
    ...attributes(4, json.attributes, `${path}.attributes`),
    uint32(5, json.droppedAttributesCount, `${path}.droppedAttributesCount`),
    fixed32(6, json.flags, `${path}.flags`),
  ]);
};

const span = (value: unknown, path: string): Uint8Array => {
  const json = object(value, path);
  const status = object(json.status, `${path}.status`);
  return message(2, [
    id(1, json.traceId, 16, `${path}.traceId`),
    id(2, json.spanId, 8, `${path}.spanId`),
    string(3, json.traceState, `${path}.traceState`),
    id(4, json.parentSpanId, 8, `${path}.parentSpanId`),
    string(5, json.name, `${path}.name`),
    enumeration(6, json.kind, `${path}.kind`),
    fixed64(7, json.startTimeUnixNano, `${path}.startTimeUnixNano`),
    fixed64(8, json.endTimeUnixNano, `${path}.endTimeUnixNano`),
    ...attributes(9, json.attributes, `${path}.attributes`),
    uint32(10, json.droppedAttributesCount, `${path}.droppedAttributesCount`),
    ...repeated(json.events, `${path}.events`, event),
    uint32(12, json.droppedEventsCount, `${path}.droppedEventsCount`),
    ...repeated(json.links, `${path}.links`, link),
    uint32(14, json.droppedLinksCount, `${path}.droppedLinksCount`),
    json.status == null ? undefined : message(15, [string(2, status.message, `${path}.status.message`), enumeration(3, status.code, `${path}.status.code`)]),
    fixed32(16, json.flags, `${path}.flags`),
  ]);
};

const scope = (value: unknown, path: string): Uint8Array => {
  const json = object(value, path);
  return message(1, [
    string(1, json.name, `${path}.name`),
    string(2, json.version, `${path}.version`),
    ...attributes(3, json.attributes, `${path}.attributes`),
    uint32(4, json.droppedAttributesCount, `${path}.droppedAttributesCount`),
  ]);
};

export interface ProtobufExport {
  readonly body: Buffer;
  readonly spans: number;
}

/**
 * The request as OTLP/protobuf, with its span count. Throws OtlpPayloadError
 * naming the first field that is not as OTLP/JSON has it.
 */
export const otlpJsonToProtobuf = (request: unknown): ProtobufExport => {
  let spans = 0;
  const resourceSpans = repeated(object(request, 'the request').resourceSpans, 'resourceSpans', (entry, path) => {
    const json = object(entry, path);
    const resource = object(json.resource, `${path}.resource`);
    const scopeSpans = repeated(json.scopeSpans, `${path}.scopeSpans`, (scoped, at) => {
      const scopeJson = object(scoped, at);
      const encoded = repeated(scopeJson.spans, `${at}.spans`, span);
      spans += encoded.length;
      return message(2, [
        scopeJson.scope == null ? undefined : scope(scopeJson.scope, `${at}.scope`),
        ...encoded,
        string(3, scopeJson.schemaUrl, `${at}.schemaUrl`),
      ]);
    });
    return message(1, [
      json.resource == null
        ? undefined
        : message(1, [...attributes(1, resource.attributes, `${path}.resource.attributes`), uint32(2, resource.droppedAttributesCount, `${path}.resource.droppedAttributesCount`)]),
      ...scopeSpans,
      string(3, json.schemaUrl, `${path}.schemaUrl`),
    ]);
  });
  return { body: Buffer.concat(resourceSpans), spans };
};
