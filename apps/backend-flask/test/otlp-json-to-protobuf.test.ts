import { decodeJsonRequest, decodeProtobufRequest } from '@cruddur/trace-viewer';
import { context, SpanKind, SpanStatusCode, trace, TraceFlags, type Span } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOnSampler, InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { otlpJsonToProtobuf } from '../src/relay/otlp-json-to-protobuf.js';
import { OtlpPayloadError } from '../src/relay/payload-error.js';

/** A context with `parent` in it, without registering a context manager for one test. */
const under = (parent: Span) => trace.setSpan(context.active(), parent);

/** Spans using every part of OTLP a browser export can carry. */
const everyKindOfSpan = async (): Promise<ReadableSpan[]> => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'frontend-react-js', 'telemetry.sdk.language': 'webjs' }),
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  const tracer = provider.getTracer('browser-test', '1.2.3');
  const root = tracer.startSpan('post-crud', { kind: SpanKind.INTERNAL, attributes: { 'app.action': 'post-crud' } });
  const linked = root.spanContext();
  const child = tracer.startSpan(
    'POST',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': 'POST',
        'http.response.status_code': 422,
        'app.ratio': 0.25,
        'app.big': Number.MAX_SAFE_INTEGER,
        'app.negative': -7,
        'app.flag': false,
        'app.names': ['a', 'b'],
        'app.counts': [1, 2, 3],
        'app.empty': '',
      },
      links: [{ context: { ...linked, traceFlags: TraceFlags.SAMPLED }, attributes: { 'link.kind': 'follows' } }],
    },
    under(root),
  );
  child.addEvent('responseEnd', { 'phase.ms': 12.5 }, [1_700_000_000, 123_456_789]);
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'Unprocessable Entity' });
  child.end();
  root.setStatus({ code: SpanStatusCode.OK });
  root.end();
  await provider.forceFlush();
  return exporter.getFinishedSpans();
};

const json = (spans: ReadableSpan[]): unknown => JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(spans) ?? []).toString('utf8'));

describe('otlpJsonToProtobuf', () => {
  it("encodes what the OpenTelemetry SDK's JSON says as its protobuf encoder does, as the trace viewer's decoders read them", async () => {
    const spans = await everyKindOfSpan();
    const converted = otlpJsonToProtobuf(json(spans));
    expect(converted.spans).toBe(2);
    const fromSdkProtobuf = decodeProtobufRequest(ProtobufTraceSerializer.serializeRequest(spans) ?? new Uint8Array());
    expect(decodeProtobufRequest(converted.body)).toEqual(fromSdkProtobuf);
    expect(decodeProtobufRequest(converted.body)).toEqual(decodeJsonRequest(json(spans)));
  });

  it('keeps 64-bit integers and doubles apart, as JSON numbers or strings', () => {
    const request = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '6b026a7d5f3ba6c2f3ab41e7a6c0d3f1',
                  spanId: 'b7ad6b7169203331',
                  name: 'numbers',
                  startTimeUnixNano: '1700000000123456789',
                  endTimeUnixNano: 1_700_000_000_223_456,
                  attributes: [
                    { key: 'int', value: { intValue: '9223372036854775807' } },
                    { key: 'negative', value: { intValue: -3 } },
                    { key: 'double', value: { doubleValue: 3 } },
                    { key: 'nan', value: { doubleValue: 'NaN' } },
                    { key: 'bytes', value: { bytesValue: 'AQID' } },
                    { key: 'nested', value: { kvlistValue: { values: [{ key: 'k', value: { arrayValue: { values: [{ boolValue: true }] } } }] } } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const [span] = decodeProtobufRequest(otlpJsonToProtobuf(request).body);
    expect(span).toMatchObject({
      startTimeUnixNano: 1_700_000_000_123_456_789n,
      endTimeUnixNano: 1_700_000_000_223_456n,
      attributes: { int: '9223372036854775807', negative: -3, double: 3, nan: 'NaN', bytes: 'AQID', nested: { k: [true] } },
    });
  });

  it.each([
    ['an id that is not hex', { traceId: 'not-hex-not-hex-not-hex-not-hex!' }, 'resourceSpans[0].scopeSpans[0].spans[0].traceId must be 32 hex digits'],
    ['a time that is no integer', { startTimeUnixNano: 1.5 }, 'resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano must be an integer'],
    ['a kind that is a word', { kind: 'SERVER' }, 'resourceSpans[0].scopeSpans[0].spans[0].kind must be an integer'],
    ['attributes that are an object', { attributes: { key: 'a' } }, 'resourceSpans[0].scopeSpans[0].spans[0].attributes must be an array'],
  ])('refuses %s, naming the field', (_case, fields, message) => {
    const request = { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '6b026a7d5f3ba6c2f3ab41e7a6c0d3f1', spanId: 'b7ad6b7169203331', ...fields }] }] }] };
    expect(() => otlpJsonToProtobuf(request)).toThrow(OtlpPayloadError);
    expect(() => otlpJsonToProtobuf(request)).toThrow(message);
  });
});
