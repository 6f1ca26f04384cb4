import { describe, expect, it } from 'vitest';
import * as server from '../../src/query/spec.js';
import {
  CALCULATION_OPS,
  EXAMPLES,
  FILTER_OPS,
  formFromSpec,
  LIST_OPS,
  NO_VALUE_OPS,
  parseScalar,
  type QueryForm,
  specFromForm,
  TEXT_OPS,
} from '../../static/query-form.js';

const form = (overrides: Partial<QueryForm>): QueryForm => ({
  calculations: [],
  filters: [],
  combination: 'AND',
  breakdowns: [],
  orders: [],
  limit: '',
  timeRange: 7200,
  fixedTime: {},
  ...overrides,
});

describe('the builder’s ops', () => {
  it('are the ones the server takes, in its order', () => {
    expect(CALCULATION_OPS).toStrictEqual([...server.CALCULATION_OPS]);
    expect(FILTER_OPS).toStrictEqual([...server.FILTER_OPS]);
    expect(TEXT_OPS).toStrictEqual([...server.STRING_FILTER_OPS]);
    expect([...NO_VALUE_OPS, ...LIST_OPS].every((op) => FILTER_OPS.includes(op))).toBe(true);
  });
});

describe('a filter value as typed', () => {
  it.each([
    ['200', 200],
    [' 4.5 ', 4.5],
    ['-1e3', -1000],
    ['true', true],
    ['false', false],
    ['"200"', '200'],
    ['"true"', 'true'],
    [' backend-flask ', 'backend-flask'],
    ['', ''],
    ['Infinity', 'Infinity'],
  ])('%j is %j', (text, value) => {
    expect(parseScalar(text)).toStrictEqual(value);
  });
});

describe('the specification the builder sends', () => {
  it('holds every clause, each op’s value in its type', () => {
    const spec = specFromForm(
      form({
        calculations: [
          { op: 'COUNT', column: 'ignored' },
          { op: 'P90', column: ' duration_ms ' },
        ],
        filters: [
          { column: 'http.status_code', op: '>=', value: '500' },
          { column: 'name', op: 'starts-with', value: ' 200 ' },
          { column: 'http.route', op: 'in', value: '/a, /b,3' },
          { column: 'error', op: 'exists', value: 'left over' },
        ],
        combination: 'OR',
        breakdowns: ['http.route', ' '],
        orders: [
          { op: 'P90', column: 'duration_ms', descending: true },
          { op: '', column: 'http.route', descending: false },
          { op: 'COUNT', column: '', descending: true },
        ],
        limit: '5',
        timeRange: 3600,
      }),
    );
    expect(spec).toStrictEqual({
      calculations: [{ op: 'COUNT' }, { op: 'P90', column: 'duration_ms' }],
      filters: [
        { column: 'http.status_code', op: '>=', value: 500 },
        { column: 'name', op: 'starts-with', value: '200' },
        { column: 'http.route', op: 'in', value: ['/a', '/b', 3] },
        { column: 'error', op: 'exists' },
      ],
      filter_combination: 'OR',
      breakdowns: ['http.route'],
      orders: [
        { op: 'P90', column: 'duration_ms', order: 'descending' },
        { column: 'http.route', order: 'ascending' },
        { op: 'COUNT', order: 'descending' },
      ],
      limit: 5,
      time_range: 3600,
    });
  });

  it('leaves out blank rows and defaults, and OR with one filter', () => {
    const spec = specFromForm(
      form({ calculations: [{ op: 'MAX', column: '' }], filters: [{ column: ' ', op: '=', value: 'x' }, { column: 'name', op: '=', value: 'x' }], combination: 'OR', breakdowns: [''] }),
    );
    expect(spec).toStrictEqual({ filters: [{ column: 'name', op: '=', value: 'x' }], time_range: 7200 });
  });

  it('keeps the absolute window and granularity a shared query carried', () => {
    const spec = specFromForm(form({ fixedTime: { start_time: 1_800_000_000, end_time: 1_800_003_600, granularity: 30 } }));
    expect(spec).toStrictEqual({ start_time: 1_800_000_000, end_time: 1_800_003_600, granularity: 30 });
  });
});

describe('the builder’s clauses of a specification', () => {
  it.each(EXAMPLES.map((example) => [example.id, example.spec]))('give back the %s example unchanged', (_id, spec) => {
    expect(specFromForm(formFromSpec(spec))).toStrictEqual(spec);
  });

  it('show values so that they read back as the same type', () => {
    const spec = {
      filters: [
        { column: 'a', op: '=', value: '200' },
        { column: 'b', op: '=', value: 200 },
        { column: 'c', op: 'not-in', value: ['true', true, 'x'] },
        { column: 'd', op: 'contains', value: '42' },
      ],
      time_range: 600,
    };
    const clauses = formFromSpec(spec);
    expect(clauses.filters.map((filter) => filter.value)).toStrictEqual(['"200"', '200', '"true", true, x', '42']);
    expect(specFromForm(clauses)).toStrictEqual(spec);
  });

  it('make a window of start or end with time_range absolute, as Honeycomb reads it', () => {
    expect(formFromSpec({ start_time: 1000, time_range: 60 }).fixedTime).toStrictEqual({ start_time: 1000, end_time: 1060 });
    expect(formFromSpec({ end_time: 1000 }).fixedTime).toStrictEqual({ start_time: -6200, end_time: 1000 });
  });

  it('drop what the builder cannot show rather than fail', () => {
    const clauses = formFromSpec({ calculations: 'P90', filters: [null, 3, { column: 'x' }], breakdowns: [1, 'y'], orders: {}, limit: '7' });
    expect(clauses).toMatchObject({ calculations: [], filters: [{ column: 'x', op: '=', value: '' }], breakdowns: ['y'], orders: [], limit: '' });
  });
});
