import { subscribe } from 'node:diagnostics_channel';
import type { Agent } from 'node:http';
import { httpFailure, networkFailure, type ExportFailure, type ExportHealth, type FailureHints } from '@cruddur/export-health';
import { printableUrl, xrayRegionOf, type Env, type TraceExport } from '@cruddur/telemetry-config';
import { createNoopMeter, type Attributes, type Meter, type MeterProvider } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import {
  createOtlpNetworkExportDelegate,
  getSharedConfigurationDefaults,
  mergeOtlpSharedConfigurationWithDefaults,
  OTLPExporterBase,
  type IOtlpExportDelegate,
} from '@opentelemetry/otlp-exporter-base';
import { createOtlpHttpExportDelegate, createOtlpHttpExporterMetrics, getSharedConfigurationFromEnvironment } from '@opentelemetry/otlp-exporter-base/node-http';
import { JsonTraceSerializer, ProtobufTraceSerializer, TraceExporterMetricsHelper } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { countUnfinishedAtExit, destinationHealth } from './export-health.js';
import type { BatchOptions } from './sdk.js';
import type { XrayOtlpCopy } from './xray-otlp/copy.js';
import { DescribedExportError, SignedOtlpTransport, XRAY_CREDENTIALS_HINT } from './xray-otlp/signed-transport.js';
import { teeSerializer } from './xray-otlp/tee-serializer.js';

type Destination = Extract<TraceExport, { enabled: true }>;

/** The variable that set the address, in resolveTraceExport's order. */
const addressVariable = (destination: Destination, env: Env): string => {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim()) return 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT';
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) return 'OTEL_EXPORTER_OTLP_ENDPOINT';
  if (destination.destination === 'honeycomb') return 'HONEYCOMB_API_ENDPOINT';
  return 'TRACE_VIEWER_ENDPOINT (is the trace viewer running?)';
};

const CREDENTIALS: Record<Destination['destination'], string> = {
  honeycomb: 'HONEYCOMB_API_KEY',
  xray: XRAY_CREDENTIALS_HINT,
  local: 'the headers in OTEL_EXPORTER_OTLP_HEADERS',
  otlp: 'the headers in OTEL_EXPORTER_OTLP_HEADERS',
};

/** What to name in the hints: the key on 401/403, the variable that set the address when unreachable. */
export const otlpHints = (destination: Destination, env: Env): FailureHints => ({
  credentials: CREDENTIALS[destination.destination],
  address: addressVariable(destination, env),
  noun: 'spans',
});

const NAMES: Record<Destination['destination'], string> = { honeycomb: 'Honeycomb', xray: 'X-Ray', local: 'the trace viewer', otlp: 'OTLP' };

export const describeOtlpDestination = ({ destination, url }: Destination): string => `${NAMES[destination]} ${printableUrl(url)}`;

interface Outcome {
  readonly at: number;
  readonly failure: ExportFailure | undefined;
}

/**
 * What the exporter's own HTTP requests last got, read from Node's
 * diagnostics channels for requests made through `agent` only. The
 * exporter retries 429/502/503/504 and network errors within its timeout
 * and then reports "retryable status" without the status; this keeps it.
 */
export class RequestOutcomes {
  private last: Outcome | undefined;

  constructor(
    private readonly agent: () => Agent | undefined,
    private readonly hints: FailureHints,
  ) {
    subscribe('http.client.response.finish', (message) => {
      const { request, response } = message as { request?: { agent?: unknown }; response?: { statusCode?: number } };
      if (request?.agent === undefined || request.agent !== this.agent()) return;
      const status = response?.statusCode ?? 0;
      this.last = { at: Date.now(), failure: status >= 200 && status < 300 ? undefined : httpFailure(status, this.hints) };
    });
    subscribe('http.client.request.error', (message) => {
      const { request, error } = message as { request?: { agent?: unknown }; error?: unknown };
      if (request?.agent === undefined || request.agent !== this.agent()) return;
      this.last = { at: Date.now(), failure: networkFailure(error, this.hints) };
    });
  }

  /** The failure the requests met since `since`, if any. */
  since(since: number): ExportFailure | undefined {
    return this.last !== undefined && this.last.at >= since ? this.last.failure : undefined;
  }
}

const isStatusError = (error: unknown): error is Error & { code: number } =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'number';

/**
 * The OTLP exporter with its outcomes reported to the destination's
 * ExportHealth: every failed batch counts as a failure and its spans as
 * dropped; every success may end an outage. It answers the batch processor
 * itself just before the processor's own timeout (which would otherwise go,
 * reasonless, to OpenTelemetry's global error handler), naming what the
 * requests met by then (503 while retrying, a refused connection, or no
 * answer at all).
 */
export class ReportingSpanExporter implements SpanExporter {
  /** The span count of each export not answered yet. */
  private readonly inFlight = new Set<{ readonly spans: number }>();

  constructor(
    private readonly inner: SpanExporter,
    private readonly health: ExportHealth,
    private readonly hints: FailureHints,
    private readonly outcomes: RequestOutcomes,
    private readonly deadlineMs: number,
  ) {}

  /** Counts the spans of the exports not answered yet as dropped: the process is exiting without them. */
  abandonInFlight(): void {
    const spans = [...this.inFlight].reduce((sum, batch) => sum + batch.spans, 0);
    this.inFlight.clear();
    this.health.dropped(spans, 'still being sent at exit');
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    const startedAt = Date.now();
    const batch = { spans: spans.length };
    this.inFlight.add(batch);
    let answered = false;
    const timer = setTimeout(() => {
      this.inFlight.delete(batch);
      answered = true;
      this.health.failure(this.outcomes.since(startedAt) ?? { reason: 'timeout', hint: `unreachable: check ${this.hints.address}` }, {
        dropped: spans.length,
        startedAt,
      });
      resultCallback({ code: ExportResultCode.FAILED, error: new Error(`no answer within ${String(this.deadlineMs)} ms`) });
    }, this.deadlineMs);
    timer.unref();
    this.inner.export(spans, (result) => {
      clearTimeout(timer);
      this.inFlight.delete(batch);
      if (result.code === ExportResultCode.SUCCESS) this.health.success(startedAt);
      else if (!answered) this.health.failure(this.classify(result.error, startedAt), { dropped: spans.length, startedAt });
      if (answered) return;
      answered = true;
      resultCallback(result);
    });
  }

  /** Says what is unsaid once the exports in flight have ended (if they outlive the process, flushExportHealth does). */
  async shutdown(): Promise<void> {
    try {
      await this.inner.shutdown();
    } finally {
      this.health.flush();
      this.health.close();
    }
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }

  private classify(error: Error | undefined, startedAt: number): ExportFailure {
    if (error instanceof DescribedExportError) return error.failure;
    if (isStatusError(error)) return httpFailure(error.code, this.hints);
    // "Export failed with retryable status" (429/502/503/504 after retries) or a network error.
    const seen = this.outcomes.since(startedAt);
    if (seen) return seen;
    return error === undefined ? { reason: 'export failed' } : networkFailure(error, this.hints);
  }
}

const PROCESSED_SPANS = 'otel.sdk.processor.span.processed';

/**
 * A MeterProvider for the batch processor's self-observability
 * (`selfObsMeterProvider`) that only counts one thing: spans it dropped
 * because its queue was full (`otel.sdk.processor.span.processed` with
 * `error.type=queue_full`, added per dropped span). Every other instrument
 * is a no-op.
 */
export const queueDropCounter = (onDrop: (count: number) => void): MeterProvider => {
  const noop = createNoopMeter();
  const meter: Meter = {
    createCounter: (name, options) =>
      name === PROCESSED_SPANS
        ? {
            add: (value: number, attributes?: Attributes) => {
              if (attributes?.['error.type'] === 'queue_full') onDrop(value);
            },
          }
        : noop.createCounter(name, options),
    createUpDownCounter: (name, options) => noop.createUpDownCounter(name, options),
    createHistogram: (name, options) => noop.createHistogram(name, options),
    createGauge: (name, options) => noop.createGauge(name, options),
    createObservableGauge: (name, options) => noop.createObservableGauge(name, options),
    createObservableCounter: (name, options) => noop.createObservableCounter(name, options),
    createObservableUpDownCounter: (name, options) => noop.createObservableUpDownCounter(name, options),
    addBatchObservableCallback: (callback, observables) => {
      noop.addBatchObservableCallback(callback, observables);
    },
    removeBatchObservableCallback: (callback, observables) => {
      noop.removeBatchObservableCallback(callback, observables);
    },
  };
  return { getMeter: () => meter };
};

export interface OtlpExport {
  readonly exporter: SpanExporter;
  /** The batch processor's options, with the meter provider that counts its queue's drops. */
  readonly batch: BatchOptions & { readonly selfObsMeterProvider: MeterProvider };
}

export interface OtlpExportOptions {
  readonly env?: Env;
  /** X-Ray over OTLP: gets each batch the exporter encodes, as OTLP/protobuf. */
  readonly xray?: XrayOtlpCopy | undefined;
}

// The upstream exporter's component type (semconv's OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_SPAN_EXPORTER,
// in its incubating entry point, too big to load at start for one string); no meter reads it here.
const COMPONENT_TYPE = 'otlp_http_span_exporter';

/**
 * The upstream OTLP/HTTP trace exporter, from its own parts (the export
 * delegate and transport of otlp-exporter-base, the serializers of
 * otlp-transformer) rather than the exporter-trace-otlp-* classes, which
 * take no serializer: this one takes the serializer that hands X-Ray its
 * copy. X-Ray's own endpoint as the destination gets the signing transport.
 */
const createDelegate = (
  destination: Destination,
  deadline: number,
  xray: XrayOtlpCopy | undefined,
  setAgent: (agent: Agent) => void,
): IOtlpExportDelegate<ReadableSpan[]> => {
  const protobuf = destination.protocol !== 'http/json';
  const contentType = protobuf ? 'application/x-protobuf' : 'application/json';
  const primary = protobuf ? ProtobufTraceSerializer : JsonTraceSerializer;
  const serializer =
    xray === undefined
      ? primary
      : teeSerializer(primary, protobuf, (body, spans) => {
          xray.send(body, spans);
        });
  // Our deadline; OTEL_EXPORTER_OTLP_*COMPRESSION as the exporter classes read it.
  const shared = mergeOtlpSharedConfigurationWithDefaults({ timeoutMillis: deadline }, getSharedConfigurationFromEnvironment('TRACES'), getSharedConfigurationDefaults());
  const region = destination.destination === 'xray' ? xrayRegionOf(destination.url) : undefined;
  if (region !== undefined) {
    const transport = new SignedOtlpTransport({ url: destination.url, region, contentType, headers: destination.headers });
    setAgent(transport.agent);
    const metrics = createOtlpHttpExporterMetrics(COMPONENT_TYPE, TraceExporterMetricsHelper, destination.url, undefined);
    // Signed over the body as sent: uncompressed.
    return createOtlpNetworkExportDelegate({ ...shared, compression: 'none' }, serializer, metrics, transport);
  }
  const options: Parameters<typeof createOtlpHttpExportDelegate>[0] = {
    ...shared,
    url: destination.url,
    headers: () => Promise.resolve({ ...destination.headers, 'Content-Type': contentType }),
    // Loaded when the first batch goes, after the instrumentations have
    // patched the modules (as the exporter's documentation asks).
    agentFactory: async (protocol: string) => {
      const module = protocol === 'http:' ? await import('node:http') : await import('node:https');
      const agent = new module.Agent({ keepAlive: true });
      setAgent(agent);
      return agent;
    },
  };
  return createOtlpHttpExportDelegate(options, serializer, COMPONENT_TYPE, TraceExporterMetricsHelper, undefined);
};

/**
 * The OTLP/HTTP exporter (protobuf or JSON) for `destination`, reporting
 * through its own ExportHealth (stderr, at most a line per
 * CRUDDUR_EXPORT_ERROR_INTERVAL_MS), with the batch options that count the
 * spans the queue drops when it is full. With `xray`, each batch it encodes
 * also goes to X-Ray, whose share of a full queue's drops is counted too.
 */
export const createOtlpExport = (destination: Destination, batch: BatchOptions, { env = process.env, xray }: OtlpExportOptions = {}): OtlpExport => {
  const hints = otlpHints(destination, env);
  const { health } = destinationHealth(describeOtlpDestination(destination), hints);
  let agent: Agent | undefined;
  const exportTimeout = batch.exportTimeoutMillis ?? 30_000;
  // Just before the processor's own timeout, so the processor hears our answer first.
  const deadline = Math.max(1, exportTimeout - Math.min(250, exportTimeout / 10));
  const inner = new OTLPExporterBase(
    createDelegate(destination, deadline, xray, (created) => {
      agent = created;
    }),
  );
  const outcomes = new RequestOutcomes(() => agent, hints);
  const maxQueueSize = batch.maxQueueSize ?? 2048;
  const exporter = new ReportingSpanExporter(inner, health, hints, outcomes, deadline);
  countUnfinishedAtExit(() => {
    exporter.abandonInFlight();
  });
  return {
    exporter,
    batch: {
      ...batch,
      selfObsMeterProvider: queueDropCounter((count) => {
        const reason = `queue full: ${String(maxQueueSize)} spans waiting`;
        health.dropped(count, reason);
        xray?.dropped(count, `${reason} for ${describeOtlpDestination(destination)}`);
      }),
    },
  };
};
