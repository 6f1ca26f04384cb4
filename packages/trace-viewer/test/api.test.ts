import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTraceViewer, type TraceSummary, type TraceView, type TraceViewer } from '../src/index.js';
import { makeSpan, spanIdOf, traceIdOf } from './support/spans.js';

describe('JSON API and page', () => {
  let viewer: TraceViewer;

  beforeAll(async () => {
    viewer = await startTraceViewer({ port: 0 });
  });
  afterAll(() => viewer.close());
  beforeEach(() => {
    viewer.store.clear();
  });

  const get = async (path: string, init: RequestInit = {}) => fetch(`${viewer.url}${path}`, init);

  it('reports health with trace and span counts', async () => {
    viewer.store.add([makeSpan({ span: 1 }), makeSpan({ span: 2, parent: 1 })]);
    expect(await (await get('/api/health')).json()).toMatchObject({ ok: true, traces: 1, spans: 2, evictedTraces: 0, evictedSpans: 0 });
  });

  it('lists trace summaries newest first, filtered by service, since and limit', async () => {
    viewer.store.add([makeSpan({ trace: 1, span: 1, service: 'frontend-react-js', name: 'click', startMs: 0 })]);
    const between = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    viewer.store.add([makeSpan({ trace: 2, span: 2, service: 'backend-flask', name: 'GET /', startMs: 50, error: true })]);

    const all = (await (await get('/api/traces')).json()) as TraceSummary[];
    expect(all.map((t) => t.traceId)).toEqual([traceIdOf(2), traceIdOf(1)]);
    expect(all[0]).toEqual({
      traceId: traceIdOf(2),
      rootName: 'GET /',
      rootService: 'backend-flask',
      services: ['backend-flask'],
      spanCount: 1,
      droppedSpans: 0,
      durationMs: 10,
      startMs: all[0]?.startMs,
      startTime: new Date(all[0]?.startMs ?? 0).toISOString(),
      errorCount: 1,
      firstReceived: all[0]?.firstReceived,
      lastUpdated: all[0]?.lastUpdated,
    });
    const ids = async (query: string) =>
      ((await (await get(`/api/traces?${query}`)).json()) as TraceSummary[]).map((t) => t.traceId);
    expect(await ids('service=frontend-react-js')).toEqual([traceIdOf(1)]);
    expect(await ids(`since=${String(between + 1)}`)).toEqual([traceIdOf(2)]);
    expect(await ids('limit=1')).toEqual([traceIdOf(2)]);
    expect(await ids('service=&since=&limit=')).toHaveLength(2);
  });

  it('rejects malformed list queries with 400', async () => {
    for (const query of ['limit=0', 'limit=abc', 'limit=1.5', 'since=yesterday', 'since=-5']) {
      const res = await get(`/api/traces?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/limit|since/);
    }
  });

  it('serves one trace with its spans by start time, ids in lowercase hex', async () => {
    viewer.store.add([makeSpan({ span: 2, parent: 1, startMs: 5 }), makeSpan({ span: 1, service: 'frontend-react-js', startMs: 0 })]);
    const res = await get(`/api/traces/${traceIdOf(1).toUpperCase()}`);
    expect(res.status).toBe(200);
    const trace = (await res.json()) as TraceView;
    expect(trace.traceId).toBe(traceIdOf(1));
    expect(trace.droppedSpans).toBe(0);
    expect(trace.spans.map((s) => [s.spanId, s.parentSpanId, s.service])).toEqual([
      [spanIdOf(1), null, 'frontend-react-js'],
      [spanIdOf(2), spanIdOf(1), 'backend-flask'],
    ]);
    expect(trace.spans[1]).toMatchObject({
      kind: 'INTERNAL',
      startTimeUnixNano: '1700000000005000000',
      endTimeUnixNano: '1700000000015000000',
      startMs: 1_700_000_000_005,
      durationMs: 10,
      status: { code: 'UNSET', message: '' },
      resource: { 'service.name': 'backend-flask' },
      scope: { name: 'test', version: '' },
    });
  });

  it('answers an unknown trace with 404', async () => {
    const res = await get(`/api/traces/${traceIdOf(99)}`);
    expect(res.status).toBe(404);
  });

  it('clears all traces on DELETE /api/traces', async () => {
    viewer.store.add([makeSpan({ span: 1 })]);
    expect((await get('/api/traces', { method: 'DELETE' })).status).toBe(204);
    expect(await (await get('/api/health')).json()).toMatchObject({ ok: true, traces: 0, spans: 0, bytes: 0 });
  });

  it('answers wrong methods on the API with 405', async () => {
    expect((await get('/api/traces', { method: 'POST' })).status).toBe(405);
    expect((await get('/api/health', { method: 'DELETE' })).status).toBe(405);
    expect((await get(`/api/traces/${traceIdOf(1)}`, { method: 'DELETE' })).status).toBe(405);
  });

  it('serves the chart library from its package, only the two files the page loads', async () => {
    const script = await get('/vendor/uplot.min.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toMatch(/^\/\*! https:\/\/github\.com\/leeoniya\/uPlot \(v[\d.]+\) \*\/\nvar uPlot=/);
    const styles = await get('/vendor/uplot.min.css');
    expect(styles.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await styles.text()).toContain('.uplot');
    const page = await (await get('/')).text();
    expect(page).toContain('<script defer src="/vendor/uplot.min.js"></script>');
    expect(page).toContain('<link rel="stylesheet" href="/vendor/uplot.min.css" />');
  });

  it('serves the page at / and /trace/<id>, with its scripts, under a strict CSP', async () => {
    for (const path of ['/', `/trace/${traceIdOf(1)}`]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('<script type="module" src="/app.js">');
    }
    for (const [path, type] of [
      ['/app.js', 'text/javascript; charset=utf-8'],
      ['/waterfall-layout.js', 'text/javascript; charset=utf-8'],
      ['/styles.css', 'text/css; charset=utf-8'],
      ['/favicon.svg', 'image/svg+xml'],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(type);
    }
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/vendor/uPlot.cjs.js')).status).toBe(404);
    expect((await get('/../package.json')).status).toBe(404);
    expect((await get('/%2e%2e/package.json')).status).toBe(404);
  });
});
