import { describe, expect, it } from 'vitest';
import { partRows, renderParts, renderReport, renderResultsTable, reportRows } from '../src/report.js';
import { results } from './fixtures.js';

const row = (measure: string) => {
  const found = reportRows(results).find((candidate) => candidate.measure === measure);
  if (!found) throw new Error(`no row ${measure}`);
  return found;
};

describe('reportRows', () => {
  it('shows each variant and the ratios B/A, C/A and B/C', () => {
    expect(row('GET /api/activities/home req/s')).toMatchObject({
      a: '5,000',
      b: '4,500',
      c: '2,000',
      bOverA: '0.90×',
      cOverA: '0.40×',
      bOverC: '2.25×',
    });
  });
  it('shows D, B with X-Ray over OTLP, beside B as D/B', () => {
    expect(row('GET /api/activities/home server CPU µs/request')).toMatchObject({ b: '150', d: '120', dOverB: '0.80×' });
    expect(row('GET /api/activities/home req/s')).toMatchObject({ d: '4,400', dOverB: '0.98×' });
    expect(row('tracing code in the web app, KB gzip')).toMatchObject({ d: '—', dOverB: '—' });
  });
  it('checks throughput on home against A and C, POST against C', () => {
    expect(row('GET /api/activities/home req/s').checks).toEqual([
      { goal: 'B/A ≥ 0.85', measured: '0.90×', pass: true },
      { goal: 'B/C ≥ 1.5', measured: '2.25×', pass: true },
    ]);
    expect(row('POST /api/activities req/s').checks).toEqual([{ goal: 'B/C ≥ 1.5', measured: '2.00×', pass: true }]);
  });
  it('reports a shortfall as a failure', () => {
    expect(row('POST /api/activities p99 ms').checks).toEqual([{ goal: 'B/A ≤ 1.25', measured: '1.50×', pass: false }]);
  });
  it('checks start-up as a difference and the web app against its budgets', () => {
    expect(row('start-up to first answer ms').checks).toEqual([{ goal: 'B − A ≤ 150 ms', measured: '+100 ms', pass: true }]);
    expect(row('tracing code in the web app, KB gzip').checks).toEqual([{ goal: '≤ 30.0 KB', measured: '29.8 KB', pass: true }]);
    expect(row('click to complete trace, median of 20 ms').checks).toEqual([{ goal: '≤ 250 ms', measured: '190 ms', pass: true }]);
  });
  it('checks the trace viewer’s query time and its byte estimate against the heap', () => {
    expect(row('trace viewer: P90 + HEATMAP query over 100,000 spans, median of 20 ms (CPU ms)')).toMatchObject({
      b: '62.4 (41.2)',
      checks: [{ goal: '≤ 100 ms', measured: '62.4 ms', pass: true }],
    });
    expect(row("trace viewer: heap per stored span, bytes (the store's estimate)")).toMatchObject({
      b: '1,200 (1,260)',
      checks: [{ goal: 'estimate within ±25 %', measured: '1.05×', pass: true }],
    });
    const off = reportRows({ ...results, viewer: { ...results.viewer, estimatedBytesPerSpan: 800, queryMedianMs: 140 } });
    expect(off.filter(({ measure }) => measure.startsWith('trace viewer:')).flatMap(({ checks }) => checks.map(({ pass, measured }) => [pass, measured]))).toEqual([
      [false, '140.0 ms'],
      [false, '0.67×'],
    ]);
  });
  it('shows the query page quiet and while spans stream in, checking the streaming median and longest task', () => {
    expect(row('trace viewer page: Run query click to chart, quiet, median (p90) of 20 ms')).toMatchObject({ b: '120 (140)', checks: [] });
    expect(row('trace viewer page: the same while spans stream in, median (p90) of 20 ms')).toMatchObject({
      b: '150 (170)',
      checks: [{ goal: '≤ 250 ms', measured: '150 ms', pass: true }],
    });
    expect(row('trace viewer page: click to chart, streaming / quiet (medians)').b).toBe('1.25×');
    expect(row('trace viewer page: longest main-thread task while streaming, ms (quiet)')).toMatchObject({
      b: '96 (< 50)',
      checks: [{ goal: '≤ 200 ms', measured: '96 ms', pass: true }],
    });
    expect(row('trace viewer page: longest gap between frames while streaming, ms (quiet)').b).toBe('106 (33)');
    expect(row('trace viewer page: spans/s streamed to the viewer (target)').b).toBe('1,995 (2,000)');
  });
  it('fails the query page’s goals past 250 ms median or a 200 ms task, and says none when no task was long', () => {
    const { queryPage } = results;
    const slow = reportRows({
      ...results,
      queryPage: { ...queryPage, streaming: { ...queryPage.streaming, medianMs: 251, longestTaskMs: 0 } },
    });
    const stuck = reportRows({ ...results, queryPage: { ...queryPage, streaming: { ...queryPage.streaming, longestTaskMs: 201 } } });
    const checks = (rows: typeof slow) => rows.filter(({ measure }) => measure.startsWith('trace viewer page')).flatMap(({ checks }) => checks.map(({ pass, measured }) => [pass, measured]));
    expect(checks(slow)).toEqual([
      [false, '251 ms'],
      [true, '< 50 ms'],
    ]);
    expect(checks(stuck)).toEqual([
      [true, '150 ms'],
      [false, '201 ms'],
    ]);
  });
  it('says when no error reporting ships', () => {
    expect(row('error reporting in the web app (built with a Rollbar token), KB gzip').b).toBe('not in the bundle');
  });
});

describe('rendering', () => {
  it('writes pass and FAIL with the measured value in the result column', () => {
    const table = renderResultsTable(reportRows(results));
    expect(table).toContain('| pass (0.90×); pass (2.25×) |');
    expect(table).toContain('FAIL (1.50×)');
  });
  it('counts the goals met under the table and names the machine', () => {
    const markdown = renderReport(results);
    expect(markdown).toContain('Goals met: 12 of 13.');
    expect(markdown).toContain('Test CPU, 2 cores, Node v20.20.2');
  });
});

describe('a run of some parts (--only)', () => {
  const { machine, queryPage } = results;
  const parts = { machine, settings: { ...results.settings, parts: ['query-page'] as const }, queryPage };
  it('has the rows of those parts alone', () => {
    expect(partRows(parts).map(({ measure }) => measure.split(':')[0])).toEqual(Array.from({ length: 6 }, () => 'trace viewer page'));
  });
  it('names the parts in the title and counts only their goals', () => {
    const markdown = renderParts(parts);
    expect(markdown).toContain('# Tracing cost, measured side by side (only query-page)');
    expect(markdown).toContain('Goals met: 2 of 2.');
    expect(markdown).toContain('- Trace viewer page:');
    expect(markdown).not.toContain('- API:');
  });
});
