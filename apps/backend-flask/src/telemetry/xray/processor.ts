import { SpanKind, trace, type Context } from '@opentelemetry/api';
import { BatchSpanProcessor, type ReadableSpan, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace';
import type { BatchOptions } from '../sdk.js';
import { isTimelyTraceId, XraySpanExporter, type XrayExporterOptions } from './exporter.js';
import { ProblemReport } from './problems.js';
import { sampledRequestOf, XraySampling, type SamplingOptions } from './sampling.js';
import type { SamplingRule } from './sampling-rule.js';

export interface XrayProcessorOptions extends XrayExporterOptions, SamplingOptions {
  readonly rule: SamplingRule;
  /** The batch queue in front of the exporter (the SDK's defaults when absent). */
  readonly batch?: BatchOptions;
  /** Decisions remembered for traces continued from a caller (default 10,000, then the older half is forgotten). */
  readonly maxRememberedTraces?: number;
}

/** Trace id → decision, bounded: two generations, the older dropped whole when the newer fills. */
class RecentDecisions {
  private current = new Map<string, boolean>();
  private previous = new Map<string, boolean>();

  constructor(private readonly perGeneration: number) {}

  get(traceId: string): boolean | undefined {
    return this.current.get(traceId) ?? this.previous.get(traceId);
  }

  set(traceId: string, sampled: boolean): void {
    if (this.current.size >= this.perGeneration) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(traceId, sampled);
  }
}

const SKIPPED_UNTIMELY = 'skipped traces whose id X-Ray refuses (not started by an X-Ray id generator, or over 28 days old)';

/**
 * X-Ray's sampling, decided when a request's SERVER span starts (its
 * method, path, host and service are known then): the span and the spans
 * started under it are marked, and only marked spans are queued for the
 * X-Ray exporter when they end. The ~90 % of requests the rule leaves out
 * cost one lookup per span, instead of being queued, grouped into trees and
 * dropped after the fact.
 *
 * Once per trace: a trace continued from a caller (a click that made two API
 * calls) keeps the decision of its first request. Spans outside any SERVER
 * span (work outside a request) are never sent.
 */
export class XraySpanProcessor implements SpanProcessor {
  private readonly marked = new WeakSet<object>();
  private readonly decisions: RecentDecisions;
  private readonly sampling: XraySampling;
  private readonly problems: ProblemReport;
  private readonly now: () => number;
  private readonly batch: BatchSpanProcessor;

  constructor(options: XrayProcessorOptions) {
    this.now = options.now ?? Date.now;
    this.problems =
      options.problems ??
      new ProblemReport({
        warn:
          options.warn ??
          ((message) => {
            console.warn(message);
          }),
        now: this.now,
      });
    this.sampling = new XraySampling(options.rule, options);
    this.decisions = new RecentDecisions(Math.max(1, Math.ceil((options.maxRememberedTraces ?? 10_000) / 2)));
    this.batch = new BatchSpanProcessor({ exporter: new XraySpanExporter({ ...options, problems: this.problems }), ...options.batch });
  }

  onStart(span: Span, parentContext: Context): void {
    if (span.kind === SpanKind.SERVER) {
      if (this.decide(span)) this.marked.add(span);
      return;
    }
    const parent = trace.getSpan(parentContext);
    if (parent !== undefined && this.marked.has(parent)) this.marked.add(span);
  }

  onEnd(span: ReadableSpan): void {
    if (this.marked.has(span)) this.batch.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.batch.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.batch.shutdown();
  }

  private decide(server: Span): boolean {
    const { traceId } = server.spanContext();
    const continued = server.parentSpanContext?.isRemote === true;
    const known = continued ? this.decisions.get(traceId) : undefined;
    if (known !== undefined) return known;
    let sampled = false;
    if (isTimelyTraceId(traceId, this.now())) sampled = this.sampling.decide(sampledRequestOf(server)).sampled;
    else this.problems.count(SKIPPED_UNTIMELY);
    // A trace the API started itself has no other request to follow it.
    if (continued) this.decisions.set(traceId, sampled);
    return sampled;
  }
}
