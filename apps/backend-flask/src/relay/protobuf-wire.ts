import { OtlpPayloadError } from './payload-error.js';

/**
 * Just enough of the protobuf wire format to walk a message's fields and
 * rebuild it: each field as its byte range, kept or replaced untouched.
 * https://protobuf.dev/programming-guides/encoding/
 */

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

export interface WireField {
  readonly number: number;
  readonly wireType: number;
  /** The whole field, tag included. */
  readonly start: number;
  readonly end: number;
  /** Where a length-delimited field's payload starts (it ends at `end`). */
  readonly valueStart: number;
}

const MAX_FIELD_NUMBER = 2 ** 29 - 1;

/** A varint as a number; lengths and tags beyond 2^53 are malformed for our purposes anyway. */
const readVarint = (bytes: Uint8Array, at: number, end: number): { value: number; next: number } => {
  let value = 0;
  let scale = 1;
  for (let pos = at; pos < end && pos - at < 10; pos++) {
    const byte = bytes[pos] ?? 0;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      if (value > Number.MAX_SAFE_INTEGER) throw new OtlpPayloadError('protobuf varint out of range');
      return { value, next: pos + 1 };
    }
    scale *= 128;
  }
  throw new OtlpPayloadError('protobuf varint is truncated or too long');
};

/** The fields of one message occupying bytes[start, end); throws OtlpPayloadError on anything malformed. */
export const readFields = (bytes: Uint8Array, start = 0, end = bytes.length): WireField[] => {
  const fields: WireField[] = [];
  let pos = start;
  while (pos < end) {
    const tag = readVarint(bytes, pos, end);
    const number = Math.floor(tag.value / 8);
    const wireType = tag.value % 8;
    if (number < 1 || number > MAX_FIELD_NUMBER) throw new OtlpPayloadError(`protobuf field number ${String(number)} is invalid`);
    let valueStart = tag.next;
    let next: number;
    switch (wireType) {
      case WIRE_VARINT:
        next = readVarint(bytes, tag.next, end).next;
        break;
      case WIRE_I64:
        next = tag.next + 8;
        break;
      case WIRE_LEN: {
        const length = readVarint(bytes, tag.next, end);
        valueStart = length.next;
        next = length.next + length.value;
        break;
      }
      case WIRE_I32:
        next = tag.next + 4;
        break;
      default:
        // 3 and 4 are the long-deprecated groups, which OTLP never uses; 6 and 7 do not exist.
        throw new OtlpPayloadError(`protobuf wire type ${String(wireType)} is not allowed`);
    }
    if (next > end) throw new OtlpPayloadError('protobuf field runs past the end of its message');
    fields.push({ number, wireType, start: pos, end: next, valueStart });
    pos = next;
  }
  return fields;
};

const encodeVarint = (value: number): Uint8Array => {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return Uint8Array.from(out);
};

/** A length-delimited field: tag, length, payload. */
export const lenField = (number: number, payload: Uint8Array): Uint8Array =>
  Buffer.concat([encodeVarint(number * 8 + WIRE_LEN), encodeVarint(payload.length), payload]);
