import { describe, expect, it } from 'vitest';
import { fieldRanges, ProtobufDecodeError, WireReader } from '../src/reader.js';
import { encode as pb, varint } from '../src/writer.js';

const toBuffer = (...fields: Uint8Array[]): Uint8Array => Buffer.concat(fields);

const fieldsOf = (buf: Uint8Array): [number, number][] => {
  const reader = new WireReader(buf);
  const seen: [number, number][] = [];
  for (const field of reader.fields()) {
    seen.push([field.number, field.wireType]);
    reader.skip(field);
  }
  return seen;
};

describe('WireReader', () => {
  it('reads varints up to 64 bits, signed and unsigned', () => {
    const reader = new WireReader(toBuffer(pb.varint(1, 300), pb.varint(2, -1n), pb.varint(3, 2n ** 63n), pb.varint(4, -2)));
    const values: unknown[] = [];
    for (const field of reader.fields()) {
      if (field.number === 1) values.push(reader.uint32(field));
      if (field.number === 2) values.push(reader.int64(field));
      if (field.number === 3) values.push(reader.int64(field));
      if (field.number === 4) values.push(reader.int32(field));
    }
    expect(values).toEqual([300, -1n, -(2n ** 63n), -2]);
  });

  it('reads fixed-width fields little-endian', () => {
    const reader = new WireReader(
      toBuffer(pb.fixed64(1, 1_700_000_000_123_456_789n), pb.double(2, -2.5), pb.fixed32(3, 0xdeadbeef)),
    );
    const values: unknown[] = [];
    for (const field of reader.fields()) {
      if (field.number === 1) values.push(reader.fixed64(field));
      if (field.number === 2) values.push(reader.double(field));
      if (field.number === 3) values.push(reader.fixed32(field));
    }
    expect(values).toEqual([1_700_000_000_123_456_789n, -2.5, 0xdeadbeef]);
  });

  it('reads strings, bytes and embedded messages without copying past their end', () => {
    const reader = new WireReader(toBuffer(pb.string(1, 'héllo ✓'), pb.message(2, pb.varint(1, 7)), pb.bytes(3, [1, 2, 3])));
    const values: unknown[] = [];
    for (const field of reader.fields()) {
      if (field.number === 1) values.push(reader.string(field));
      if (field.number === 2) {
        const nested = reader.message(field);
        for (const inner of nested.fields()) values.push(nested.uint32(inner));
      }
      if (field.number === 3) values.push([...reader.bytes(field)]);
    }
    expect(values).toEqual(['héllo ✓', 7, [1, 2, 3]]);
  });

  it('skips every wire type, groups included', () => {
    const buf = toBuffer(
      pb.varint(1, 1n << 60n),
      pb.fixed64(2, 5n),
      pb.string(3, 'x'),
      pb.group(4, pb.varint(1, 1), pb.group(2, pb.string(1, 'nested'))),
      pb.fixed32(5, 9),
      pb.varint(6, 1),
    );
    expect(fieldsOf(buf)).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 5],
      [6, 0],
    ]);
  });

  it.each([
    ['a truncated varint', [0x08, 0xff]],
    ['a varint longer than 10 bytes', [0x08, ...Array<number>(10).fill(0xff), 0x01]],
    ['a length past the end', [0x0a, 0x05, 0x61]],
    ['a truncated fixed64', [0x09, 1, 2, 3]],
    ['a truncated fixed32', [0x0d, 1]],
    ['field number 0', [0x00, 0x01]],
    ['wire type 6', [0x0e]],
    ['wire type 7', [0x0f]],
    ['a stray end-group tag', [0x0c]],
    ['an unterminated group', [0x0b, 0x08, 0x01]],
    ['a mismatched end-group tag', [0x0b, 0x14]],
  ])('rejects %s', (_, bytes) => {
    expect(() => fieldsOf(Uint8Array.from(bytes))).toThrow(ProtobufDecodeError);
  });

  it('rejects a known field with the wrong wire type', () => {
    const reader = new WireReader(toBuffer(pb.varint(1, 5)));
    expect(() => {
      for (const field of reader.fields()) reader.string(field);
    }).toThrow(/wire type 0, expected 2/);
  });

  it('rejects strings that are not UTF-8', () => {
    const reader = new WireReader(toBuffer(pb.bytes(1, [0xc3, 0x28])));
    expect(() => {
      for (const field of reader.fields()) reader.string(field);
    }).toThrow(/UTF-8/);
  });

  it('writes the canonical varints: 300 in two bytes, -1 in ten', () => {
    expect([...varint(300)]).toEqual([0xac, 0x02]);
    expect([...varint(-1)]).toEqual([...Array<number>(9).fill(0xff), 0x01]);
  });
});

describe('fieldRanges', () => {
  it('cuts a message into its fields, each from its tag, with a length-delimited payload’s start', () => {
    const fields = [pb.varint(1, 300), pb.string(2, 'héllo'), pb.fixed32(3, 7), pb.message(4, pb.varint(1, 1))];
    const before = pb.varint(9, 1);
    const buf = toBuffer(before, ...fields);
    const ranges = fieldRanges(buf, before.length);

    expect(ranges.map(({ number, wireType }) => [number, wireType])).toEqual([
      [1, 0],
      [2, 2],
      [3, 5],
      [4, 2],
    ]);
    expect(ranges.map(({ start, end }) => [...buf.subarray(start, end)])).toEqual(fields.map((field) => [...field]));
    const text = ranges[1];
    expect(Buffer.from(buf.subarray(text?.valueStart, text?.end)).toString('utf8')).toBe('héllo');
  });

  it('finds the fields of an embedded message between its payload’s bounds', () => {
    const buf = toBuffer(pb.message(1, pb.string(1, 'key'), pb.varint(2, 5)));
    const [outer] = fieldRanges(buf);
    if (outer === undefined) throw new Error('no field');
    expect(fieldRanges(buf, outer.valueStart, outer.end).map(({ number }) => number)).toEqual([1, 2]);
  });

  it('throws on a malformed message, as the reader does', () => {
    expect(() => fieldRanges(Uint8Array.from([0x0a, 0x05, 0x61]))).toThrow(ProtobufDecodeError);
  });
});
