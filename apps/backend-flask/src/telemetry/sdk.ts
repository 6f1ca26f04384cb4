import type { TraceExport, TraceSampler } from '@cruddur/telemetry-config';
import { XrayIdGenerator } from '@cruddur/telemetry-conventions';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { getNumberFromEnv, W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  TracerProvider,
  type BatchSpanProcessorOptions,
  type SpanLimits,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { createInstrumentations } from './instrumentations.js';
import { createOtlpExport } from './otlp-export.js';
import { createSampler } from './sampler.js';
import type { XrayOtlpCopy } from './xray-otlp/copy.js';

/** A batch processor's options but its exporter. */
export type BatchOptions = Omit<BatchSpanProcessorOptions, 'exporter'>;

export interface TracingSettings {
  readonly exportTo: Extract<TraceExport, { enabled: true }>;
  readonly sampler: TraceSampler;
  readonly serviceName: string;
  /** More destinations (X-Ray's daemon), each with its own batch queue (see `batchConfig`). */
  readonly extraProcessors?: readonly SpanProcessor[];
  /** X-Ray over OTLP: handed each batch the trace destination's exporter encodes. */
  readonly xray?: XrayOtlpCopy | undefined;
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
export const batchConfig = (): BatchOptions => ({
  scheduledDelayMillis: getNumberFromEnv('OTEL_BSP_SCHEDULE_DELAY') ?? 200,
  maxQueueSize: getNumberFromEnv('OTEL_BSP_MAX_QUEUE_SIZE') ?? 2048,
  maxExportBatchSize: getNumberFromEnv('OTEL_BSP_MAX_EXPORT_BATCH_SIZE') ?? 128,
  exportTimeoutMillis: getNumberFromEnv('OTEL_BSP_EXPORT_TIMEOUT') ?? 5000,
});

/**
 * Span limits from the standard variables, span-specific before general,
 * with the SDK's defaults: the 2.x SDK read them itself, 3.x reads no
 * environment.
 */
export const spanLimits = (): SpanLimits => ({
  attributeCountLimit: getNumberFromEnv('OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT') ?? getNumberFromEnv('OTEL_ATTRIBUTE_COUNT_LIMIT') ?? 128,
  attributeValueLengthLimit:
    getNumberFromEnv('OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT') ?? getNumberFromEnv('OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT') ?? Infinity,
  linkCountLimit: getNumberFromEnv('OTEL_SPAN_LINK_COUNT_LIMIT') ?? 128,
  eventCountLimit: getNumberFromEnv('OTEL_SPAN_EVENT_COUNT_LIMIT') ?? 128,
  attributePerEventCountLimit: getNumberFromEnv('OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT') ?? 128,
  attributePerLinkCountLimit: getNumberFromEnv('OTEL_SPAN_ATTRIBUTE_PER_LINK_COUNT_LIMIT') ?? 128,
});

/**
 * Registers the tracer provider, the context manager (AsyncLocalStorage:
 * the active span follows awaits), W3C trace-context propagation and the
 * instrumentations.
 */
export const startTracing = (settings: TracingSettings): TracerProvider => {
  // Failures and dropped spans are reported, a line per interval at most (otlp-export.ts).
  const otlp = createOtlpExport(settings.exportTo, batchConfig(), { xray: settings.xray });
  const provider = new TracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName })),
    sampler: createSampler(settings.sampler),
    spanLimits: spanLimits(),
    // X-Ray-valid ids (epoch second first), as the browser's: a trace the API
    // starts itself is found in X-Ray under its own id too.
    idGenerator: new XrayIdGenerator(),
    spanProcessors: [
      new BatchSpanProcessor({ exporter: otlp.exporter, ...otlp.batch }),
      ...(settings.extraProcessors ?? []),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({ tracerProvider: provider, instrumentations: createInstrumentations(settings.exportTo.url) });
  return provider;
};
