// A minimal protobuf encoder for hand-made test payloads: a message is the
// concatenation of its encoded fields, each a plain byte array.

export type Bytes = number[];

export const varint = (value: bigint | number): Bytes => {
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: Bytes = [];
  while (rest > 0x7fn) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return bytes;
};

const tag = (field: number, wireType: number): Bytes => varint((field << 3) | wireType);

const littleEndian = (size: 4 | 8, write: (view: DataView) => void): Bytes => {
  const view = new DataView(new ArrayBuffer(size));
  write(view);
  return [...new Uint8Array(view.buffer)];
};

export const pb = {
  varint: (field: number, value: bigint | number): Bytes => [...tag(field, 0), ...varint(value)],
  fixed64: (field: number, value: bigint): Bytes => [
    ...tag(field, 1),
    ...littleEndian(8, (view) => {
      view.setBigUint64(0, value, true);
    }),
  ],
  double: (field: number, value: number): Bytes => [
    ...tag(field, 1),
    ...littleEndian(8, (view) => {
      view.setFloat64(0, value, true);
    }),
  ],
  fixed32: (field: number, value: number): Bytes => [
    ...tag(field, 5),
    ...littleEndian(4, (view) => {
      view.setUint32(0, value, true);
    }),
  ],
  bytes: (field: number, value: Bytes | Uint8Array): Bytes => [...tag(field, 2), ...varint(value.length), ...value],
  string: (field: number, value: string): Bytes => pb.bytes(field, new TextEncoder().encode(value)),
  message: (field: number, ...parts: Bytes[]): Bytes => pb.bytes(field, parts.flat()),
  group: (field: number, ...parts: Bytes[]): Bytes => [...tag(field, 3), ...parts.flat(), ...tag(field, 4)],
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
