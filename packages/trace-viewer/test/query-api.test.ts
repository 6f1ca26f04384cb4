import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MatchingTraces } from '../src/query/matching-traces.js';
import type { QueryResult } from '../src/query/run-query.js';
import { startTraceViewer, type TraceViewer } from '../src/index.js';
import { send } from './support/http.js';
import { spanIdOf, traceIdOf } from './support/spans.js';

type AnyValue = { intValue: string } | { doubleValue: number } | { stringValue: string };

/** An OTLP/JSON span that started `agoMs` before now. */
const otlpSpan = (trace: number, span: number, name: string, durationMs: number, attributes: Record<string, AnyValue>, agoMs = 1000) => {
  const start = BigInt(Date.now() - agoMs) * 1_000_000n;
  return {
    traceId: traceIdOf(trace),
    spanId: spanIdOf(span),
    name,
    kind: 2,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(start + BigInt(Math.round(durationMs * 1e6))),
    attributes: Object.entries(attributes).map(([key, value]) => ({ key, value })),
  };
};

const otlp = (service: string, spans: unknown[]) =>
  JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] }, scopeSpans: [{ spans }] }] });

describe('query API', () => {
  let viewer: TraceViewer;

  beforeAll(async () => {
    viewer = await startTraceViewer({ port: 0 });
  });
  afterAll(() => viewer.close());
  beforeEach(async () => {
    viewer.store.clear();
    // The same attributes sent as ints by one span and doubles by another.
    const sent = await fetch(`${viewer.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: otlp('backend-flask', [
        otlpSpan(1, 1, 'GET /api/activities/home', 4, { 'http.response.status_code': { intValue: '200' } }),
        otlpSpan(1, 2, 'home-activities-mock-data', 1, { 'app.result_length': { intValue: '7' } }),
        otlpSpan(2, 3, 'GET /api/activities/home', 8, { 'http.response.status_code': { doubleValue: 200 } }),
        otlpSpan(2, 4, 'home-activities-mock-data', 1, { 'app.result_length': { doubleValue: 7.5 } }),
        otlpSpan(3, 5, 'GET /api/activities/search', 2, { 'http.response.status_code': { intValue: '500' } }),
      ]),
    });
    expect(sent.status).toBe(200);
  });

  const post = (path: string, body: unknown) =>
    fetch(`${viewer.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const query = async (spec: unknown) => {
    const res = await post('/api/query', spec);
    expect(res.status).toBe(200);
    return (await res.json()) as QueryResult;
  };

  it('answers a Query Specification in the shape of Honeycomb’s query results', async () => {
    const res = await post('/api/query', {
      calculations: [{ op: 'P90', column: 'duration_ms' }, { op: 'HEATMAP', column: 'duration_ms' }],
      filters: [{ column: 'name', op: 'starts-with', value: 'GET' }],
      breakdowns: ['name'],
      time_range: 600,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const result = (await res.json()) as QueryResult;
    expect(Object.keys(result).sort()).toEqual(['complete', 'data', 'query', 'window']);
    expect(result.complete).toBe(true);
    expect(result.window).toMatchObject({ granularity: 5 });
    expect(result.window.end_time - result.window.start_time).toBe(600);
    expect(result.data.results.map(({ data }) => [data.name, data['P90(duration_ms)']])).toEqual([
      ['GET /api/activities/home', 8],
      ['GET /api/activities/search', 2],
    ]);
    expect(result.data.results[0]?.data['HEATMAP(duration_ms)']).toMatchObject({ min_value: 2, step_size: 0.2 });
    // 120 buckets of 5 s, 121 when the window does not start on a bucket's start; one entry per group in each.
    const buckets = result.window.start_time % 5 === 0 ? 120 : 121;
    expect(result.data.series).toHaveLength(2 * buckets);
    const home = result.data.series.filter(({ data }) => data.name === 'GET /api/activities/home');
    expect(home.map(({ data }) => data['P90(duration_ms)']).filter((p90) => p90 !== null)).toEqual([8]);
  });

  it('compares a number as a number whether it came as an int or a double', async () => {
    const ok = await query({ filters: [{ column: 'http.response.status_code', op: '=', value: 200 }], time_range: 600 });
    expect(ok.data.results).toEqual([{ data: { COUNT: 2 } }]);
    const max = await query({
      calculations: [{ op: 'MAX', column: 'app.result_length' }, { op: 'MIN', column: 'app.result_length' }],
      filters: [{ column: 'name', op: '=', value: 'home-activities-mock-data' }],
      time_range: 600,
    });
    expect(max.data.results).toEqual([{ data: { 'MAX(app.result_length)': 7.5, 'MIN(app.result_length)': 7 } }]);
    const errors = await query({ filters: [{ column: 'http.response.status_code', op: '>=', value: '500' }], time_range: 600 });
    expect(errors.data.results).toEqual([{ data: { COUNT: 1 } }]);
  });

  it('answers a malformed specification with 400 naming the field and what is wrong', async () => {
    const cases: [unknown, string, string][] = [
      [{ calculations: [{ op: 'P90' }] }, 'calculations[0].column', 'must be a column name (a non-empty string)'],
      [{ filters: [{ column: 'name', op: '~', value: 'x' }] }, 'filters[0].op', 'must be one of'],
      [{ time_range: 60, granularity: 61 }, 'granularity', 'must be from 1 to 60 seconds for a 60-second time range'],
      [{ breakdown: ['name'] }, 'breakdown', 'not a field of a Query Specification'],
      ['COUNT', 'query', 'must be a JSON object'],
    ];
    for (const [spec, field, reason] of cases) {
      const res = await post('/api/query', spec);
      expect(res.status, JSON.stringify(spec)).toBe(400);
      const body = (await res.json()) as { error: string; field: string; reason: string };
      expect(body.field).toBe(field);
      expect(body.reason).toContain(reason);
      expect(body.error).toBe(`${field}: ${body.reason}`);
    }
  });

  it('answers a body that is not JSON, or too large, with 400 and 413', async () => {
    const notJson = await fetch(`${viewer.url}/api/query`, { method: 'POST', body: '{"calculations": [' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toMatch(/^the body is not JSON/);
    const large = await send(`${viewer.url}/api/query`, { method: 'POST', body: JSON.stringify({ filters: [{ column: 'x', op: 'in', value: Array(20_000).fill('abcd') }] }) });
    expect(large.status).toBe(413);
  });

  it('answers other methods with 405 and unknown paths with 404', async () => {
    const get = await fetch(`${viewer.url}/api/query`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await post('/api/query/columns', {})).status).toBe(405);
    expect((await fetch(`${viewer.url}/api/query/traces`)).status).toBe(405);
    expect((await post('/api/query/nothing', {})).status).toBe(404);
  });

  it('lists the traces behind a group, with the spans that matched', async () => {
    const res = await post('/api/query/traces', {
      query: { filters: [{ column: 'span.kind', op: '=', value: 'server' }], breakdowns: ['name'], time_range: 600 },
      group: { name: 'GET /api/activities/home' },
    });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as MatchingTraces;
    expect(answer.matchedSpans).toBe(2);
    expect(answer.traces.map(({ traceId, matchedSpanIds }) => [traceId, matchedSpanIds]).sort()).toEqual([
      [traceIdOf(1), [spanIdOf(1)]],
      [traceIdOf(2), [spanIdOf(3)]],
    ]);
  });

  it('names the field of a malformed traces request under query', async () => {
    const res = await post('/api/query/traces', { query: { limit: 0 }, group: {} });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: 'query.limit' });
    const noQuery = await post('/api/query/traces', { group: {} });
    expect(await noQuery.json()).toMatchObject({ field: 'query', reason: 'must be a JSON object' });
    const group = await post('/api/query/traces', { query: {}, group: { name: 'x' } });
    expect(await group.json()).toMatchObject({ field: 'group.name', reason: 'not a breakdown of the query' });
  });

  it('lists the columns the spans have', async () => {
    const res = await fetch(`${viewer.url}/api/query/columns`);
    expect(res.status).toBe(200);
    const { columns } = (await res.json()) as { columns: { name: string; types: string[]; spans: number }[] };
    expect(columns.find((column) => column.name === 'app.result_length')).toMatchObject({ types: ['float', 'integer'], spans: 2 });
    expect(columns.map((column) => column.name)).toEqual(expect.arrayContaining(['duration_ms', 'name', 'service.name', 'trace.trace_id']));
  });
});

describe('health with eviction', () => {
  it('shows what the store holds, its limits and what it evicted', async () => {
    const viewer = await startTraceViewer({ port: 0, maxSpans: 2 });
    try {
      for (const trace of [1, 2, 3]) {
        await fetch(`${viewer.url}/v1/traces`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: otlp('backend-flask', [otlpSpan(trace, trace, 'work', 1, {})]),
        });
      }
      const health = (await (await fetch(`${viewer.url}/api/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ ok: true, traces: 2, spans: 2, evictedTraces: 1, evictedSpans: 1, limits: { spans: 2 } });
      expect(health.bytes).toBeGreaterThan(0);
    } finally {
      await viewer.close();
    }
  });
});
