// OTLP/JSON-shaped spans written as an OTLP/protobuf ExportTraceServiceRequest,
// by the field numbers of opentelemetry-proto's trace, common and resource
// messages: what the API's exporter sends.
import { encode } from '@cruddur/protobuf-wire';

export type OtlpAnyValue = { stringValue: string } | { intValue: number } | { boolValue: boolean };
export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}
export interface OtlpResource {
  attributes: OtlpKeyValue[];
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  events?: { timeUnixNano: string; name: string }[];
  status?: { code: number; message?: string };
}

const anyValue = (value: OtlpAnyValue): Uint8Array => {
  if ('stringValue' in value) return encode.string(1, value.stringValue);
  if ('boolValue' in value) return encode.varint(2, value.boolValue ? 1 : 0);
  return encode.varint(3, value.intValue);
};

const keyValue = (field: number, { key, value }: OtlpKeyValue): Uint8Array =>
  encode.message(field, encode.string(1, key), encode.message(2, anyValue(value)));

const hex = (value: string): Uint8Array => Buffer.from(value, 'hex');

const span = (s: OtlpSpan): Uint8Array =>
  encode.message(
    2,
    encode.bytes(1, hex(s.traceId)),
    encode.bytes(2, hex(s.spanId)),
    ...(s.parentSpanId === undefined ? [] : [encode.bytes(4, hex(s.parentSpanId))]),
    encode.string(5, s.name),
    encode.varint(6, s.kind),
    encode.fixed64(7, BigInt(s.startTimeUnixNano)),
    encode.fixed64(8, BigInt(s.endTimeUnixNano)),
    ...s.attributes.map((attribute) => keyValue(9, attribute)),
    ...(s.events ?? []).map((event) => encode.message(11, encode.fixed64(1, BigInt(event.timeUnixNano)), encode.string(2, event.name))),
    ...(s.status === undefined ? [] : [encode.message(15, encode.string(2, s.status.message ?? ''), encode.varint(3, s.status.code))]),
  );

/** One ResourceSpans with one ScopeSpans. */
export const encodeTraceRequest = (resource: OtlpResource, scope: string, spans: readonly OtlpSpan[]): Uint8Array =>
  encode.message(
    1,
    encode.message(1, ...resource.attributes.map((attribute) => keyValue(1, attribute))),
    encode.message(2, encode.message(1, encode.string(1, scope), encode.string(2, '0.1.0')), ...spans.map(span)),
  );
