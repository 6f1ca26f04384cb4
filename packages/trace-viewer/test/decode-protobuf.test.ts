import { describe, expect, it } from 'vitest';
import { decodeProtobufRequest } from '../src/otlp/decode-protobuf.js';
import { OtlpDecodeError } from '../src/otlp/model.js';
import { anyValue, type Bytes, hexBytes, keyValue, pb, request, toBuffer } from './support/proto-writer.js';

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';
const PARENT_ID = 'eee19b7ec3c1b173';

const spanFields = (...extra: Bytes[]): Bytes[] => [
  pb.bytes(1, hexBytes(TRACE_ID)),
  pb.bytes(2, hexBytes(SPAN_ID)),
  pb.string(5, 'GET /api/activities/home'),
  pb.varint(6, 2),
  pb.fixed64(7, 1_700_000_000_000_000_000n),
  pb.fixed64(8, 1_700_000_000_250_000_000n),
  ...extra,
];

const span = (...extra: Bytes[]): Bytes => spanFields(...extra).flat();
const service = (name: string): Bytes => keyValue('service.name', anyValue.string(name));
const scope = [...pb.string(1, '@cruddur/api'), ...pb.string(2, '1.0.0')];

describe('decodeProtobufRequest', () => {
  it('decodes a span with its resource and scope', () => {
    const [decoded, ...rest] = decodeProtobufRequest(
      request(
        [service('backend-flask')],
        scope,
        [
          span(
            pb.bytes(4, hexBytes(PARENT_ID)),
            pb.string(3, 'vendor=1'),
            pb.varint(10, 2),
            pb.varint(12, 3),
            pb.varint(14, 4),
            pb.message(15, pb.string(2, 'db down'), pb.varint(3, 2)),
          ),
        ],
      ),
    );
    expect(rest).toEqual([]);
    expect(decoded).toEqual({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      parentSpanId: PARENT_ID,
      traceState: 'vendor=1',
      name: 'GET /api/activities/home',
      kind: 'SERVER',
      startTimeUnixNano: 1_700_000_000_000_000_000n,
      endTimeUnixNano: 1_700_000_000_250_000_000n,
      attributes: {},
      droppedAttributesCount: 2,
      events: [],
      droppedEventsCount: 3,
      links: [],
      droppedLinksCount: 4,
      status: { code: 'ERROR', message: 'db down' },
      resource: { 'service.name': 'backend-flask' },
      scope: { name: '@cruddur/api', version: '1.0.0' },
    });
  });

  it('decodes every AnyValue kind, nested arrays and key-value lists included', () => {
    const [decoded] = decodeProtobufRequest(
      request([], scope, [
        span(
          pb.message(9, keyValue('s', anyValue.string('text'))),
          pb.message(9, keyValue('b', anyValue.bool(true))),
          pb.message(9, keyValue('i', anyValue.int(-42))),
          pb.message(9, keyValue('big', anyValue.int(2n ** 62n))),
          pb.message(9, keyValue('d', anyValue.double(0.5))),
          pb.message(9, keyValue('nan', anyValue.double(Number.NaN))),
          pb.message(9, keyValue('arr', anyValue.array(anyValue.string('a'), anyValue.int(1), anyValue.array(anyValue.bool(false))))),
          pb.message(9, keyValue('kv', anyValue.kvlist(keyValue('inner', anyValue.double(1.25)), keyValue('deeper', anyValue.kvlist())))),
          pb.message(9, keyValue('raw', anyValue.bytes([0xde, 0xad, 0xbe, 0xef]))),
          pb.message(9, keyValue('empty', [])),
          pb.message(9, keyValue('__proto__', anyValue.string('just a key'))),
        ),
      ]),
    );
    const attributes = { ...decoded?.attributes };
    // Kept as an ordinary own key, not taken as the object's prototype.
    expect(Object.getPrototypeOf(decoded?.attributes)).toBe(Object.prototype);
    expect(JSON.stringify(decoded?.attributes)).toContain('"__proto__":"just a key"');
    expect(attributes).toEqual({
      s: 'text',
      b: true,
      i: -42,
      big: (2n ** 62n).toString(),
      d: 0.5,
      nan: 'NaN',
      arr: ['a', 1, [false]],
      kv: { inner: 1.25, deeper: {} },
      raw: '3q2+7w==',
      empty: null,
      ['__proto__']: 'just a key',
    });
  });

  it('decodes events and links', () => {
    const linked = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const [decoded] = decodeProtobufRequest(
      request([], scope, [
        span(
          pb.message(
            11,
            pb.fixed64(1, 1_700_000_000_100_000_000n),
            pb.string(2, 'exception'),
            pb.message(3, keyValue('exception.message', anyValue.string('boom'))),
            pb.varint(4, 1),
          ),
          pb.message(13, pb.bytes(1, hexBytes(linked)), pb.bytes(2, hexBytes(SPAN_ID)), pb.string(3, 'k=v'), pb.fixed32(6, 1)),
        ),
      ]),
    );
    expect(decoded?.events).toEqual([
      {
        timeUnixNano: 1_700_000_000_100_000_000n,
        name: 'exception',
        attributes: { 'exception.message': 'boom' },
        droppedAttributesCount: 1,
      },
    ]);
    expect(decoded?.links).toEqual([
      { traceId: linked, spanId: SPAN_ID, traceState: 'k=v', attributes: {}, droppedAttributesCount: 0 },
    ]);
  });

  it('skips unknown fields of every wire type at every level', () => {
    const unknown = (field: number): Bytes[] => [
      pb.varint(field, 99),
      pb.fixed64(field + 1, 1n),
      pb.string(field + 2, 'future'),
      pb.fixed32(field + 3, 7),
      pb.group(field + 4, pb.varint(1, 1)),
    ];
    const body = toBuffer(
      ...unknown(100),
      pb.message(
        1,
        ...unknown(100),
        pb.string(3, 'https://opentelemetry.io/schemas/1.24.0'),
        pb.message(2, ...unknown(100), pb.message(1, ...unknown(100), pb.string(1, 'scope')), pb.message(2, span(...unknown(100), pb.fixed32(16, 0x301)))),
        // Resource after the spans it describes, with an unknown field and entity refs (field 3).
        pb.message(1, ...unknown(100), pb.message(1, service('frontend-react-js')), pb.varint(2, 0), pb.message(3, pb.string(1, 'x'))),
      ),
    );
    const [decoded] = decodeProtobufRequest(body);
    expect(decoded?.resource).toEqual({ 'service.name': 'frontend-react-js' });
    expect(decoded?.scope).toEqual({ name: 'scope', version: '' });
    expect(decoded?.name).toBe('GET /api/activities/home');
  });

  it('reads an empty request as no spans, and an unknown kind as UNSPECIFIED', () => {
    expect(decodeProtobufRequest(new Uint8Array())).toEqual([]);
    const [decoded] = decodeProtobufRequest(request([], scope, [span(pb.varint(6, 42))]));
    expect(decoded?.kind).toBe('UNSPECIFIED');
  });

  it('rejects truncated bodies at any cut', () => {
    const whole = request([service('backend-flask')], scope, [span(pb.message(9, keyValue('k', anyValue.string('v'))))]);
    for (let cut = 1; cut < whole.length; cut++) {
      let outcome: unknown;
      try {
        outcome = decodeProtobufRequest(whole.subarray(0, cut));
      } catch (error) {
        outcome = error;
      }
      expect(outcome, `cut at ${String(cut)}`).toBeInstanceOf(OtlpDecodeError);
    }
  });

  it('rejects garbage and spans without valid ids', () => {
    expect(() => decodeProtobufRequest(Buffer.from('this is not protobuf at all'))).toThrow(OtlpDecodeError);
    const withoutSpanId = spanFields().filter((field) => field[0] !== 0x12).flat();
    expect(() => decodeProtobufRequest(request([], scope, [withoutSpanId]))).toThrow(/spanId must be 8 bytes/);
    expect(() => decodeProtobufRequest(request([], scope, [span(pb.bytes(1, Array<number>(16).fill(0)))]))).toThrow(
      /traceId must not be all zeroes/,
    );
    expect(() => decodeProtobufRequest(request([], scope, [span(pb.bytes(4, [1, 2]))]))).toThrow(/parentSpanId/);
  });

  it('rejects attribute values nested without end', () => {
    let value = anyValue.string('bottom');
    for (let i = 0; i < 40; i++) value = anyValue.array(value);
    expect(() => decodeProtobufRequest(request([], scope, [span(pb.message(9, keyValue('deep', value)))]))).toThrow(/nest deeper/);
  });
});
