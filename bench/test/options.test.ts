import { describe, expect, it } from 'vitest';
import { roundOrder } from '../src/api-bench.js';
import { readSettings } from '../src/options.js';

describe('readSettings', () => {
  it('has defaults that finish well within ten minutes', () => {
    expect(readSettings([])).toEqual({
      rounds: 5,
      connections: 10,
      warmupSec: 2,
      durationSec: 6,
      posts: 6000,
      clicks: 20,
      pageClicks: 20,
      streamSpansPerSec: 2000,
      parts: ['api', 'bundle', 'click-to-trace', 'viewer-query', 'query-page'],
    });
  });
  it('takes each setting as a whole number', () => {
    expect(readSettings(['--rounds', '3', '--duration', '8', '--posts', '100', '--clicks=4'])).toMatchObject({
      rounds: 3,
      durationSec: 8,
      posts: 100,
      clicks: 4,
    });
  });
  it('takes the query page’s clicks and stream rate', () => {
    expect(readSettings(['--page-clicks', '8', '--stream-rate=500'])).toMatchObject({ pageClicks: 8, streamSpansPerSec: 500 });
  });
  it('runs only the parts --only names, in the order of a full run', () => {
    expect(readSettings(['--only', 'query-page']).parts).toEqual(['query-page']);
    expect(readSettings(['--only', 'query-page,viewer-query']).parts).toEqual(['viewer-query', 'query-page']);
    expect(readSettings(['--only', 'query-page', '--only', 'api']).parts).toEqual(['api', 'query-page']);
  });
  it('skips the `--` pnpm passes on before them', () => {
    expect(readSettings(['--', '--only', 'query-page', '--page-clicks', '4'])).toMatchObject({ parts: ['query-page'], pageClicks: 4 });
  });
  it('refuses a part it does not know', () => {
    expect(() => readSettings(['--only', 'viewer'])).toThrow(
      '--only takes parts of api, bundle, click-to-trace, viewer-query, query-page, got "viewer"',
    );
    expect(() => readSettings(['--only', ''])).toThrow('--only');
  });
  it('refuses zero, fractions and unknown options', () => {
    expect(() => readSettings(['--rounds', '0'])).toThrow('--rounds must be a whole number of at least 1, got "0"');
    expect(() => readSettings(['--duration', '2.5'])).toThrow('--duration');
    expect(() => readSettings(['--fast'])).toThrow();
  });
});

describe('roundOrder', () => {
  it('interleaves the variants, each round starting with the next one', () => {
    expect([0, 1, 2, 3, 4].map(roundOrder)).toEqual([
      ['A', 'B', 'C', 'D'],
      ['B', 'C', 'D', 'A'],
      ['C', 'D', 'A', 'B'],
      ['D', 'A', 'B', 'C'],
      ['A', 'B', 'C', 'D'],
    ]);
  });
});
