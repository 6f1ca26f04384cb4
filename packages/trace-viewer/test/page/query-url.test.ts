import { describe, expect, it } from 'vitest';
import { isQueryHash, queryHash, readQueryHash } from '../../static/query-url.js';

describe('the query page’s address', () => {
  const spec = { calculations: [{ op: 'P90', column: 'duration_ms' }], filters: [{ column: 'http.route', op: '=', value: '/a?b=c&d#e' }] };
  const selection = { group: { 'http.route': '/a?b=c&d#e' }, time: '2026-12-07T01:00:00Z' };

  it('holds the query and the selection, and reads back as both', () => {
    const hash = queryHash(spec, selection);
    expect(hash).toMatch(/^#\/query\?q=[^#&]+&sel=[^#&]+$/);
    expect(isQueryHash(hash)).toBe(true);
    expect(readQueryHash(hash)).toStrictEqual({ spec, selection, error: undefined });
    expect(readQueryHash(queryHash(spec))).toStrictEqual({ spec, selection: undefined, error: undefined });
  });

  it('is told apart from the other pages', () => {
    expect(isQueryHash('#/query')).toBe(true);
    expect(isQueryHash('#/queryx')).toBe(false);
    expect(isQueryHash('#/trace/abc')).toBe(false);
    expect(readQueryHash('#/query')).toStrictEqual({ spec: undefined, selection: undefined, error: undefined });
  });

  it.each([
    ['#/query?q=%7B%22calc', "the address's query (q) is not JSON"],
    ['#/query?q=%5B1%5D', "the address's query (q) is not a JSON object"],
    [`${queryHash(spec)}&sel=null`, "the address's selection (sel) is not a JSON object"],
  ])('says what is wrong with %s', (hash, error) => {
    expect(readQueryHash(hash)).toStrictEqual({ spec: undefined, selection: undefined, error });
  });
});
