import { describe, expect, it } from 'vitest';
import { compileFilter, compileFilters } from '../../src/query/filters.js';
import type { Filter } from '../../src/query/spec.js';
import { makeSpan } from '../support/spans.js';

// Five spans: status as an int, as a double, as a numeric string, absent; and one with a boolean.
const spans = [
  makeSpan({ span: 1, name: 'GET /api/activities/home', attributes: { 'http.response.status_code': 200, 'app.cached': true } }),
  makeSpan({ span: 2, name: 'GET /api/activities/search', attributes: { 'http.response.status_code': 404.0 } }),
  makeSpan({ span: 3, name: 'POST /api/activities', attributes: { 'http.response.status_code': 201.5 } }),
  makeSpan({ span: 4, name: 'home-activities-mock-data', attributes: { 'http.response.status_code': '500' } }),
  makeSpan({ span: 5, name: 'open-home', attributes: { 'app.cached': false } }),
];

/** The numbers of the spans the filter lets through. */
const through = (filter: Filter): number[] => {
  const matches = compileFilter(filter);
  return spans.filter(matches).map((span) => Number.parseInt(span.spanId, 16));
};

const STATUS = 'http.response.status_code';

describe('filters', () => {
  it('compare numbers as numbers, whether int, double or a numeric string', () => {
    expect(through({ column: STATUS, op: '=', value: 200 })).toEqual([1]);
    expect(through({ column: STATUS, op: '=', value: '404' })).toEqual([2]);
    expect(through({ column: STATUS, op: '=', value: 500 })).toEqual([4]);
    expect(through({ column: STATUS, op: '>', value: 201 })).toEqual([2, 3, 4]);
    expect(through({ column: STATUS, op: '>=', value: 404 })).toEqual([2, 4]);
    expect(through({ column: STATUS, op: '<', value: 201.5 })).toEqual([1]);
    expect(through({ column: STATUS, op: '<=', value: '201.5' })).toEqual([1, 3]);
  });

  it('compare strings as strings and booleans as booleans', () => {
    expect(through({ column: 'name', op: '=', value: 'open-home' })).toEqual([5]);
    expect(through({ column: 'name', op: '<', value: 'P' })).toEqual([1, 2]);
    expect(through({ column: 'app.cached', op: '=', value: true })).toEqual([1]);
    expect(through({ column: 'app.cached', op: '=', value: 'false' })).toEqual([5]);
    expect(through({ column: 'app.cached', op: '=', value: 1 })).toEqual([]);
  });

  it('leave out spans without the column from positive ops and keep them in negated ones', () => {
    expect(through({ column: STATUS, op: 'exists' })).toEqual([1, 2, 3, 4]);
    expect(through({ column: STATUS, op: 'does-not-exist' })).toEqual([5]);
    expect(through({ column: STATUS, op: '!=', value: 200 })).toEqual([2, 3, 4, 5]);
    expect(through({ column: STATUS, op: 'in', value: [200, '404'] })).toEqual([1, 2]);
    expect(through({ column: STATUS, op: 'not-in', value: [200, 404] })).toEqual([3, 4, 5]);
    expect(through({ column: STATUS, op: '>', value: 0 })).not.toContain(5);
    expect(through({ column: STATUS, op: '<', value: 1000 })).not.toContain(5);
  });

  it('match text with contains, starts-with, ends-with and their negations, numbers as their digits', () => {
    expect(through({ column: 'name', op: 'contains', value: 'activities' })).toEqual([1, 2, 3, 4]);
    expect(through({ column: 'name', op: 'does-not-contain', value: 'activities' })).toEqual([5]);
    expect(through({ column: 'name', op: 'starts-with', value: 'GET ' })).toEqual([1, 2]);
    expect(through({ column: 'name', op: 'does-not-start-with', value: 'GET ' })).toEqual([3, 4, 5]);
    expect(through({ column: 'name', op: 'ends-with', value: 'home' })).toEqual([1, 5]);
    expect(through({ column: 'name', op: 'does-not-end-with', value: 'home' })).toEqual([2, 3, 4]);
    expect(through({ column: STATUS, op: 'starts-with', value: '20' })).toEqual([1, 3]);
    expect(through({ column: 'app.cached', op: 'contains', value: 'ru' })).toEqual([1]);
    expect(through({ column: 'app.missing', op: 'does-not-contain', value: 'x' })).toEqual([1, 2, 3, 4, 5]);
  });

  it('combine with AND, or with OR; no filter lets every span through', () => {
    const filters: Filter[] = [
      { column: 'name', op: 'starts-with', value: 'GET' },
      { column: STATUS, op: '>=', value: 400 },
    ];
    expect(spans.filter(compileFilters(filters, 'AND')).map((span) => span.name)).toEqual(['GET /api/activities/search']);
    expect(spans.filter(compileFilters(filters, 'OR')).map((span) => span.name)).toEqual([
      'GET /api/activities/home',
      'GET /api/activities/search',
      'home-activities-mock-data',
    ]);
    expect(spans.filter(compileFilters([], 'AND'))).toHaveLength(5);
    expect(spans.filter(compileFilters([], 'OR'))).toHaveLength(5);
  });
});
