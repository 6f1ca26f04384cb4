import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import type { DaemonAddress } from '@cruddur/telemetry-config';
import { MAX_DATAGRAM_BYTES, toDatagrams } from './documents.js';
import { ProblemReport } from './problems.js';
import { TraceAssembly } from './trace-assembly.js';
import { UdpSender } from './udp-sender.js';

export interface XrayExporterOptions {
  readonly address: DaemonAddress;
  /** Where problems are reported, once a minute at most; default console.warn. */
  readonly warn?: (message: string) => void;
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  /** A report shared with the sampling processor; by default one of its own through `warn`. */
  readonly problems?: ProblemReport;
  readonly maxDatagramBytes?: number;
}

// X-Ray refuses trace ids whose first 8 hex digits (the epoch second) are
// over 30 days old; the collector allows 28 days and 5 minutes of skew.
const MAX_AGE_SECONDS = 28 * 24 * 3600;
const MAX_SKEW_SECONDS = 5 * 60;

export const isTimelyTraceId = (traceId: string, nowMillis: number): boolean => {
  const age = nowMillis / 1000 - Number.parseInt(traceId.slice(0, 8), 16);
  return age <= MAX_AGE_SECONDS && age >= -MAX_SKEW_SECONDS;
};

/**
 * Sends the API's requests to X-Ray through the daemon: each SERVER span a
 * segment, the spans under it subsegments. It is handed only the traces the
 * sampling rule picked (XraySpanProcessor decides when the SERVER span
 * starts). It never fails an export: whatever goes wrong is counted and
 * reported, and the other exporters are not held up.
 */
export class XraySpanExporter implements SpanExporter {
  private readonly problems: ProblemReport;
  private readonly sender: UdpSender;
  private readonly assembly: TraceAssembly;
  private readonly maxDatagramBytes: number;

  constructor(options: XrayExporterOptions) {
    const now = options.now ?? Date.now;
    this.problems = options.problems ?? new ProblemReport({ warn: options.warn ?? ((message) => { console.warn(message); }), now });
    this.sender = new UdpSender(options.address, { problems: this.problems });
    this.maxDatagramBytes = options.maxDatagramBytes ?? MAX_DATAGRAM_BYTES;
    this.assembly = new TraceAssembly({ now });
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    try {
      for (const placement of this.assembly.add(spans)) {
        const { datagrams, tooLarge } = toDatagrams(placement, this.maxDatagramBytes);
        if (tooLarge > 0) this.problems.count(`left out documents over ${String(this.maxDatagramBytes)} bytes`, tooLarge);
        for (const datagram of datagrams) this.sender.send(datagram);
      }
    } catch (error) {
      this.problems.count(`translation failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  forceFlush(): Promise<void> {
    return this.sender.flush();
  }

  /** Called by the provider's shutdown after the last batch: waits for the datagrams in flight. */
  async shutdown(): Promise<void> {
    await this.sender.close();
    this.problems.flush();
  }
}
