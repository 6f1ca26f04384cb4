import { describe, expect, it } from 'vitest';
import { matchingTraces, parseSelection } from '../../src/query/matching-traces.js';
import { parseQuerySpec } from '../../src/query/parse-spec.js';
import { runQuery } from '../../src/query/run-query.js';
import { QuerySpecError } from '../../src/query/spec.js';
import { TraceStore } from '../../src/store/trace-store.js';
import { makeSpan, spanIdOf, T0_MS, T0_S, traceIdOf } from '../support/spans.js';

const NOW = T0_MS + 3_600_000;

/** Six requests: three routes, two per route, the second of each 20 s later and slower; each in a trace of its own. */
const store = new TraceStore();
store.add(
  ['/home', '/search', '/messages'].flatMap((route, r) =>
    [0, 1].flatMap((k) => {
      const trace = r * 2 + k + 1;
      return [
        makeSpan({ trace, span: trace * 10, name: 'click', service: 'frontend-react-js', startMs: k * 20_000 + r * 100 }),
        makeSpan({ trace, span: trace * 10 + 1, parent: trace * 10, name: `GET ${route}`, kind: 'SERVER', startMs: k * 20_000 + r * 100 + 1, durationMs: 2 + k * 10 + r, attributes: { 'http.route': route } }),
      ];
    }),
  ),
);

const query = parseQuerySpec({
  calculations: [{ op: 'COUNT' }, { op: 'HEATMAP', column: 'duration_ms' }],
  filters: [{ column: 'span.kind', op: '=', value: 'server' }],
  breakdowns: ['http.route'],
  start_time: T0_S,
  end_time: T0_S + 60,
  granularity: 20,
});

const select = (body: Record<string, unknown>) => matchingTraces(store, query, parseSelection(body, query), NOW);
const traceIds = (body: Record<string, unknown>) => select(body).traces.map((trace) => trace.traceId);

describe('the traces behind an answer', () => {
  it('are those of a result row: its group, within the query’s filters', () => {
    const answer = select({ group: { 'http.route': '/search' } });
    expect(answer).toMatchObject({ matchedSpans: 2, matchedTraces: 2 });
    expect(answer.traces.map(({ traceId, rootName, matchedSpanIds }) => [traceId, rootName, matchedSpanIds])).toEqual([
      [traceIdOf(4), 'click', [spanIdOf(41)]],
      [traceIdOf(3), 'click', [spanIdOf(31)]],
    ]);
    // The same number the result row counted.
    const row = runQuery(store, query, NOW).data.results.find(({ data }) => data['http.route'] === '/search');
    expect(row?.data.COUNT).toBe(answer.matchedSpans);
  });

  it('are those of a series point: its group in its time bucket', () => {
    expect(traceIds({ group: { 'http.route': '/home' }, time: '2023-11-14T22:13:40Z' })).toEqual([traceIdOf(2)]);
    expect(traceIds({ time: '2023-11-14T22:13:20Z' })).toEqual([traceIdOf(5), traceIdOf(3), traceIdOf(1)]);
    expect(traceIds({ time: '2023-11-14T22:14:00Z' })).toEqual([]);
  });

  it('are those of a heatmap cell: a time bucket and a range of the column', () => {
    // Durations 2, 3, 4 ms in the first bucket, 12, 13, 14 in the second.
    expect(traceIds({ time: '2023-11-14T22:13:40Z', range: { column: 'duration_ms', min: 12, max: 13.5 } })).toEqual([traceIdOf(4), traceIdOf(2)]);
    expect(traceIds({ range: { column: 'duration_ms', min: 3, max: 4 } })).toEqual([traceIdOf(3)]);
  });

  it('are those of several groups at once: a heatmap cell drawn over the rows shown', () => {
    const shown = [{ 'http.route': '/home' }, { 'http.route': '/messages' }];
    const cell = { groups: shown, time: '2023-11-14T22:13:40Z', range: { column: 'duration_ms', min: 12, max: 15 } };
    // /search's 13 ms request is in the cell's range but not in a group shown.
    expect(traceIds(cell)).toEqual([traceIdOf(6), traceIdOf(2)]);
    expect(select({ groups: [{ 'http.route': '/search' }] })).toMatchObject({ matchedSpans: 2 });
  });

  it('come newest first, up to the limit, with the counts of all', () => {
    expect(select({ limit: 2 })).toMatchObject({ matchedSpans: 6, matchedTraces: 6 });
    expect(traceIds({ limit: 2 })).toEqual([traceIdOf(6), traceIdOf(4)]);
  });

  it.each([
    [{ group: { name: 'x' } }, 'group.name', 'not a breakdown of the query'],
    [{ group: ['/home'] }, 'group', 'must be an object of breakdown values'],
    [{ group: { 'http.route': { a: 1 } } }, 'group.http.route', 'must be a string, a number, a boolean or null'],
    [{ group: {}, groups: [{}] }, 'groups', 'give group or groups, not both'],
    [{ groups: [] }, 'groups', 'must be a non-empty array of groups'],
    [{ groups: { 'http.route': '/home' } }, 'groups', 'must be a non-empty array of groups'],
    [{ groups: [{ 'http.route': '/home' }, { name: 'x' }] }, 'groups[1].name', 'not a breakdown of the query'],
    [{ time: 'yesterday' }, 'time', 'must be a series entry time, e.g. "2026-11-22T03:06:00Z"'],
    [{ range: { column: 'duration_ms', min: 5, max: 5 } }, 'range.max', 'must be a number above min'],
    [{ range: { min: 1, max: 5 } }, 'range.column', 'must be a column name'],
    [{ limit: 0 }, 'limit', 'must be an integer from 1 to 1000'],
  ])('reject %j naming %s', (body, field, reason) => {
    expect(() => parseSelection(body, query)).toThrow(new QuerySpecError(field, reason));
  });
});
