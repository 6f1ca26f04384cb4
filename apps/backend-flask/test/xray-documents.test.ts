import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { DAEMON_HEADER, MAX_DATAGRAM_BYTES, toDatagrams } from '../src/telemetry/xray/documents.js';
import type { XrayDocument } from '../src/telemetry/xray/segment.js';
import { TraceAssembly, type Placement } from '../src/telemetry/xray/trace-assembly.js';
import { browserParent, spanFactory } from './xray-spans.js';

const parse = (datagram: Buffer): { header: string; document: XrayDocument } => {
  const text = datagram.toString('utf8');
  const newline = text.indexOf('\n');
  return { header: text.slice(0, newline + 1), document: JSON.parse(text.slice(newline + 1)) as XrayDocument };
};

/** One request, its spans placed under its SERVER span, as the exporter gets them. */
const placedRequest = (bigMetadata = 0) => {
  const spans = spanFactory();
  const parent = browserParent();
  const request = spans.request(parent);
  if (bigMetadata > 0) request.useCase.setAttribute('app.blob', 'x'.repeat(bigMetadata));
  request.endAll();
  const [placement] = new TraceAssembly({}).add(spans.finished());
  if (!placement) throw new Error('nothing placed');
  return { parent, placement, request };
};

describe('X-Ray documents on the wire', () => {
  it('frames each document behind the daemon header and a newline, one per datagram', () => {
    const { placement } = placedRequest();
    const { datagrams, tooLarge } = toDatagrams(placement);
    expect(tooLarge).toBe(0);
    expect(datagrams).toHaveLength(1);
    const [datagram] = datagrams;
    if (!datagram) throw new Error('no datagram');
    expect(parse(datagram).header).toBe('{"format":"json","version":1}\n');
    expect(DAEMON_HEADER).toBe('{"format":"json","version":1}\n');
  });

  it('sends a request as one segment, trace id in X-Ray form, under the browser span, subsegments nested as the spans are', () => {
    const { parent, placement, request } = placedRequest();
    const [datagram] = toDatagrams(placement).datagrams;
    if (!datagram) throw new Error('no datagram');
    const { document } = parse(datagram);
    expect(document).toMatchObject({
      name: 'backend-flask',
      id: request.server.spanContext().spanId,
      trace_id: `1-${parent.traceId.slice(0, 8)}-${parent.traceId.slice(8)}`,
      parent_id: parent.spanId,
    });
    expect(document.type).toBeUndefined();
    const names = (doc: XrayDocument): unknown => [doc.name, ...(doc.subsegments ?? []).map(names)];
    expect(names(document)).toEqual(['backend-flask', ['home-activities-mock-data']]);
    const useCase = document.subsegments?.[0];
    expect(useCase).toMatchObject({ id: request.useCase.spanContext().spanId, annotations: { app_user_handle: 'andrewbrown' } });
    // Embedded subsegments need no linkage of their own.
    expect(useCase).not.toHaveProperty('trace_id');
    expect(useCase).not.toHaveProperty('parent_id');
  });

  it('sends the subsegments as documents of their own when the whole would exceed the limit', () => {
    const { parent, placement, request } = placedRequest(MAX_DATAGRAM_BYTES);
    const { datagrams, tooLarge } = toDatagrams(placement);
    // The use case span alone is over the limit: left out, and counted.
    expect(tooLarge).toBe(1);
    for (const datagram of datagrams) expect(datagram.length).toBeLessThanOrEqual(MAX_DATAGRAM_BYTES);
    const documents = datagrams.map((datagram) => parse(datagram).document);
    const traceId = `1-${parent.traceId.slice(0, 8)}-${parent.traceId.slice(8)}`;
    expect(documents.map(({ name, id, type, trace_id, parent_id, subsegments }) => ({ name, id, type, trace_id, parent_id, subsegments }))).toEqual([
      { name: 'backend-flask', id: request.server.spanContext().spanId, type: undefined, trace_id: traceId, parent_id: parent.spanId, subsegments: undefined },
    ]);
  });

  it('splits only as far as needed: a subtree that fits stays one document', () => {
    const spans = spanFactory();
    const server = spans.start('GET /api/messages/@:handle', SpanKind.SERVER, {}, browserParent());
    const first = spans.start('messages', SpanKind.INTERNAL, { blob: 'x'.repeat(25_000) }, server);
    const nested = spans.start('messages-read', SpanKind.INTERNAL, {}, first);
    const second = spans.start('message-groups', SpanKind.INTERNAL, { blob: 'y'.repeat(25_000) }, server);
    [nested, first, second, server].forEach((span) => {
      span.end();
    });
    const [placement] = new TraceAssembly({}).add(spans.finished());
    if (!placement) throw new Error('nothing placed');

    const { datagrams, tooLarge } = toDatagrams(placement, 40_000);
    expect(tooLarge).toBe(0);
    const documents = datagrams.map((datagram) => parse(datagram).document);
    expect(documents.map(({ name, type, parent_id, subsegments }) => [name, type, parent_id, subsegments?.map((sub) => sub.name)])).toEqual([
      ['backend-flask', undefined, browserParent().spanId, undefined],
      ['messages', 'subsegment', server.spanContext().spanId, ['messages-read']],
      ['message-groups', 'subsegment', server.spanContext().spanId, undefined],
    ]);
  });

  it('sends a span that ended after its segment as a subsegment of its own, under its parent', () => {
    const spans = spanFactory();
    const parent = browserParent();
    const request = spans.request(parent);
    const late = spans.start('after-response', SpanKind.INTERNAL, {}, request.useCase);
    request.endAll();
    const assembly = new TraceAssembly({});
    expect(assembly.add(spans.finished())).toHaveLength(1);
    spans.reset();
    late.end();
    const placements: Placement[] = assembly.add(spans.finished());
    expect(placements).toHaveLength(1);
    const [placement] = placements;
    if (!placement) throw new Error('nothing placed');
    const [datagram] = toDatagrams(placement).datagrams;
    if (!datagram) throw new Error('no datagram');
    expect(parse(datagram).document).toMatchObject({
      name: 'after-response',
      type: 'subsegment',
      trace_id: `1-${parent.traceId.slice(0, 8)}-${parent.traceId.slice(8)}`,
      parent_id: request.useCase.spanContext().spanId,
    });
  });
});
