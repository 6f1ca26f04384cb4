// The real OpenTelemetry JS SDK and OTLP exporters (protobuf and JSON) send to
// the viewer; the JSON API must give back exactly the spans the SDK recorded.

import { type Attributes, type HrTime, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor, type SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTraceViewer, type SpanView, type TraceSummary, type TraceView, type TraceViewer } from '../src/index.js';

const KINDS = { [SpanKind.INTERNAL]: 'INTERNAL', [SpanKind.SERVER]: 'SERVER', [SpanKind.CLIENT]: 'CLIENT', [SpanKind.PRODUCER]: 'PRODUCER', [SpanKind.CONSUMER]: 'CONSUMER' };
const STATUSES = { [SpanStatusCode.UNSET]: 'UNSET', [SpanStatusCode.OK]: 'OK', [SpanStatusCode.ERROR]: 'ERROR' };

const ALL_TYPES: Attributes = {
  'app.string': 'crud ✓ <b>not markup</b>',
  'app.empty': '',
  'app.int': 42,
  'app.negative': -7,
  'app.double': 3.25,
  'app.true': true,
  'app.false': false,
  'app.strings': ['a', 'b'],
  'app.ints': [1, 2, 3],
  'app.doubles': [0.5, 1.5],
  'app.bools': [true, false],
};

const provider = (service: string, memory: InMemorySpanExporter) =>
  new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.version': '0.1.0' }),
    spanProcessors: [new SimpleSpanProcessor({ exporter: memory })],
  });

/** One click of the app: browser spans, then the API's, one trace across two services. */
const recordClick = (): { frontend: ReadableSpan[]; backend: ReadableSpan[] } => {
  const frontendMemory = new InMemorySpanExporter();
  const backendMemory = new InMemorySpanExporter();
  const web = provider('frontend-react-js', frontendMemory).getTracer('cruddur-web', '1.0.0');
  const api = provider('backend-flask', backendMemory).getTracer('cruddur-api', '2.0.0');
  const within = (span: ReturnType<typeof web.startSpan>) => trace.setSpan(ROOT_CONTEXT, span);

  const click = web.startSpan('click: Crud', { kind: SpanKind.INTERNAL, attributes: ALL_TYPES }, ROOT_CONTEXT);
  click.addEvent('click.start', { target: 'button.crud' });
  const fetchSpan = web.startSpan(
    'HTTP POST',
    {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': 'POST', 'url.full': 'http://localhost:4567/api/activities' },
      links: [{ context: click.spanContext(), attributes: { 'link.reason': 'caused by' } }],
    },
    within(click),
  );
  const server = api.startSpan('POST /api/activities', { kind: SpanKind.SERVER, attributes: { 'http.route': '/api/activities' } }, within(fetchSpan));
  const query = api.startSpan('db.query', { kind: SpanKind.CLIENT }, within(server));
  query.recordException(new Error('database unavailable'));
  query.setStatus({ code: SpanStatusCode.ERROR, message: 'database unavailable' });
  query.end();
  const publish = api.startSpan('queue.publish', { kind: SpanKind.PRODUCER }, within(server));
  const consume = api.startSpan('queue.consume', { kind: SpanKind.CONSUMER }, within(publish));
  consume.setStatus({ code: SpanStatusCode.OK });
  consume.end();
  publish.end();
  server.end();
  fetchSpan.end();
  click.end();
  return { frontend: frontendMemory.getFinishedSpans(), backend: backendMemory.getFinishedSpans() };
};

const nanos = ([seconds, ns]: HrTime): bigint => BigInt(seconds) * 1_000_000_000n + BigInt(ns);
const ms = (value: bigint): number => Number(value / 1000n) / 1000;

/** What the API must say about a span, worked out from the SDK's own record of it. */
const expectedView = (span: ReadableSpan): SpanView => {
  const start = nanos(span.startTime);
  const end = nanos(span.endTime);
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    traceState: '',
    name: span.name,
    kind: KINDS[span.kind] as SpanView['kind'],
    service: String(span.resource.attributes['service.name']),
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: end.toString(),
    startMs: ms(start),
    durationMs: Number(end - start) / 1e6,
    attributes: span.attributes as SpanView['attributes'],
    droppedAttributesCount: 0,
    events: span.events.map((event) => ({
      name: event.name,
      timeUnixNano: nanos(event.time).toString(),
      timeMs: ms(nanos(event.time)),
      attributes: (event.attributes ?? {}) as SpanView['attributes'],
      droppedAttributesCount: 0,
    })),
    droppedEventsCount: 0,
    links: span.links.map((link) => ({
      traceId: link.context.traceId,
      spanId: link.context.spanId,
      traceState: '',
      attributes: (link.attributes ?? {}) as SpanView['attributes'],
      droppedAttributesCount: 0,
    })),
    droppedLinksCount: 0,
    status: { code: STATUSES[span.status.code] as SpanView['status']['code'], message: span.status.message ?? '' },
    resource: span.resource.attributes as SpanView['resource'],
    scope: { name: span.instrumentationScope.name, version: span.instrumentationScope.version ?? '' },
  };
};

const exportWith = (exporter: SpanExporter, spans: ReadableSpan[]): Promise<ExportResult> =>
  new Promise((resolve) => {
    exporter.export(spans, resolve);
  });

const bySpanId = (a: { spanId: string }, b: { spanId: string }) => a.spanId.localeCompare(b.spanId);

describe('round trip through the real OTLP exporters', () => {
  let viewer: TraceViewer;
  const exporters: SpanExporter[] = [];
  const protobuf = () => {
    const exporter = new ProtobufExporter({ url: `${viewer.url}/v1/traces` });
    exporters.push(exporter);
    return exporter;
  };
  const json = () => {
    const exporter = new JsonExporter({ url: `${viewer.url}/v1/traces` });
    exporters.push(exporter);
    return exporter;
  };
  const getTrace = async (traceId: string) => (await (await fetch(`${viewer.url}/api/traces/${traceId}`)).json()) as TraceView;

  beforeAll(async () => {
    viewer = await startTraceViewer({ port: 0 });
  });
  afterEach(async () => {
    await Promise.all(exporters.splice(0).map((exporter) => exporter.shutdown()));
    viewer.store.clear();
  });
  afterAll(() => viewer.close());

  it.each([
    ['protobuf', protobuf],
    ['JSON', json],
  ])('%s: one request with two resources comes back span for span', async (_, makeExporter) => {
    const { frontend, backend } = recordClick();
    const spans = [...frontend, ...backend];
    const result = await exportWith(makeExporter(), spans);
    expect(result.error).toBeUndefined();
    expect(result.code).toBe(ExportResultCode.SUCCESS);

    const traceId = spans[0]?.spanContext().traceId ?? '';
    const view = await getTrace(traceId);
    expect(view.spans).toHaveLength(6);
    expect([...view.spans].sort(bySpanId)).toEqual(spans.map(expectedView).sort(bySpanId));
  });

  it('merges the browser export (JSON) and the API export (protobuf) into one trace', async () => {
    const { frontend, backend } = recordClick();
    expect((await exportWith(protobuf(), backend)).code).toBe(ExportResultCode.SUCCESS);
    expect((await exportWith(json(), frontend)).code).toBe(ExportResultCode.SUCCESS);

    const traceId = frontend[0]?.spanContext().traceId ?? '';
    const [summary, ...others] = (await (await fetch(`${viewer.url}/api/traces`)).json()) as TraceSummary[];
    expect(others).toEqual([]);
    expect(summary).toMatchObject({
      traceId,
      rootName: 'click: Crud',
      rootService: 'frontend-react-js',
      services: ['frontend-react-js', 'backend-flask'],
      spanCount: 6,
      errorCount: 1,
    });
    const view = await getTrace(traceId);
    const byName = new Map(view.spans.map((span) => [span.name, span]));
    const parentName = (name: string) => view.spans.find((span) => span.spanId === byName.get(name)?.parentSpanId)?.name;
    expect(
      ['click: Crud', 'HTTP POST', 'POST /api/activities', 'db.query', 'queue.publish', 'queue.consume'].map((name) => [
        name,
        byName.get(name)?.kind,
        byName.get(name)?.service,
        parentName(name),
      ]),
    ).toEqual([
      ['click: Crud', 'INTERNAL', 'frontend-react-js', undefined],
      ['HTTP POST', 'CLIENT', 'frontend-react-js', 'click: Crud'],
      ['POST /api/activities', 'SERVER', 'backend-flask', 'HTTP POST'],
      ['db.query', 'CLIENT', 'backend-flask', 'POST /api/activities'],
      ['queue.publish', 'PRODUCER', 'backend-flask', 'POST /api/activities'],
      ['queue.consume', 'CONSUMER', 'backend-flask', 'queue.publish'],
    ]);
    expect(byName.get('db.query')?.status).toEqual({ code: 'ERROR', message: 'database unavailable' });
    expect(byName.get('db.query')?.events[0]?.attributes).toMatchObject({ 'exception.message': 'database unavailable' });
  });

  it('makes the exporter report failure when the viewer refuses the request', async () => {
    const small = await startTraceViewer({ port: 0, maxBodyBytes: 64 });
    const exporter = new ProtobufExporter({ url: `${small.url}/v1/traces` });
    try {
      const result = await exportWith(exporter, recordClick().backend);
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(small.store.spanCount).toBe(0);
    } finally {
      await exporter.shutdown();
      await small.close();
    }
  });
});
