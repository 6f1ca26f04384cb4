// A reader for the protobuf binary wire format: just enough to walk a message
// field by field, read the scalar kinds OTLP uses and skip everything else,
// or to cut a message into its fields' byte ranges and rebuild it.
// https://protobuf.dev/programming-guides/encoding/

export class ProtobufDecodeError extends Error {
  override name = 'ProtobufDecodeError';
}

export const WireType = {
  VARINT: 0,
  I64: 1,
  LEN: 2,
  START_GROUP: 3,
  END_GROUP: 4,
  I32: 5,
} as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

export interface Field {
  readonly number: number;
  readonly wireType: WireType;
}

/** A field as bytes of its message: the whole field from its tag, and where a length-delimited one's payload starts. */
export interface FieldRange extends Field {
  readonly start: number;
  readonly end: number;
  readonly valueStart: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const MAX_VARINT_BYTES = 10;

export class WireReader {
  private pos: number;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    private readonly end = buf.length,
  ) {
    this.pos = start;
  }

  /** Where the next read starts. */
  get position(): number {
    return this.pos;
  }

  /** Yields each field's tag; the caller must consume its value (read or skip) before the next. */
  *fields(): Generator<Field> {
    while (this.pos < this.end) {
      const at = this.pos;
      const tag = this.varint();
      const number = Number(tag >> 3n);
      const wireType = Number(tag & 7n);
      if (number === 0 || number > 0x1fffffff) throw this.error(`invalid field number ${String(number)}`, at);
      if (!isWireType(wireType)) throw this.error(`invalid wire type ${String(wireType)}`, at);
      if (wireType === WireType.END_GROUP) throw this.error('unexpected end-group tag', at);
      yield { number, wireType };
    }
  }

  /** int32 and enum fields: the low 32 bits of the varint, signed (negative values are sent as 10 bytes). */
  int32(field: Field): number {
    this.expect(field, WireType.VARINT);
    return Number(BigInt.asIntN(32, this.varint()));
  }

  uint32(field: Field): number {
    this.expect(field, WireType.VARINT);
    return Number(BigInt.asUintN(32, this.varint()));
  }

  int64(field: Field): bigint {
    this.expect(field, WireType.VARINT);
    return BigInt.asIntN(64, this.varint());
  }

  bool(field: Field): boolean {
    this.expect(field, WireType.VARINT);
    return this.varint() !== 0n;
  }

  fixed64(field: Field): bigint {
    this.expect(field, WireType.I64);
    return this.view(8).getBigUint64(0, true);
  }

  fixed32(field: Field): number {
    this.expect(field, WireType.I32);
    return this.view(4).getUint32(0, true);
  }

  double(field: Field): number {
    this.expect(field, WireType.I64);
    return this.view(8).getFloat64(0, true);
  }

  bytes(field: Field): Uint8Array {
    this.expect(field, WireType.LEN);
    const length = this.length();
    const value = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }

  string(field: Field): string {
    const at = this.pos;
    try {
      return utf8.decode(this.bytes(field));
    } catch (error) {
      if (error instanceof ProtobufDecodeError) throw error;
      throw this.error('string field is not valid UTF-8', at);
    }
  }

  /** A reader over an embedded message, which this reader then steps over. */
  message(field: Field): WireReader {
    this.expect(field, WireType.LEN);
    const length = this.length();
    const nested = new WireReader(this.buf, this.pos, this.pos + length);
    this.pos += length;
    return nested;
  }

  skip(field: Field): void {
    switch (field.wireType) {
      case WireType.VARINT:
        this.varint();
        return;
      case WireType.I64:
        this.advance(8);
        return;
      case WireType.I32:
        this.advance(4);
        return;
      case WireType.LEN:
        this.advance(this.length());
        return;
      case WireType.START_GROUP:
        this.skipGroup(field.number);
        return;
      case WireType.END_GROUP:
        throw this.error('unexpected end-group tag', this.pos);
    }
  }

  private skipGroup(groupNumber: number): void {
    while (this.pos < this.end) {
      const at = this.pos;
      const tag = this.varint();
      const number = Number(tag >> 3n);
      const wireType = Number(tag & 7n);
      if (!isWireType(wireType)) throw this.error(`invalid wire type ${String(wireType)}`, at);
      if (wireType === WireType.END_GROUP) {
        if (number !== groupNumber) throw this.error('mismatched end-group tag', at);
        return;
      }
      this.skip({ number, wireType });
    }
    throw this.error('unterminated group', this.pos);
  }

  private varint(): bigint {
    let result = 0n;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      if (this.pos >= this.end) throw this.error('truncated varint', this.pos);
      const byte = this.buf[this.pos++] ?? 0;
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if (byte < 0x80) return BigInt.asUintN(64, result);
    }
    throw this.error('varint longer than 10 bytes', this.pos);
  }

  private length(): number {
    const at = this.pos;
    const length = this.varint();
    if (length > BigInt(this.end - this.pos)) throw this.error('length-delimited field runs past the end', at);
    return Number(length);
  }

  private view(size: number): DataView {
    const at = this.pos;
    this.advance(size);
    return new DataView(this.buf.buffer, this.buf.byteOffset + at, size);
  }

  private advance(size: number): void {
    if (this.end - this.pos < size) throw this.error('truncated field', this.pos);
    this.pos += size;
  }

  private expect(field: Field, wireType: WireType): void {
    if (field.wireType !== wireType) {
      throw this.error(
        `field ${String(field.number)} has wire type ${String(field.wireType)}, expected ${String(wireType)}`,
        this.pos,
      );
    }
  }

  private error(message: string, at: number): ProtobufDecodeError {
    return new ProtobufDecodeError(`${message} (at byte ${String(at)})`);
  }
}

const isWireType = (value: number): value is WireType => value >= 0 && value <= 5;

/**
 * The fields of the message in bytes[start, end), each as its byte range,
 * for a caller that rebuilds the message keeping some fields untouched.
 * Throws ProtobufDecodeError on anything malformed.
 */
export const fieldRanges = (bytes: Uint8Array, start = 0, end = bytes.length): FieldRange[] => {
  const reader = new WireReader(bytes, start, end);
  const ranges: FieldRange[] = [];
  let fieldStart = reader.position;
  for (const field of reader.fields()) {
    let valueStart = reader.position;
    if (field.wireType === WireType.LEN) {
      // The payload is a view of `bytes`: its offset is where the value starts.
      valueStart = reader.bytes(field).byteOffset - bytes.byteOffset;
    } else {
      reader.skip(field);
    }
    ranges.push({ ...field, start: fieldStart, end: reader.position, valueStart });
    fieldStart = reader.position;
  }
  return ranges;
};
