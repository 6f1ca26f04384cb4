import { describe, expect, it } from 'vitest';
import { decodeJsonRequest } from '../src/otlp/decode-json.js';
import { OtlpDecodeError } from '../src/otlp/model.js';

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';
const PARENT_ID = 'eee19b7ec3c1b173';

const body = (span: Record<string, unknown>, resourceAttributes: unknown[] = []): unknown => ({
  resourceSpans: [
    {
      resource: { attributes: resourceAttributes },
      scopeSpans: [{ scope: { name: 'fetch', version: '0.1' }, spans: [span] }],
    },
  ],
});

const baseSpan = {
  traceId: TRACE_ID,
  spanId: SPAN_ID,
  name: 'HTTP GET',
  kind: 3,
  startTimeUnixNano: '1700000000000000000',
  endTimeUnixNano: 1700000000500000000,
};

describe('decodeJsonRequest', () => {
  it('decodes OTLP/JSON with hex ids, int64 strings and integer enums', () => {
    const [span] = decodeJsonRequest(
      body(
        {
          ...baseSpan,
          parentSpanId: PARENT_ID.toUpperCase(),
          traceState: 'a=b',
          status: { code: 2, message: 'failed' },
          droppedAttributesCount: 1,
          events: [{ timeUnixNano: '1700000000100000000', name: 'click', attributes: [{ key: 'x', value: { intValue: '7' } }] }],
          links: [{ traceId: TRACE_ID, spanId: PARENT_ID, attributes: [] }],
        },
        [{ key: 'service.name', value: { stringValue: 'frontend-react-js' } }],
      ),
    );
    expect(span).toEqual({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      parentSpanId: PARENT_ID,
      traceState: 'a=b',
      name: 'HTTP GET',
      kind: 'CLIENT',
      startTimeUnixNano: 1_700_000_000_000_000_000n,
      endTimeUnixNano: 1_700_000_000_500_000_000n,
      attributes: {},
      droppedAttributesCount: 1,
      events: [{ timeUnixNano: 1_700_000_000_100_000_000n, name: 'click', attributes: { x: 7 }, droppedAttributesCount: 0 }],
      droppedEventsCount: 0,
      links: [{ traceId: TRACE_ID, spanId: PARENT_ID, traceState: '', attributes: {}, droppedAttributesCount: 0 }],
      droppedLinksCount: 0,
      status: { code: 'ERROR', message: 'failed' },
      resource: { 'service.name': 'frontend-react-js' },
      scope: { name: 'fetch', version: '0.1' },
    });
  });

  it('tolerates base64 ids and enum names, as the stock protobuf JSON mapping writes them', () => {
    const [span] = decodeJsonRequest(
      body({
        ...baseSpan,
        traceId: Buffer.from(TRACE_ID, 'hex').toString('base64'),
        spanId: Buffer.from(SPAN_ID, 'hex').toString('base64'),
        parentSpanId: Buffer.from(PARENT_ID, 'hex').toString('base64url'),
        kind: 'SPAN_KIND_CONSUMER',
        status: { code: 'STATUS_CODE_OK' },
      }),
    );
    expect(span).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID, parentSpanId: PARENT_ID, kind: 'CONSUMER', status: { code: 'OK' } });
  });

  it('decodes every AnyValue kind', () => {
    const [span] = decodeJsonRequest(
      body({
        ...baseSpan,
        attributes: [
          { key: 's', value: { stringValue: '' } },
          { key: 'b', value: { boolValue: false } },
          { key: 'i', value: { intValue: 12 } },
          { key: 'big', value: { intValue: '9223372036854775807' } },
          { key: 'd', value: { doubleValue: 2.5 } },
          { key: 'inf', value: { doubleValue: 'Infinity' } },
          { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '2' }, {}] } } },
          { key: 'kv', value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } } },
          { key: 'raw', value: { bytesValue: '3q2+7w==' } },
          { key: 'unset', value: {} },
        ],
      }),
    );
    expect(span?.attributes).toEqual({
      s: '',
      b: false,
      i: 12,
      big: '9223372036854775807',
      d: 2.5,
      inf: 'Infinity',
      arr: ['a', 2, null],
      kv: { k: true },
      raw: '3q2+7w==',
      unset: null,
    });
  });

  it('ignores unknown keys and treats null as unset', () => {
    const spans = decodeJsonRequest({
      futureField: 1,
      resourceSpans: [
        {
          schemaUrl: 'x',
          resource: null,
          scopeSpans: [{ scope: null, spans: [{ ...baseSpan, parentSpanId: '', flags: 257, somethingNew: { a: 1 }, status: null }] }],
        },
      ],
    });
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ parentSpanId: null, status: { code: 'UNSET', message: '' }, resource: {}, scope: { name: '', version: '' } });
  });

  it('reads requests without spans as empty', () => {
    expect(decodeJsonRequest({})).toEqual([]);
    expect(decodeJsonRequest({ resourceSpans: [] })).toEqual([]);
  });

  it.each([
    ['an array', [1, 2, 3]],
    ['a string', 'hello'],
    ['null', null],
    ['resourceSpans that is not an array', { resourceSpans: 5 }],
    ['spans that are not objects', { resourceSpans: [{ scopeSpans: [{ spans: ['x'] }] }] }],
    ['a traceId that is neither hex nor base64 of 16 bytes', body({ ...baseSpan, traceId: 'not-an-id' })],
    ['a traceId of the wrong size', body({ ...baseSpan, traceId: 'abcd' })],
    ['a missing spanId', body({ ...baseSpan, spanId: undefined })],
    ['a name that is not a string', body({ ...baseSpan, name: 42 })],
    ['a time that is not an integer', body({ ...baseSpan, startTimeUnixNano: '12.5' })],
    ['an unknown enum name', body({ ...baseSpan, kind: 'SPAN_KIND_SIDEWAYS' })],
    ['a boolValue that is not boolean', body({ ...baseSpan, attributes: [{ key: 'b', value: { boolValue: 'yes' } }] })],
    ['bytesValue that is not base64', body({ ...baseSpan, attributes: [{ key: 'b', value: { bytesValue: '%%%' } }] })],
  ])('rejects %s', (_, value) => {
    expect(() => decodeJsonRequest(value)).toThrow(OtlpDecodeError);
  });

  it('names the offending field', () => {
    expect(() => decodeJsonRequest(body({ ...baseSpan, name: 42 }))).toThrow(
      'resourceSpans[0].scopeSpans[0].spans[0].name must be a string',
    );
  });
});
