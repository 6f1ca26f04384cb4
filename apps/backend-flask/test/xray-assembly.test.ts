import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { describe, expect, it } from 'vitest';
import type { SampledRequest } from '../src/telemetry/xray/sampling.js';
import { TraceAssembly, type Placement, type SpanTree } from '../src/telemetry/xray/trace-assembly.js';
import { browserParent, spanFactory } from './xray-spans.js';

const names = (tree: SpanTree): unknown => [tree.span.name, ...tree.children.map(names)];
const summary = (placements: Placement[]) =>
  placements.map((placement) => ({ kind: placement.kind, traceId: placement.traceId, tree: names(placement.tree) }));

const REQUEST_TREE = ['GET /api/activities/home', ['home-activities-mock-data']];

/** Records each decision asked for; answers from `answers` in turn (default: yes). */
const recordingDecide = (...answers: boolean[]) => {
  const asked: SampledRequest[] = [];
  return {
    asked,
    decide: (_server: ReadableSpan, request: SampledRequest) => {
      asked.push(request);
      return answers.shift() ?? true;
    },
  };
};

describe('putting spans together under their SERVER span', () => {
  it('waits for the SERVER span when a batch ends before it', () => {
    const spans = spanFactory();
    const parent = browserParent();
    const request = spans.request(parent);
    const { decide, asked } = recordingDecide();
    const assembly = new TraceAssembly({ decide });

    request.useCase.end();
    expect(assembly.add(spans.finished())).toEqual([]);
    expect(assembly.waiting).toBe(1);
    spans.reset();
    request.server.end();
    expect(summary(assembly.add(spans.finished()))).toEqual([{ kind: 'segment', traceId: parent.traceId, tree: REQUEST_TREE }]);
    expect(assembly.waiting).toBe(0);
    // Matched against the SERVER span, as the rule wants.
    expect(asked).toEqual([{ serviceName: 'backend-flask', host: 'localhost', method: 'GET', path: '/api/activities/home' }]);
  });

  it('decides once per trace: a second request of the same click follows the first decision', () => {
    const spans = spanFactory();
    const parent = browserParent();
    const { decide, asked } = recordingDecide(false, true);
    const assembly = new TraceAssembly({ decide });
    spans.request(parent).endAll();
    expect(assembly.add(spans.finished())).toEqual([]);
    spans.reset();
    spans.request({ ...parent, spanId: 'c0ffee0000000001' }).endAll();
    expect(assembly.add(spans.finished())).toEqual([]);
    expect(asked).toHaveLength(1);
    expect(assembly.waiting).toBe(0);
  });

  it('sends each request of a sampled click as its own segment, under its own fetch span', () => {
    const spans = spanFactory();
    const parent = browserParent();
    const assembly = new TraceAssembly({ decide: () => true });
    const first = spans.request(parent);
    const second = spans.request({ ...parent, spanId: 'c0ffee0000000001' });
    first.endAll();
    second.endAll();
    const placements = assembly.add(spans.finished());
    expect(summary(placements)).toEqual([
      { kind: 'segment', traceId: parent.traceId, tree: REQUEST_TREE },
      { kind: 'segment', traceId: parent.traceId, tree: REQUEST_TREE },
    ]);
    expect(placements.map(({ tree }) => tree.span.parentSpanContext?.spanId)).toEqual([parent.spanId, 'c0ffee0000000001']);
  });

  it('drops the late spans of a trace that is not sampled, and sends those of one that is', () => {
    const spans = spanFactory();
    const assembly = new TraceAssembly({ decide: recordingDecide(false, true).decide });
    const dropped = spans.request(browserParent());
    const lateDropped = spans.start('late', SpanKind.INTERNAL, {}, dropped.useCase);
    const kept = spans.request({ traceId: `${browserParent().traceId.slice(0, 8)}${'f'.repeat(24)}`, spanId: 'c0ffee0000000002' });
    const lateKept = spans.start('late', SpanKind.INTERNAL, {}, kept.useCase);
    const lateKeptChild = spans.start('late-child', SpanKind.INTERNAL, {}, lateKept);
    dropped.endAll();
    kept.endAll();
    expect(assembly.add(spans.finished())).toHaveLength(1);
    spans.reset();
    lateDropped.end();
    lateKeptChild.end();
    lateKept.end();
    const placements = assembly.add(spans.finished());
    expect(placements.map((placement) => placement.kind === 'subsegment' && [placement.parentId, names(placement.tree)])).toEqual([
      [kept.useCase.spanContext().spanId, ['late', ['late-child']]],
    ]);
    expect(assembly.waiting).toBe(0);
  });

  it('never sends spans no SERVER span claims, and forgets them after a while', () => {
    let now = 0;
    const spans = spanFactory();
    const assembly = new TraceAssembly({ decide: () => true, now: () => now, pendingTtlMs: 60_000 });
    spans.start('background-job', SpanKind.INTERNAL).end();
    spans.start('GET', SpanKind.CLIENT, { 'server.address': 'example.com' }).end();
    expect(assembly.add(spans.finished())).toEqual([]);
    expect(assembly.waiting).toBe(2);
    now = 60_000;
    spans.reset();
    expect(assembly.add([])).toEqual([]);
    expect(assembly.waiting).toBe(0);
  });

  it('keeps at most maxPendingSpans waiting, dropping the oldest traces first', () => {
    const spans = spanFactory();
    const assembly = new TraceAssembly({ decide: () => true, maxPendingSpans: 3 });
    // Four requests in four traces, each with a child ended and its SERVER span still open.
    const requests = [0, 1, 2, 3].map((i) => {
      const server = spans.start(`GET /${String(i)}`, SpanKind.SERVER);
      const child = spans.start(`child-${String(i)}`, SpanKind.INTERNAL, {}, server);
      child.end();
      return server;
    });
    assembly.add(spans.finished().slice(0, 2));
    assembly.add(spans.finished().slice(2));
    expect(assembly.waiting).toBe(3);
    spans.reset();
    requests.forEach((server) => {
      server.end();
    });
    const placements = assembly.add(spans.finished());
    // The oldest trace lost its waiting child; the others are whole.
    expect(placements.map(({ tree }) => names(tree))).toEqual([
      ['GET /0'],
      ['GET /1', ['child-1']],
      ['GET /2', ['child-2']],
      ['GET /3', ['child-3']],
    ]);
  });
});
