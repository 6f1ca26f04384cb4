// ExportTraceServiceRequest in the protobuf binary encoding. Field numbers are
// those of opentelemetry-proto: collector/trace/v1/trace_service.proto,
// trace/v1/trace.proto, common/v1/common.proto and resource/v1/resource.proto.
// Fields not listed (schema urls, flags, entity refs, ...) are skipped.

import { ProtobufDecodeError, WireReader as Reader } from '@cruddur/protobuf-wire';
import { parentSpanIdHex, spanIdHex, traceIdHex } from './ids.js';
import {
  type AttributeValue,
  type Attributes,
  type DecodedSpan,
  doubleValue,
  int64Value,
  MAX_VALUE_DEPTH,
  OtlpDecodeError,
  type Scope,
  type SpanEvent,
  type SpanLink,
  setAttribute,
  spanKindName,
  statusCodeName,
} from './model.js';

type ResourceFree = Omit<DecodedSpan, 'resource' | 'scope'>;

export const decodeProtobufRequest = (body: Uint8Array): DecodedSpan[] => {
  try {
    const spans: DecodedSpan[] = [];
    const request = new Reader(body);
    for (const field of request.fields()) {
      if (field.number === 1) spans.push(...resourceSpans(request.message(field)));
      else request.skip(field);
    }
    return spans;
  } catch (error) {
    if (error instanceof ProtobufDecodeError) throw new OtlpDecodeError(`invalid protobuf: ${error.message}`);
    throw error;
  }
};

const resourceSpans = (r: Reader): DecodedSpan[] => {
  const resource: Attributes = {};
  const scoped: { scope: Scope; spans: ResourceFree[] }[] = [];
  for (const field of r.fields()) {
    if (field.number === 1) resourceAttributes(r.message(field), resource);
    else if (field.number === 2) scoped.push(scopeSpans(r.message(field)));
    else r.skip(field);
  }
  return scoped.flatMap(({ scope, spans }) => spans.map((span) => ({ ...span, resource, scope })));
};

const resourceAttributes = (r: Reader, into: Attributes): void => {
  for (const field of r.fields()) {
    if (field.number === 1) keyValue(r.message(field), into);
    else r.skip(field);
  }
};

const scopeSpans = (r: Reader): { scope: Scope; spans: ResourceFree[] } => {
  const scope: Scope = { name: '', version: '' };
  const spans: ResourceFree[] = [];
  for (const field of r.fields()) {
    if (field.number === 1) instrumentationScope(r.message(field), scope);
    else if (field.number === 2) spans.push(span(r.message(field)));
    else r.skip(field);
  }
  return { scope, spans };
};

const instrumentationScope = (r: Reader, into: Scope): void => {
  for (const field of r.fields()) {
    if (field.number === 1) into.name = r.string(field);
    else if (field.number === 2) into.version = r.string(field);
    else r.skip(field);
  }
};

const span = (r: Reader): ResourceFree => {
  let traceId: Uint8Array | undefined;
  let spanId: Uint8Array | undefined;
  let parentSpanId: Uint8Array = new Uint8Array();
  const result: Omit<ResourceFree, 'traceId' | 'spanId' | 'parentSpanId'> = {
    traceState: '',
    name: '',
    kind: 'UNSPECIFIED',
    startTimeUnixNano: 0n,
    endTimeUnixNano: 0n,
    attributes: {},
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: 'UNSET', message: '' },
  };
  for (const field of r.fields()) {
    switch (field.number) {
      case 1:
        traceId = r.bytes(field);
        break;
      case 2:
        spanId = r.bytes(field);
        break;
      case 3:
        result.traceState = r.string(field);
        break;
      case 4:
        parentSpanId = r.bytes(field);
        break;
      case 5:
        result.name = r.string(field);
        break;
      case 6:
        result.kind = spanKindName(r.int32(field));
        break;
      case 7:
        result.startTimeUnixNano = r.fixed64(field);
        break;
      case 8:
        result.endTimeUnixNano = r.fixed64(field);
        break;
      case 9:
        keyValue(r.message(field), result.attributes);
        break;
      case 10:
        result.droppedAttributesCount = r.uint32(field);
        break;
      case 11:
        result.events.push(event(r.message(field)));
        break;
      case 12:
        result.droppedEventsCount = r.uint32(field);
        break;
      case 13:
        result.links.push(link(r.message(field)));
        break;
      case 14:
        result.droppedLinksCount = r.uint32(field);
        break;
      case 15:
        status(r.message(field), result.status);
        break;
      default:
        r.skip(field);
    }
  }
  return {
    ...result,
    traceId: traceIdHex(traceId ?? new Uint8Array()),
    spanId: spanIdHex(spanId ?? new Uint8Array()),
    parentSpanId: parentSpanIdHex(parentSpanId),
  };
};

const event = (r: Reader): SpanEvent => {
  const result: SpanEvent = { timeUnixNano: 0n, name: '', attributes: {}, droppedAttributesCount: 0 };
  for (const field of r.fields()) {
    if (field.number === 1) result.timeUnixNano = r.fixed64(field);
    else if (field.number === 2) result.name = r.string(field);
    else if (field.number === 3) keyValue(r.message(field), result.attributes);
    else if (field.number === 4) result.droppedAttributesCount = r.uint32(field);
    else r.skip(field);
  }
  return result;
};

const link = (r: Reader): SpanLink => {
  let traceId: Uint8Array = new Uint8Array();
  let spanId: Uint8Array = new Uint8Array();
  const result = { traceState: '', attributes: {} as Attributes, droppedAttributesCount: 0 };
  for (const field of r.fields()) {
    if (field.number === 1) traceId = r.bytes(field);
    else if (field.number === 2) spanId = r.bytes(field);
    else if (field.number === 3) result.traceState = r.string(field);
    else if (field.number === 4) keyValue(r.message(field), result.attributes);
    else if (field.number === 5) result.droppedAttributesCount = r.uint32(field);
    else r.skip(field);
  }
  return { ...result, traceId: traceIdHex(traceId, 'link traceId'), spanId: spanIdHex(spanId, 'link spanId') };
};

const status = (r: Reader, into: DecodedSpan['status']): void => {
  for (const field of r.fields()) {
    if (field.number === 2) into.message = r.string(field);
    else if (field.number === 3) into.code = statusCodeName(r.int32(field));
    else r.skip(field);
  }
};

/** KeyValue { key = 1; value = 2 }, added to `into`; a later duplicate key wins. */
const keyValue = (r: Reader, into: Attributes, depth = 0): void => {
  let key = '';
  let value: AttributeValue = null;
  for (const field of r.fields()) {
    if (field.number === 1) key = r.string(field);
    else if (field.number === 2) value = anyValue(r.message(field), depth);
    else r.skip(field);
  }
  setAttribute(into, key, value);
};

const anyValue = (r: Reader, depth: number): AttributeValue => {
  if (depth > MAX_VALUE_DEPTH) throw new OtlpDecodeError(`attribute values nest deeper than ${String(MAX_VALUE_DEPTH)}`);
  let value: AttributeValue = null;
  for (const field of r.fields()) {
    switch (field.number) {
      case 1:
        value = r.string(field);
        break;
      case 2:
        value = r.bool(field);
        break;
      case 3:
        value = int64Value(r.int64(field));
        break;
      case 4:
        value = doubleValue(r.double(field));
        break;
      case 5:
        value = arrayValue(r.message(field), depth + 1);
        break;
      case 6:
        value = kvlistValue(r.message(field), depth + 1);
        break;
      case 7:
        value = Buffer.from(r.bytes(field)).toString('base64');
        break;
      default:
        r.skip(field);
    }
  }
  return value;
};

const arrayValue = (r: Reader, depth: number): AttributeValue[] => {
  const values: AttributeValue[] = [];
  for (const field of r.fields()) {
    if (field.number === 1) values.push(anyValue(r.message(field), depth));
    else r.skip(field);
  }
  return values;
};

const kvlistValue = (r: Reader, depth: number): Attributes => {
  const values: Attributes = {};
  for (const field of r.fields()) {
    if (field.number === 1) keyValue(r.message(field), values, depth);
    else r.skip(field);
  }
  return values;
};
