import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOnSampler, InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace';

/** Spans as a browser page would export them, under a resource of its choosing (it may lie). */
export const recordSpans = async (resource: Record<string, string>, names: readonly string[]): Promise<ReadableSpan[]> => {
  const exporter = new InMemorySpanExporter();
  // Not registered globally: the test's own provider, if any, is left alone.
  const provider = new TracerProvider({
    resource: resourceFromAttributes(resource),
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
  const tracer = provider.getTracer('browser-test');
  names.forEach((name) => {
    tracer.startSpan(name).end();
  });
  await provider.forceFlush();
  return exporter.getFinishedSpans();
};

export const protobufBody = (spans: ReadableSpan[]): Buffer => {
  const bytes = ProtobufTraceSerializer.serializeRequest(spans);
  if (!bytes) throw new Error('serializer produced nothing');
  return Buffer.from(bytes);
};

export const jsonBody = (spans: ReadableSpan[]): Buffer => {
  const bytes = JsonTraceSerializer.serializeRequest(spans);
  if (!bytes) throw new Error('serializer produced nothing');
  return Buffer.from(bytes);
};
