import type { TraceExport, TraceSampler } from '@cruddur/telemetry-config';
import { getNumberFromEnv, W3CTraceContextPropagator } from '@opentelemetry/core';
import { AWSXRayIdGenerator } from '@opentelemetry/id-generator-aws-xray';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  type BufferConfig,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { createInstrumentations } from './instrumentations.js';
import { createOtlpExport } from './otlp-export.js';
import { createSampler } from './sampler.js';

export interface TracingSettings {
  readonly exportTo: Extract<TraceExport, { enabled: true }>;
  readonly sampler: TraceSampler;
  readonly serviceName: string;
  /** More destinations (X-Ray's), each with its own batch queue (see `batchConfig`). */
  readonly extraProcessors?: readonly SpanProcessor[];
}

/**
 * A click should be readable in the viewer within a second, so spans wait
 * 200 ms rather than the SDK's 5 s; the queue stays capped so a dead
 * destination costs bounded memory. Batches of 128 rather than 512: under
 * load the queue fills a batch before the timer fires, and the processor
 * then encodes it at once, inside whichever `span.end()` filled it, blocking
 * every request in flight; a quarter of the batch is a quarter of that
 * stall (the encoding per span is the same). The price: one export request
 * per 128 spans, one at a time, so a destination 100 ms away takes at most
 * ~1,300 spans a second. The standard OTEL_BSP_* variables win.
 */
export const batchConfig = (): BufferConfig => ({
  scheduledDelayMillis: getNumberFromEnv('OTEL_BSP_SCHEDULE_DELAY') ?? 200,
  maxQueueSize: getNumberFromEnv('OTEL_BSP_MAX_QUEUE_SIZE') ?? 2048,
  maxExportBatchSize: getNumberFromEnv('OTEL_BSP_MAX_EXPORT_BATCH_SIZE') ?? 128,
  exportTimeoutMillis: getNumberFromEnv('OTEL_BSP_EXPORT_TIMEOUT') ?? 5000,
});

/** Registers the tracer provider, W3C trace-context propagation and the instrumentations. */
export const startTracing = (settings: TracingSettings): NodeTracerProvider => {
  // Failures and dropped spans are reported, a line per interval at most (otlp-export.ts).
  const otlp = createOtlpExport(settings.exportTo, batchConfig());
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName })),
    sampler: createSampler(settings.sampler),
    // X-Ray-valid ids (epoch second first), as the browser's: a trace the API
    // starts itself is found in X-Ray under its own id too.
    idGenerator: new AWSXRayIdGenerator(),
    spanProcessors: [
      new BatchSpanProcessor(otlp.exporter, otlp.batch),
      ...(settings.extraProcessors ?? []),
    ],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  registerInstrumentations({ tracerProvider: provider, instrumentations: createInstrumentations(settings.exportTo.url) });
  return provider;
};
