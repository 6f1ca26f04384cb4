// ExportTraceServiceRequest in the OTLP/JSON encoding: the proto3 JSON mapping
// with lowerCamelCase keys, hex ids (base64 tolerated), int64 as numbers or
// decimal strings and enums as integers (names tolerated). Unknown keys are
// ignored and null means "not set", as the mapping requires.

import { idBytesFromJson, parentSpanIdHex, spanIdHex, traceIdHex } from './ids.js';
import {
  type AttributeValue,
  type Attributes,
  type DecodedSpan,
  doubleValue,
  int64Value,
  MAX_VALUE_DEPTH,
  OtlpDecodeError,
  type Scope,
  setAttribute,
  SPAN_ID_BYTES,
  SPAN_KINDS,
  type SpanEvent,
  type SpanLink,
  spanKindName,
  STATUS_CODES,
  statusCodeName,
  TRACE_ID_BYTES,
} from './model.js';

type Json = Record<string, unknown>;

const fail = (path: string, expected: string): never => {
  throw new OtlpDecodeError(`${path} must be ${expected}`);
};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const object = (value: unknown, path: string): Json => {
  if (value === undefined || value === null) return {};
  return isObject(value) ? value : fail(path, 'an object');
};

const array = (value: unknown, path: string): unknown[] => {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : fail(path, 'an array');
};

const string = (value: unknown, path: string): string => {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : fail(path, 'a string');
};

const INTEGER = /^-?\d+$/;

/** int64/uint64/fixed64: a JSON number or a decimal string. */
const int64 = (value: unknown, path: string): bigint => {
  if (value === undefined || value === null) return 0n;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && INTEGER.test(value)) return BigInt(value);
  return fail(path, 'an integer (number or decimal string)');
};

const uint32 = (value: unknown, path: string): number => {
  const result = int64(value, path);
  return result >= 0n && result <= 0xffffffffn ? Number(result) : fail(path, 'a uint32');
};

const unixNano = (value: unknown, path: string): bigint => {
  const result = int64(value, path);
  return result >= 0n ? result : fail(path, 'a non-negative timestamp');
};

const double = (value: unknown, path: string): number => {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return fail(path, 'a number');
};

/** An enum: its integer value as OTLP requires, or its name as the stock JSON mapping allows. */
const enumValue = (value: unknown, path: string, names: readonly string[], prefix: string): number => {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    const index = names.indexOf(value.startsWith(prefix) ? value.slice(prefix.length) : value);
    if (index >= 0) return index;
  }
  return fail(path, `an enum integer or ${prefix}* name`);
};

const idBytes = (value: unknown, size: number, path: string): Uint8Array => {
  const text = string(value, path);
  return text === '' ? new Uint8Array() : idBytesFromJson(text, size, path);
};

export const decodeJsonRequest = (body: unknown): DecodedSpan[] => {
  const request = isObject(body) ? body : fail('the request body', 'a JSON object (ExportTraceServiceRequest)');
  return array(request.resourceSpans, 'resourceSpans').flatMap((entry, i) =>
    resourceSpans(entry, `resourceSpans[${String(i)}]`),
  );
};

const resourceSpans = (value: unknown, path: string): DecodedSpan[] => {
  const json = object(value, path);
  const resource = attributes(object(json.resource, `${path}.resource`).attributes, `${path}.resource.attributes`, 0);
  return array(json.scopeSpans, `${path}.scopeSpans`).flatMap((entry, i) => {
    const scopePath = `${path}.scopeSpans[${String(i)}]`;
    const scopeJson = object(entry, scopePath);
    const scope = instrumentationScope(scopeJson.scope, `${scopePath}.scope`);
    return array(scopeJson.spans, `${scopePath}.spans`).map((spanJson, j) => ({
      ...span(spanJson, `${scopePath}.spans[${String(j)}]`),
      resource,
      scope,
    }));
  });
};

const instrumentationScope = (value: unknown, path: string): Scope => {
  const json = object(value, path);
  return { name: string(json.name, `${path}.name`), version: string(json.version, `${path}.version`) };
};

const span = (value: unknown, path: string): Omit<DecodedSpan, 'resource' | 'scope'> => {
  const json = object(value, path);
  const status = object(json.status, `${path}.status`);
  return {
    traceId: traceIdHex(idBytes(json.traceId, TRACE_ID_BYTES, `${path}.traceId`), `${path}.traceId`),
    spanId: spanIdHex(idBytes(json.spanId, SPAN_ID_BYTES, `${path}.spanId`), `${path}.spanId`),
    parentSpanId: parentSpanIdHex(idBytes(json.parentSpanId, SPAN_ID_BYTES, `${path}.parentSpanId`)),
    traceState: string(json.traceState, `${path}.traceState`),
    name: string(json.name, `${path}.name`),
    kind: spanKindName(enumValue(json.kind, `${path}.kind`, SPAN_KINDS, 'SPAN_KIND_')),
    startTimeUnixNano: unixNano(json.startTimeUnixNano, `${path}.startTimeUnixNano`),
    endTimeUnixNano: unixNano(json.endTimeUnixNano, `${path}.endTimeUnixNano`),
    attributes: attributes(json.attributes, `${path}.attributes`, 0),
    droppedAttributesCount: uint32(json.droppedAttributesCount, `${path}.droppedAttributesCount`),
    events: array(json.events, `${path}.events`).map((entry, i) => event(entry, `${path}.events[${String(i)}]`)),
    droppedEventsCount: uint32(json.droppedEventsCount, `${path}.droppedEventsCount`),
    links: array(json.links, `${path}.links`).map((entry, i) => link(entry, `${path}.links[${String(i)}]`)),
    droppedLinksCount: uint32(json.droppedLinksCount, `${path}.droppedLinksCount`),
    status: {
      code: statusCodeName(enumValue(status.code, `${path}.status.code`, STATUS_CODES, 'STATUS_CODE_')),
      message: string(status.message, `${path}.status.message`),
    },
  };
};

const event = (value: unknown, path: string): SpanEvent => {
  const json = object(value, path);
  return {
    timeUnixNano: unixNano(json.timeUnixNano, `${path}.timeUnixNano`),
    name: string(json.name, `${path}.name`),
    attributes: attributes(json.attributes, `${path}.attributes`, 0),
    droppedAttributesCount: uint32(json.droppedAttributesCount, `${path}.droppedAttributesCount`),
  };
};

const link = (value: unknown, path: string): SpanLink => {
  const json = object(value, path);
  return {
    traceId: traceIdHex(idBytes(json.traceId, TRACE_ID_BYTES, `${path}.traceId`), `${path}.traceId`),
    spanId: spanIdHex(idBytes(json.spanId, SPAN_ID_BYTES, `${path}.spanId`), `${path}.spanId`),
    traceState: string(json.traceState, `${path}.traceState`),
    attributes: attributes(json.attributes, `${path}.attributes`, 0),
    droppedAttributesCount: uint32(json.droppedAttributesCount, `${path}.droppedAttributesCount`),
  };
};

/** A list of KeyValue as a plain object; a later duplicate key wins. */
const attributes = (value: unknown, path: string, depth: number): Attributes => {
  const result: Attributes = {};
  array(value, path).forEach((entry, i) => {
    const json = object(entry, `${path}[${String(i)}]`);
    setAttribute(result, string(json.key, `${path}[${String(i)}].key`), anyValue(json.value, `${path}[${String(i)}].value`, depth));
  });
  return result;
};

const anyValue = (value: unknown, path: string, depth: number): AttributeValue => {
  if (depth > MAX_VALUE_DEPTH) throw new OtlpDecodeError(`attribute values nest deeper than ${String(MAX_VALUE_DEPTH)}`);
  const json = object(value, path);
  if (json.stringValue != null) return string(json.stringValue, `${path}.stringValue`);
  if (json.boolValue != null) {
    return typeof json.boolValue === 'boolean' ? json.boolValue : fail(`${path}.boolValue`, 'a boolean');
  }
  if (json.intValue != null) return int64Value(int64(json.intValue, `${path}.intValue`));
  if (json.doubleValue != null) return doubleValue(double(json.doubleValue, `${path}.doubleValue`));
  if (json.arrayValue != null) {
    const values = array(object(json.arrayValue, `${path}.arrayValue`).values, `${path}.arrayValue.values`);
    return values.map((entry, i) => anyValue(entry, `${path}.arrayValue.values[${String(i)}]`, depth + 1));
  }
  if (json.kvlistValue != null) {
    return attributes(object(json.kvlistValue, `${path}.kvlistValue`).values, `${path}.kvlistValue.values`, depth + 1);
  }
  if (json.bytesValue != null) return bytesValue(json.bytesValue, `${path}.bytesValue`);
  return null;
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** bytes are base64 in the JSON mapping; kept as base64 (normalised) for display. */
const bytesValue = (value: unknown, path: string): string => {
  const text = string(value, path);
  return BASE64.test(text) ? Buffer.from(text, 'base64').toString('base64') : fail(path, 'base64');
};
