import { describe, expect, it } from 'vitest';
import { parseQuerySpec } from '../../src/query/parse-spec.js';
import { runQuery } from '../../src/query/run-query.js';
import { TraceStore } from '../../src/store/trace-store.js';
import { makeSpan, T0_MS, T0_S } from '../support/spans.js';

const NOW = T0_MS + 3_600_000;
/** A minute from the fixed epoch, in three buckets of 20 s. */
const WINDOW = { start_time: T0_S, end_time: T0_S + 60, granularity: 20 };

const storeOf = (...spans: Parameters<typeof makeSpan>[0][]) => {
  const store = new TraceStore();
  store.add(spans.map(makeSpan));
  return store;
};

const run = (store: TraceStore, spec: Record<string, unknown>) => runQuery(store, parseQuerySpec({ ...WINDOW, ...spec }), NOW);

/**
 * The seeds' traffic: ten API requests (SERVER spans of 1 to 10 ms, the
 * first seven in the first 20 s, three in the next), each with its
 * home-activities-mock-data span, and the browser spans around them.
 */
const seeds = () => {
  const spans: Parameters<typeof makeSpan>[0][] = [];
  for (let i = 1; i <= 10; i++) {
    const startMs = i <= 7 ? i * 1000 : 20_000 + i * 1000;
    spans.push({ trace: i, span: i * 10, name: 'open-home', service: 'frontend-react-js', startMs, durationMs: 50 });
    spans.push({ trace: i, span: i * 10 + 1, parent: i * 10, name: 'GET /api/activities/home', kind: 'SERVER', startMs, durationMs: i, attributes: { 'http.route': '/api/activities/home' } });
    // result_length comes as an int from some spans and a double from others.
    spans.push({ trace: i, span: i * 10 + 2, parent: i * 10 + 1, name: 'home-activities-mock-data', startMs, durationMs: 0.5, attributes: { 'app.result_length': i % 2 === 0 ? i : i + 0.5 } });
  }
  return storeOf(...spans);
};

const API_REQUESTS = [
  { column: 'service.name', op: '=', value: 'backend-flask' },
  { column: 'span.kind', op: '=', value: 'server' },
];

describe('runQuery', () => {
  it('answers the seeds’ homework: P90 and HEATMAP of the API’s request durations', () => {
    const result = run(seeds(), {
      calculations: [{ op: 'HEATMAP', column: 'duration_ms' }, { op: 'P90', column: 'duration_ms' }],
      filters: API_REQUESTS,
    });
    expect(result.complete).toBe(true);
    expect(result.data.results).toEqual([
      {
        data: {
          'HEATMAP(duration_ms)': { min_value: 1, max_value: 10.2, step_size: 0.2, counts: expect.any(Array) as unknown },
          'P90(duration_ms)': 9,
        },
      },
    ]);
    const { counts } = result.data.results[0]?.data['HEATMAP(duration_ms)'] as { counts: number[] };
    // 1, 2, … 10 ms in buckets of 0.2 ms from 1: every fifth bucket holds one.
    expect(counts).toEqual(Array.from({ length: 46 }, (_, i) => (i % 5 === 0 ? 1 : 0)));
  });

  it('answers the seeds’ homework: MAX(app.result_length) of home-activities-mock-data', () => {
    const result = run(seeds(), {
      calculations: [{ op: 'MAX', column: 'app.result_length' }, { op: 'COUNT' }],
      filters: [{ column: 'name', op: '=', value: 'home-activities-mock-data' }],
    });
    // 1.5, 2, 3.5, 4, … 9.5, 10
    expect(result.data.results).toEqual([{ data: { 'MAX(app.result_length)': 10, COUNT: 10 } }]);
  });

  it('gives one series entry per time bucket, empty buckets included, with the same heatmap layout as the results', () => {
    const result = run(seeds(), {
      calculations: [{ op: 'COUNT' }, { op: 'P90', column: 'duration_ms' }, { op: 'HEATMAP', column: 'duration_ms' }],
      filters: API_REQUESTS,
    });
    expect(result.window).toEqual({ start_time: T0_S, end_time: T0_S + 60, granularity: 20 });
    expect(result.data.series.map(({ time, data }) => [time, data.COUNT, data['P90(duration_ms)']])).toEqual([
      ['2023-11-14T22:13:20Z', 7, 7],
      ['2023-11-14T22:13:40Z', 3, 10],
      ['2023-11-14T22:14:00Z', 0, null],
    ]);
    const layouts = [...result.data.series, ...result.data.results].map(({ data }) => {
      const { min_value, step_size, counts } = data['HEATMAP(duration_ms)'] as { min_value: number; step_size: number; counts: number[] };
      return [min_value, step_size, counts.length];
    });
    expect(new Set(layouts.map((layout) => JSON.stringify(layout)))).toEqual(new Set([JSON.stringify([1, 0.2, 46])]));
    const second = result.data.series[1]?.data['HEATMAP(duration_ms)'] as { counts: number[] };
    expect(second.counts.reduce((a, b) => a + b)).toBe(3);
  });

  it('groups by breakdowns, orders, limits, and draws a series for each group shown', () => {
    const result = run(seeds(), {
      calculations: [{ op: 'COUNT' }, { op: 'AVG', column: 'duration_ms' }],
      breakdowns: ['service.name', 'name'],
      orders: [{ op: 'AVG', column: 'duration_ms', order: 'descending' }],
      limit: 2,
    });
    expect(result.data.results).toEqual([
      { data: { 'service.name': 'frontend-react-js', name: 'open-home', COUNT: 10, 'AVG(duration_ms)': 50 } },
      { data: { 'service.name': 'backend-flask', name: 'GET /api/activities/home', COUNT: 10, 'AVG(duration_ms)': 5.5 } },
    ]);
    expect(result.data.series).toHaveLength(3 * 2);
    expect(result.data.series.slice(0, 2).map(({ data }) => [data.name, data.COUNT, data['AVG(duration_ms)']])).toEqual([
      ['open-home', 7, 50],
      ['GET /api/activities/home', 7, 4],
    ]);
  });

  it('groups spans without the breakdown column under null', () => {
    const result = run(seeds(), { breakdowns: ['http.route'], orders: [{ column: 'http.route' }] });
    expect(result.data.results).toEqual([{ data: { 'http.route': '/api/activities/home', COUNT: 10 } }, { data: { 'http.route': null, COUNT: 20 } }]);
  });

  it('counts only spans that started inside the window', () => {
    const store = storeOf(
      { span: 1, startMs: -1 },
      { span: 2, startMs: 0 },
      { span: 3, startMs: 59_999 },
      { span: 4, startMs: 60_000 },
    );
    expect(run(store, {}).data.results).toEqual([{ data: { COUNT: 2 } }]);
    // Relative: the last 30 minutes before NOW hold none of them.
    expect(runQuery(store, parseQuerySpec({ time_range: 1800 }), NOW).data.results).toEqual([{ data: { COUNT: 0 } }]);
  });

  it('answers over no spans: one row of zeros and nulls without breakdowns, no rows with them', () => {
    const empty = new TraceStore();
    const calculations = [{ op: 'COUNT' }, { op: 'SUM', column: 'd' }, { op: 'P99', column: 'd' }, { op: 'HEATMAP', column: 'd' }];
    const result = run(empty, { calculations });
    expect(result.data.results).toEqual([
      { data: { COUNT: 0, 'SUM(d)': 0, 'P99(d)': null, 'HEATMAP(d)': { min_value: null, max_value: null, step_size: null, counts: [] } } },
    ]);
    expect(result.data.series.map(({ data }) => data.COUNT)).toEqual([0, 0, 0]);
    expect(run(empty, { calculations, breakdowns: ['name'] }).data).toEqual({ series: [], results: [] });
  });

  it('echoes the specification as parsed, defaults filled in', () => {
    const query = parseQuerySpec(WINDOW);
    expect(runQuery(new TraceStore(), query, NOW).query).toEqual({ ...query.spec, ...WINDOW });
  });
});
