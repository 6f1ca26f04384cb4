import { propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AlwaysOnSampler, InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeEach } from 'vitest';

/**
 * The SDK in-process for one test file: spans recorded in memory, emptied
 * before each test, the provider taken down after the file. The sampler is
 * explicit, so an OTEL_TRACES_SAMPLER in the shell cannot change the outcome.
 */
export const recordSpansInProcess = (): InMemorySpanExporter => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ sampler: new AlwaysOnSampler(), spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    propagation.disable();
  });
  beforeEach(() => {
    exporter.reset();
  });
  return exporter;
};
