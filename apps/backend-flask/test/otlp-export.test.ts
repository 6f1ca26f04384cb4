import { ExportHealth } from '@cruddur/export-health';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { BatchSpanProcessor, TracerProvider, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { otlpHints, queueDropCounter, ReportingSpanExporter, RequestOutcomes } from '../src/telemetry/otlp-export.js';

const HONEYCOMB = { enabled: true, destination: 'honeycomb', url: 'https://api.honeycomb.io/v1/traces', protocol: 'http/protobuf', headers: {} } as const;
const HINTS = otlpHints(HONEYCOMB, {});

/** An exporter answering each batch with whatever `answer` says, when it says. */
const scriptedExporter = (answer: (spans: ReadableSpan[], done: (result: ExportResult) => void) => void): SpanExporter => ({
  export: answer,
  shutdown: () => Promise.resolve(),
});

const setUp = (inner: SpanExporter, deadlineMs = 1_000) => {
  const lines: string[] = [];
  const health = new ExportHealth({ destination: 'Honeycomb https://api.honeycomb.io/v1/traces', noun: 'spans', prefix: 'backend-flask', write: (line) => lines.push(line), intervalMs: 60_000 });
  const exporter = new ReportingSpanExporter(inner, health, HINTS, new RequestOutcomes(() => undefined, HINTS), deadlineMs);
  const exportNow = (count: number) =>
    new Promise<ExportResult>((resolve) => {
      exporter.export(Array.from({ length: count }, () => ({}) as ReadableSpan), resolve);
    });
  return { lines, exporter, exportNow };
};

describe('the OTLP exporter, reporting', () => {
  it('says why a batch failed (401: the key) with its spans as dropped, and passes the result on', async () => {
    const error = Object.assign(new Error('Unauthorized'), { code: 401 });
    const { lines, exportNow } = setUp(
      scriptedExporter((_spans, done) => {
        done({ code: ExportResultCode.FAILED, error });
      }),
    );
    expect(await exportNow(12)).toEqual({ code: ExportResultCode.FAILED, error });
    expect(lines).toEqual([
      'backend-flask: export to Honeycomb https://api.honeycomb.io/v1/traces failing: HTTP 401: check HONEYCOMB_API_KEY; 1 failure, 12 spans dropped since the last line',
    ]);
  });

  it('answers the batch processor itself at its deadline when the destination never answers, and hears a late success as recovery', async () => {
    let late: ((result: ExportResult) => void) | undefined;
    const { lines, exporter, exportNow } = setUp(
      scriptedExporter((_spans, done) => {
        late = done;
      }),
      50,
    );
    const result = await exportNow(3);
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(lines).toEqual([expect.stringContaining(' failing: timeout: unreachable: check HONEYCOMB_API_ENDPOINT; 1 failure, 3 spans dropped')]);
    late?.({ code: ExportResultCode.SUCCESS });
    await exporter.shutdown();
    expect(lines[1]).toBe('backend-flask: export to Honeycomb https://api.honeycomb.io/v1/traces resumed after 1 failure; 3 spans dropped meanwhile');
  });

  it('names the variable that set the address, and the headers when the destination is not Honeycomb', () => {
    expect(otlpHints({ ...HONEYCOMB, destination: 'otlp' }, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toEqual({
      credentials: 'the headers in OTEL_EXPORTER_OTLP_HEADERS',
      address: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
      noun: 'spans',
    });
    expect(otlpHints({ ...HONEYCOMB, destination: 'local' }, {}).address).toBe('TRACE_VIEWER_ENDPOINT (is the trace viewer running?)');
  });
});

describe('queueDropCounter', () => {
  it("counts the spans a full batch queue refuses, from the processor's own self-observability", () => {
    let dropped = 0;
    const hanging = scriptedExporter(() => undefined);
    const processor = new BatchSpanProcessor({
      exporter: hanging,
      maxQueueSize: 10,
      maxExportBatchSize: 5,
      scheduledDelayMillis: 60_000,
      exportTimeoutMillis: 60_000,
      selfObsMeterProvider: queueDropCounter((count) => {
        dropped += count;
      }),
    });
    const provider = new TracerProvider({ spanProcessors: [processor] });
    const tracer = provider.getTracer('test');
    // 5 go out in a batch that never returns, 10 wait, the other 15 are refused.
    for (let i = 0; i < 30; i++) tracer.startSpan(`span ${String(i)}`).end();
    expect(dropped).toBe(15);
  });
});
