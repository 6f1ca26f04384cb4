import type { TraceExport, TraceSampler } from '@cruddur/telemetry-config';
import { getNumberFromEnv, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { AWSXRayIdGenerator } from '@opentelemetry/id-generator-aws-xray';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type BufferConfig, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { createInstrumentations } from './instrumentations.js';
import { createSampler } from './sampler.js';

export interface TracingSettings {
  readonly exportTo: Extract<TraceExport, { enabled: true }>;
  readonly sampler: TraceSampler;
  readonly serviceName: string;
  /** More destinations (X-Ray's), each behind its own batch queue. */
  readonly extraExporters?: readonly SpanExporter[];
}

const createExporter = ({ url, protocol, headers }: TracingSettings['exportTo']): SpanExporter => {
  const options = { url, headers: { ...headers } };
  return protocol === 'http/json' ? new JsonTraceExporter(options) : new ProtobufTraceExporter(options);
};

/**
 * A click should be readable in the viewer within a second, so spans wait
 * 200 ms rather than the SDK's 5 s; the queue stays capped so a dead
 * destination costs bounded memory. The standard OTEL_BSP_* variables win.
 */
const batchConfig = (): BufferConfig => ({
  scheduledDelayMillis: getNumberFromEnv('OTEL_BSP_SCHEDULE_DELAY') ?? 200,
  maxQueueSize: getNumberFromEnv('OTEL_BSP_MAX_QUEUE_SIZE') ?? 2048,
  maxExportBatchSize: getNumberFromEnv('OTEL_BSP_MAX_EXPORT_BATCH_SIZE') ?? 512,
  exportTimeoutMillis: getNumberFromEnv('OTEL_BSP_EXPORT_TIMEOUT') ?? 5000,
});

/** Registers the tracer provider, W3C trace-context propagation and the instrumentations. */
export const startTracing = (settings: TracingSettings): NodeTracerProvider => {
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName })),
    sampler: createSampler(settings.sampler),
    // X-Ray-valid ids (epoch second first), as the browser's: a trace the API
    // starts itself is found in X-Ray under its own id too.
    idGenerator: new AWSXRayIdGenerator(),
    spanProcessors: [
      new BatchSpanProcessor(createExporter(settings.exportTo), batchConfig()),
      ...(settings.extraExporters ?? []).map((exporter) => new BatchSpanProcessor(exporter, batchConfig())),
    ],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  registerInstrumentations({ tracerProvider: provider, instrumentations: createInstrumentations(settings.exportTo.url) });
  return provider;
};
