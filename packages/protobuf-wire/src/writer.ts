// The wire format written field by field: what the relay rebuilds, the
// viewer's error bodies, and the tests' hand-made payloads (malformed ones
// included, so nothing here checks). https://protobuf.dev/programming-guides/encoding/
import { WireType } from './reader.js';

const concat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

/** A varint, as unsigned 64 bits: negative numbers take ten bytes, as protobuf sends them. */
export const varint = (value: number | bigint): Uint8Array => {
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  while (rest > 0x7fn) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return Uint8Array.from(bytes);
};

/** A field's tag: its number and wire type. */
export const tag = (field: number, wireType: WireType): Uint8Array => varint(field * 8 + wireType);

const littleEndian = (size: 4 | 8, write: (view: DataView) => void): Uint8Array => {
  const bytes = new Uint8Array(size);
  write(new DataView(bytes.buffer));
  return bytes;
};

/** One field of each wire type, and the length-delimited kinds by name. */
export const encode = {
  varint: (field: number, value: number | bigint): Uint8Array => concat(tag(field, WireType.VARINT), varint(value)),
  fixed64: (field: number, value: bigint): Uint8Array =>
    concat(
      tag(field, WireType.I64),
      littleEndian(8, (view) => {
        view.setBigUint64(0, value, true);
      }),
    ),
  double: (field: number, value: number): Uint8Array =>
    concat(
      tag(field, WireType.I64),
      littleEndian(8, (view) => {
        view.setFloat64(0, value, true);
      }),
    ),
  fixed32: (field: number, value: number): Uint8Array =>
    concat(
      tag(field, WireType.I32),
      littleEndian(4, (view) => {
        view.setUint32(0, value, true);
      }),
    ),
  /** A length-delimited field: tag, length, payload. */
  bytes: (field: number, payload: Uint8Array | readonly number[]): Uint8Array =>
    concat(tag(field, WireType.LEN), varint(payload.length), Uint8Array.from(payload)),
  string: (field: number, value: string): Uint8Array => encode.bytes(field, new TextEncoder().encode(value)),
  message: (field: number, ...fields: Uint8Array[]): Uint8Array => encode.bytes(field, concat(...fields)),
  /** The long-deprecated group, which OTLP never sends: readers must still skip one. */
  group: (field: number, ...fields: Uint8Array[]): Uint8Array =>
    concat(tag(field, WireType.START_GROUP), ...fields, tag(field, WireType.END_GROUP)),
};
