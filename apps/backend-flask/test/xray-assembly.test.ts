import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { sampledRequestOf } from '../src/telemetry/xray/sampling.js';
import { TraceAssembly, type Placement, type SpanTree } from '../src/telemetry/xray/trace-assembly.js';
import { browserParent, spanFactory } from './xray-spans.js';

const names = (tree: SpanTree): unknown => [tree.span.name, ...tree.children.map(names)];
const summary = (placements: Placement[]) =>
  placements.map((placement) => ({ kind: placement.kind, traceId: placement.traceId, tree: names(placement.tree) }));

const REQUEST_TREE = ['GET /api/activities/home', ['home-activities-mock-data']];

describe('putting spans together under their SERVER span', () => {
  it('waits for the SERVER span when a batch ends before it', () => {
    const spans = spanFactory();
    const parent = browserParent();
    const request = spans.request(parent);
    const assembly = new TraceAssembly({});

    request.useCase.end();
    expect(assembly.add(spans.finished())).toEqual([]);
    expect(assembly.waiting).toBe(1);
    spans.reset();
    request.server.end();
    expect(summary(assembly.add(spans.finished()))).toEqual([{ kind: 'segment', traceId: parent.traceId, tree: REQUEST_TREE }]);
    expect(assembly.waiting).toBe(0);
  });

  it('reads what a sampling rule matches from the SERVER span', () => {
    const spans = spanFactory();
    spans.request(browserParent()).endAll();
    const [server] = spans.finished().filter(({ kind }) => kind === SpanKind.SERVER);
    expect(server && sampledRequestOf(server)).toEqual({
      serviceName: 'backend-flask',
      host: 'localhost',
      method: 'GET',
      path: '/api/activities/home',
    });
  });

  it('sends each request of a sampled click as its own segment, under its own fetch span', () => {
    const spans = spanFactory();
    const parent = browserParent();
    const assembly = new TraceAssembly({});
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

  it('sends the spans that end after their segment as subsegments under their parent', () => {
    const spans = spanFactory();
    const assembly = new TraceAssembly({});
    const kept = spans.request(browserParent());
    const lateKept = spans.start('late', SpanKind.INTERNAL, {}, kept.useCase);
    const lateKeptChild = spans.start('late-child', SpanKind.INTERNAL, {}, lateKept);
    kept.endAll();
    expect(assembly.add(spans.finished())).toHaveLength(1);
    spans.reset();
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
    const assembly = new TraceAssembly({ now: () => now, pendingTtlMs: 60_000 });
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
    const assembly = new TraceAssembly({ maxPendingSpans: 3 });
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
