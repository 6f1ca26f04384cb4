import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';

/** A span with the spans under it that ended by the time it was placed. */
export interface SpanTree {
  readonly span: ReadableSpan;
  readonly children: SpanTree[];
}

/**
 * What goes to X-Ray: a SERVER span as a segment with its subsegments, or
 * a span that ended after its segment was sent, as a subsegment of its own
 * under `parentId`.
 */
export type Placement =
  | { readonly kind: 'segment'; readonly traceId: string; readonly tree: SpanTree }
  | { readonly kind: 'subsegment'; readonly traceId: string; readonly parentId: string; readonly tree: SpanTree };

export interface AssemblyOptions {
  readonly now?: () => number;
  /** Spans of traces whose SERVER span has not ended are kept this long (default 60 s)... */
  readonly pendingTtlMs?: number;
  /** ...and at most this many of them (default 10,000), oldest traces dropped first. */
  readonly maxPendingSpans?: number;
  /** Traces remembered as sent, for their spans that end late (default 10,000). */
  readonly maxSentTraces?: number;
}

interface Pending {
  readonly since: number;
  spans: ReadableSpan[];
}

/** A trace whose segment went out: the ids of its spans already sent. */
interface SentTrace {
  readonly placed: Set<string>;
}

const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;

/**
 * Puts the spans of each request together under its SERVER span, however
 * the batches split them: spans wait, by trace, for the SERVER span they
 * descend from (it ends last); a span that ends after its segment went out
 * follows as a subsegment of its own. It is handed sampled traces only
 * (XraySpanProcessor decides). Spans no SERVER span claims (work outside
 * any request) are never sent.
 */
export class TraceAssembly {
  private readonly pending = new Map<string, Pending>();
  private readonly sent = new Map<string, SentTrace>();
  private pendingCount = 0;
  private readonly now: () => number;
  private readonly pendingTtlMs: number;
  private readonly maxPendingSpans: number;
  private readonly maxSentTraces: number;

  constructor(options: AssemblyOptions) {
    this.now = options.now ?? Date.now;
    this.pendingTtlMs = options.pendingTtlMs ?? 60_000;
    this.maxPendingSpans = options.maxPendingSpans ?? 10_000;
    this.maxSentTraces = options.maxSentTraces ?? 10_000;
  }

  /** Takes a batch of ended spans; returns what to send now. */
  add(spans: readonly ReadableSpan[]): Placement[] {
    const now = this.now();
    const touched = new Set<string>();
    for (const span of spans) {
      const { traceId } = span.spanContext();
      const entry = this.pending.get(traceId) ?? { since: now, spans: [] };
      entry.spans.push(span);
      this.pending.set(traceId, entry);
      this.pendingCount++;
      touched.add(traceId);
    }
    const placements = [...touched].flatMap((traceId) => this.resolve(traceId));
    this.expire(now);
    return placements;
  }

  /** How many spans wait for their SERVER span. */
  get waiting(): number {
    return this.pendingCount;
  }

  private resolve(traceId: string): Placement[] {
    const entry = this.pending.get(traceId);
    if (!entry) return [];
    const placements: Placement[] = [];
    for (const server of entry.spans.filter(({ kind }) => kind === SpanKind.SERVER)) {
      placements.push({ kind: 'segment', traceId, tree: this.take(entry, this.sentTrace(traceId), server) });
    }
    // Spans that ended after their segment went out, once their parent is placed.
    const sent = this.sent.get(traceId);
    if (sent) {
      for (let late = this.nextLate(entry, sent); late; late = this.nextLate(entry, sent)) {
        const parentId = parentOf(late) ?? '';
        placements.push({ kind: 'subsegment', traceId, parentId, tree: this.take(entry, sent, late) });
      }
    }
    if (entry.spans.length === 0) this.pending.delete(traceId);
    return placements;
  }

  private sentTrace(traceId: string): SentTrace {
    const known = this.sent.get(traceId);
    if (known) return known;
    const sent = { placed: new Set<string>() };
    this.sent.set(traceId, sent);
    if (this.sent.size > this.maxSentTraces) {
      const oldest = this.sent.keys().next().value;
      if (oldest !== undefined) this.sent.delete(oldest);
    }
    return sent;
  }

  private nextLate(entry: Pending, sent: SentTrace): ReadableSpan | undefined {
    return entry.spans.find((span) => span.kind !== SpanKind.SERVER && sent.placed.has(parentOf(span) ?? ''));
  }

  /** Removes `root` and the pending spans under it, marking them placed. */
  private take(entry: Pending, sent: SentTrace, root: ReadableSpan): SpanTree {
    const build = (span: ReadableSpan): SpanTree => {
      const { spanId } = span.spanContext();
      sent.placed.add(spanId);
      const children = entry.spans.filter((candidate) => candidate.kind !== SpanKind.SERVER && parentOf(candidate) === spanId);
      return { span, children: children.map(build) };
    };
    const tree = build(root);
    const before = entry.spans.length;
    entry.spans = entry.spans.filter((span) => !sent.placed.has(span.spanContext().spanId));
    this.pendingCount -= before - entry.spans.length;
    return tree;
  }

  /** Drops traces that waited too long, then the oldest ones while over the cap. */
  private expire(now: number): void {
    for (const [traceId, entry] of this.pending) {
      if (now - entry.since < this.pendingTtlMs && this.pendingCount <= this.maxPendingSpans) break;
      this.pending.delete(traceId);
      this.pendingCount -= entry.spans.length;
    }
  }
}
