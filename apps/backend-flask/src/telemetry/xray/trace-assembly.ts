import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import type { SampledRequest } from './sampling.js';

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
  /**
   * Decides once per trace, on the trace's first SERVER span; by default
   * every trace is sent (the exporter is handed sampled traces only).
   */
  readonly decide?: (server: ReadableSpan, request: SampledRequest) => boolean;
  readonly now?: () => number;
  /** Spans of traces whose SERVER span has not ended are kept this long (default 60 s)... */
  readonly pendingTtlMs?: number;
  /** ...and at most this many of them (default 10,000), oldest traces dropped first. */
  readonly maxPendingSpans?: number;
  /** Decisions remembered for spans that end late (default 10,000 traces). */
  readonly maxDecidedTraces?: number;
}

interface Pending {
  readonly since: number;
  spans: ReadableSpan[];
}

interface Decided {
  readonly sampled: boolean;
  /** Ids of the spans already sent or dropped with their segment. */
  readonly placed: Set<string>;
}

const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** What an X-Ray sampling rule looks at, read from a SERVER span. */
export const sampledRequestOf = (server: ReadableSpan): SampledRequest => {
  const name = server.resource.attributes['service.name'];
  return {
    serviceName: typeof name === 'string' ? name : '',
    host: str(server.attributes['server.address']),
    method: str(server.attributes['http.request.method']),
    path: str(server.attributes['url.path']),
  };
};

/**
 * Puts the spans of each request together under its SERVER span, however
 * the batches split them: spans wait, by trace, for the SERVER span they
 * descend from (it ends last); the trace's sampling decision is made on the
 * first one and kept for the trace's later requests and late spans. Spans
 * no SERVER span claims (work outside any request) are never sent.
 */
export class TraceAssembly {
  private readonly pending = new Map<string, Pending>();
  private readonly decided = new Map<string, Decided>();
  private pendingCount = 0;
  private readonly now: () => number;
  private readonly pendingTtlMs: number;
  private readonly maxPendingSpans: number;
  private readonly maxDecidedTraces: number;

  constructor(private readonly options: AssemblyOptions) {
    this.now = options.now ?? Date.now;
    this.pendingTtlMs = options.pendingTtlMs ?? 60_000;
    this.maxPendingSpans = options.maxPendingSpans ?? 10_000;
    this.maxDecidedTraces = options.maxDecidedTraces ?? 10_000;
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
      const decision = this.decisionFor(traceId, server);
      const tree = this.take(entry, decision, server);
      if (decision.sampled) placements.push({ kind: 'segment', traceId, tree });
    }
    // Spans that ended after their segment went out, once their parent is placed.
    const decision = this.decided.get(traceId);
    if (decision) {
      for (let late = this.nextLate(entry, decision); late; late = this.nextLate(entry, decision)) {
        const parentId = parentOf(late) ?? '';
        const tree = this.take(entry, decision, late);
        if (decision.sampled) placements.push({ kind: 'subsegment', traceId, parentId, tree });
      }
    }
    if (entry.spans.length === 0) this.pending.delete(traceId);
    return placements;
  }

  private decisionFor(traceId: string, server: ReadableSpan): Decided {
    const known = this.decided.get(traceId);
    if (known) return known;
    const sampled = this.options.decide ? this.options.decide(server, sampledRequestOf(server)) : true;
    const decision = { sampled, placed: new Set<string>() };
    this.decided.set(traceId, decision);
    if (this.decided.size > this.maxDecidedTraces) {
      const oldest = this.decided.keys().next().value;
      if (oldest !== undefined) this.decided.delete(oldest);
    }
    return decision;
  }

  private nextLate(entry: Pending, decision: Decided): ReadableSpan | undefined {
    return entry.spans.find((span) => span.kind !== SpanKind.SERVER && decision.placed.has(parentOf(span) ?? ''));
  }

  /** Removes `root` and the pending spans under it, marking them placed. */
  private take(entry: Pending, decision: Decided, root: ReadableSpan): SpanTree {
    const build = (span: ReadableSpan): SpanTree => {
      const { spanId } = span.spanContext();
      decision.placed.add(spanId);
      const children = entry.spans.filter((candidate) => candidate.kind !== SpanKind.SERVER && parentOf(candidate) === spanId);
      return { span, children: children.map(build) };
    };
    const tree = build(root);
    const before = entry.spans.length;
    entry.spans = entry.spans.filter((span) => !decision.placed.has(span.spanContext().spanId));
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
