import { httpFailure, networkFailure, type ExportFailure, type ExportHealth, type FailureHints } from '@cruddur/export-health';
import type { ExportResponse, IExporterTransport } from '@opentelemetry/otlp-exporter-base';
import { DescribedExportError } from './signed-transport.js';

/** A failed send's reason and hint, never the error's own message when it could hold more. */
export const xrayFailure = (error: unknown, hints: FailureHints): ExportFailure => {
  if (error instanceof DescribedExportError) return error.failure;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'number') return httpFailure(code, hints);
  return networkFailure(error, hints);
};

export interface XrayOtlpCopyOptions {
  readonly transport: IExporterTransport;
  readonly health: ExportHealth;
  readonly hints: FailureHints;
  /** Each send gives up after this long. */
  readonly timeoutMs: number;
  /** Sends at once; a batch that finds them all busy is dropped and counted. */
  readonly maxInFlight: number;
}

/**
 * X-Ray's copy of batches already encoded for another destination: the API's
 * own (through the exporter's serializer, see tee-serializer.ts) and the
 * browser's (through the relay). Nothing waits on it: `send` starts the
 * request and returns; at most `maxInFlight` requests are open, and what
 * finds them all busy, fails or is still open at exit is counted as dropped
 * in its ExportHealth lines. No retries: a failed batch is a dropped batch.
 */
export class XrayOtlpCopy {
  /** Each open send, with its span count. */
  private readonly inFlight = new Map<Promise<void>, number>();
  private closed = false;

  constructor(private readonly options: XrayOtlpCopyOptions) {}

  send(body: Uint8Array, spans: number): void {
    const { health, maxInFlight } = this.options;
    if (this.closed) {
      health.dropped(spans, 'sent after shutdown');
      return;
    }
    if (this.inFlight.size >= maxInFlight) {
      health.dropped(spans, `${String(maxInFlight)} requests already in flight`);
      return;
    }
    const sending = this.attempt(body, spans);
    this.inFlight.set(sending, spans);
    void sending.then(() => {
      this.inFlight.delete(sending);
    });
  }

  /** Spans lost before they could be sent (the batch queue it shares was full). */
  dropped(spans: number, reason: string): void {
    this.options.health.dropped(spans, reason);
  }

  /** Counts the spans of the sends still open as dropped: the process is exiting without them. */
  abandonInFlight(): void {
    const spans = [...this.inFlight.values()].reduce((sum, count) => sum + count, 0);
    this.inFlight.clear();
    this.options.health.dropped(spans, 'still being sent at exit');
  }

  /** Resolves when the sends open now have ended (each within its timeout). */
  async flush(): Promise<void> {
    await Promise.all(this.inFlight.keys());
  }

  /** Waits for the open sends, says what is unsaid, and closes the connections. */
  async shutdown(): Promise<void> {
    this.closed = true;
    try {
      await this.flush();
    } finally {
      this.options.health.flush();
      this.options.health.close();
      this.options.transport.shutdown();
    }
  }

  /** One request; never rejects. */
  private async attempt(body: Uint8Array, spans: number): Promise<void> {
    const { transport, health, hints, timeoutMs } = this.options;
    const startedAt = Date.now();
    let response: ExportResponse;
    try {
      response = await transport.send(body, timeoutMs);
    } catch (error) {
      response = { status: 'failure', error: error instanceof Error ? error : new Error(String(error)) };
    }
    if (response.status === 'success') health.success(startedAt);
    else health.failure(xrayFailure(response.error, hints), { dropped: spans, startedAt });
  }
}
