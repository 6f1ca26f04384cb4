// Hand-made test payloads as plain byte arrays, so a message is the
// concatenation of its fields: the shared encoder's fields, spread.
import { encode } from '@cruddur/protobuf-wire';

export type Bytes = number[];

const spread = (bytes: Uint8Array): Bytes => [...bytes];

export const pb = {
  varint: (field: number, value: bigint | number): Bytes => spread(encode.varint(field, value)),
  fixed64: (field: number, value: bigint): Bytes => spread(encode.fixed64(field, value)),
  double: (field: number, value: number): Bytes => spread(encode.double(field, value)),
  fixed32: (field: number, value: number): Bytes => spread(encode.fixed32(field, value)),
  bytes: (field: number, value: Bytes | Uint8Array): Bytes => spread(encode.bytes(field, value)),
  string: (field: number, value: string): Bytes => spread(encode.string(field, value)),
  message: (field: number, ...parts: Bytes[]): Bytes => spread(encode.bytes(field, parts.flat())),
  group: (field: number, ...parts: Bytes[]): Bytes => spread(encode.group(field, Uint8Array.from(parts.flat()))),
};

export const toBuffer = (...parts: Bytes[]): Uint8Array => Uint8Array.from(parts.flat());

export const hexBytes = (hex: string): Bytes => [...Buffer.from(hex, 'hex')];

// OTLP building blocks, by the field numbers of opentelemetry-proto.
export const anyValue = {
  string: (value: string): Bytes => pb.string(1, value),
  bool: (value: boolean): Bytes => pb.varint(2, value ? 1 : 0),
  int: (value: bigint | number): Bytes => pb.varint(3, value),
  double: (value: number): Bytes => pb.double(4, value),
  array: (...values: Bytes[]): Bytes => pb.message(5, ...values.map((value) => pb.message(1, value))),
  kvlist: (...entries: Bytes[]): Bytes => pb.message(6, ...entries.map((entry) => pb.message(1, entry))),
  bytes: (value: Bytes): Bytes => pb.bytes(7, value),
};

export const keyValue = (key: string, value: Bytes): Bytes => [...pb.string(1, key), ...pb.message(2, value)];

/** ExportTraceServiceRequest with one ResourceSpans holding one ScopeSpans. */
export const request = (resource: Bytes[], scope: Bytes, spans: Bytes[]): Uint8Array =>
  toBuffer(
    pb.message(
      1,
      pb.message(1, ...resource.map((attribute) => pb.message(1, attribute))),
      pb.message(2, pb.message(1, scope), ...spans.map((span) => pb.message(2, span))),
    ),
  );
