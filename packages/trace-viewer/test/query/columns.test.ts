import { describe, expect, it } from 'vitest';
import { columnGetter } from '../../src/query/columns.js';
import { TraceStore } from '../../src/store/trace-store.js';
import { makeSpan, spanIdOf, traceIdOf } from '../support/spans.js';

const read = (column: string, span: Parameters<ReturnType<typeof columnGetter>>[0]) => columnGetter(column)(span);

describe('columns', () => {
  const server = makeSpan({ span: 2, parent: 1, name: 'GET /api/activities/home', kind: 'SERVER', durationMs: 1.5, status: 'ERROR' });
  const root = { ...makeSpan({ span: 1, kind: 'CLIENT', status: 'OK' }), traceState: 'vendor=1', scope: { name: '@cruddur/api', version: '0.1.0' } };

  it('derives the fields Honeycomb makes from a span, typed as it types them', () => {
    expect(read('name', server)).toBe('GET /api/activities/home');
    expect(read('duration_ms', server)).toBe(1.5);
    expect(read('service.name', server)).toBe('backend-flask');
    expect(read('span.kind', server)).toBe('server');
    expect(read('span.kind', root)).toBe('client');
    expect(read('type', server)).toBe('server');
    expect([read('status_code', server), read('status_code', root), read('status_code', makeSpan({ span: 3 }))]).toEqual([2, 1, 0]);
    expect(read('status_message', server)).toBe('failed');
    expect(read('status_message', root)).toBeUndefined();
    expect(read('error', server)).toBe(true);
    expect(read('error', root)).toBeUndefined();
    expect(read('trace.trace_id', server)).toBe(traceIdOf(1));
    expect(read('trace.span_id', server)).toBe(spanIdOf(2));
    expect(read('trace.parent_id', server)).toBe(spanIdOf(1));
    expect(read('trace.parent_id', root)).toBeUndefined();
    expect([read('is_root', root), read('is_root', server)]).toEqual([true, false]);
    expect(read('trace.trace_state', root)).toBe('vendor=1');
    expect([read('library.name', root), read('library.version', root)]).toEqual(['@cruddur/api', '0.1.0']);
    expect([read('span.num_events', root), read('span.num_links', root), read('meta.signal_type', root)]).toEqual([0, 0, 'trace']);
  });

  it('reads span attributes, then resource attributes, then derived fields', () => {
    const span = makeSpan({
      span: 1,
      name: 'real name',
      attributes: { 'app.result_length': 3, name: 'attribute name', 'host.name': 'from span' },
      resource: { 'host.name': 'from resource', 'service.version': '0.1.0' },
    });
    expect(read('app.result_length', span)).toBe(3);
    expect(read('name', span)).toBe('attribute name');
    expect(read('host.name', span)).toBe('from span');
    expect(read('service.version', span)).toBe('0.1.0');
    expect(read('app.missing', span)).toBeUndefined();
    expect(read('service.name', { ...span, resource: {} })).toBe('unknown_service');
  });

  it('flattens nested key-value lists with dots and keeps arrays as their JSON', () => {
    const span = makeSpan({
      span: 1,
      attributes: { app: { user: { handle: 'andrewbrown' } }, 'app.codes': ['too_long', 'blank'], 'app.empty': null, 'http.request.header': { 'content-type': ['text/plain'] } },
    });
    expect(read('app.user.handle', span)).toBe('andrewbrown');
    expect(read('app.user', span)).toBeUndefined();
    expect(read('app.codes', span)).toBe('["too_long","blank"]');
    expect(read('app.empty', span)).toBeUndefined();
    expect(read('http.request.header.content-type', span)).toBe('["text/plain"]');
  });

  it('answer the same when told where the store has seen each column', () => {
    const store = new TraceStore();
    const spans = [
      makeSpan({ span: 1, name: 'real name', attributes: { name: 'attribute name', app: { user: 'andrew' } }, resource: { 'host.name': 'h' } }),
      makeSpan({ span: 2, name: 'plain', attributes: { 'app.result_length': 4 } }),
      { ...makeSpan({ span: 3 }), resource: {} },
    ];
    store.add(spans);
    for (const column of ['name', 'app.user', 'host.name', 'app.result_length', 'service.name', 'duration_ms', 'app.missing']) {
      const [everywhere, indexed] = [columnGetter(column), columnGetter(column, store.columnKeys)];
      expect(spans.map(indexed), column).toEqual(spans.map(everywhere));
    }
  });

  it('never reads inherited properties as attributes', () => {
    const span = makeSpan({ span: 1 });
    expect(read('constructor', span)).toBeUndefined();
    expect(read('toString.name', span)).toBeUndefined();
  });
});
