import { describe, expect, it } from 'vitest';
import { parseQuerySpec } from '../../src/query/parse-spec.js';
import { QuerySpecError } from '../../src/query/spec.js';

const errorOf = (spec: unknown): { field: string; reason: string } => {
  try {
    parseQuerySpec(spec);
  } catch (error) {
    if (error instanceof QuerySpecError) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(spec)}`);
};

describe('parseQuerySpec', () => {
  it('fills in Honeycomb’s defaults: COUNT, AND, a limit of 100, two hours, ordered by the first calculation', () => {
    const query = parseQuerySpec({});
    expect(query.calculations).toEqual([{ op: 'COUNT', column: undefined, key: 'COUNT' }]);
    expect(query.orders).toEqual([{ key: 'COUNT', calculation: query.calculations[0], descending: true }]);
    expect(query.spec).toEqual({
      calculations: [{ op: 'COUNT' }],
      filters: [],
      filter_combination: 'AND',
      breakdowns: [],
      orders: [],
      limit: 100,
      time_range: 7200,
    });
  });

  it('reads the seeds’ homework queries, keys named as Honeycomb names them', () => {
    const query = parseQuerySpec({
      calculations: [
        { op: 'HEATMAP', column: 'duration_ms' },
        { op: 'P90', column: 'duration_ms' },
      ],
      filters: [{ column: 'service.name', op: '=', value: 'backend-flask' }],
      breakdowns: ['http.route'],
      orders: [{ op: 'P90', column: 'duration_ms', order: 'descending' }, { column: 'http.route' }],
      limit: 10,
      time_range: 3600,
      granularity: 60,
    });
    expect(query.calculations.map((calc) => calc.key)).toEqual(['HEATMAP(duration_ms)', 'P90(duration_ms)']);
    expect(query.orders.map(({ key, descending }) => [key, descending])).toEqual([
      ['P90(duration_ms)', true],
      ['http.route', false],
    ]);
    expect(query.spec).toMatchObject({
      orders: [
        { op: 'P90', column: 'duration_ms', order: 'descending' },
        { column: 'http.route', order: 'ascending' },
      ],
      limit: 10,
      time_range: 3600,
      granularity: 60,
    });
    // With only a HEATMAP, groups come largest first.
    expect(parseQuerySpec({ calculations: [{ op: 'HEATMAP', column: 'duration_ms' }] }).orders[0]).toMatchObject({ key: 'COUNT', descending: true });
  });

  it('accepts what a query read back from Honeycomb carries, and empty lists of what it cannot do', () => {
    const query = parseQuerySpec({ id: 'abc123', usage_mode: false, havings: [], formulas: [], calculated_fields: [], calculations: [{ op: 'COUNT', column: 'ignored' }] });
    expect(query.calculations[0]?.key).toBe('COUNT');
  });

  it('keeps absolute times as given and echoes them', () => {
    expect(parseQuerySpec({ start_time: 100, end_time: 200 }).spec).toMatchObject({ start_time: 100, end_time: 200 });
    expect(parseQuerySpec({ end_time: 200, time_range: 50 }).spec).toMatchObject({ end_time: 200, time_range: 50 });
    expect(parseQuerySpec({ end_time: 200 }).spec).not.toHaveProperty('time_range');
  });

  it.each([
    [[], 'query', 'must be a JSON object'],
    [{ calculation: [] }, 'calculation', 'not a field of a Query Specification'],
    [{ havings: [{ calculate_op: 'COUNT', op: '>', value: 1 }] }, 'havings', 'not supported by the local viewer'],
    [{ compare_time_offset_seconds: 3600 }, 'compare_time_offset_seconds', 'not supported by the local viewer'],
    [{ calculations: {} }, 'calculations', 'must be an array'],
    [{ calculations: ['COUNT'] }, 'calculations[0]', 'must be an object'],
    [{ calculations: [{ op: 'P42', column: 'x' }] }, 'calculations[0].op', /must be one of COUNT, COUNT_DISTINCT, .* HEATMAP; got "P42"/],
    [{ calculations: [{ op: 'RATE_AVG', column: 'x' }] }, 'calculations[0].op', /RATE_AVG is a Honeycomb op this viewer does not compute/],
    [{ calculations: [{ op: 'P90' }] }, 'calculations[0].column', 'must be a column name (a non-empty string)'],
    [{ calculations: [{ op: 'MAX', column: ' ' }] }, 'calculations[0].column', 'must be a column name (a non-empty string)'],
    [{ calculations: Array.from({ length: 101 }, () => ({ op: 'COUNT' })) }, 'calculations', 'must have at most 100 items'],
    [{ filters: [{ column: 'name', op: 'like', value: 'x' }] }, 'filters[0].op', /must be one of =, !=, .*; got "like"/],
    [{ filters: [{ op: '=', value: 'x' }] }, 'filters[0].column', 'must be a column name (a non-empty string)'],
    [{ filters: [{ column: 'name', op: '=' }] }, 'filters[0].value', '= needs a string, a number or a boolean'],
    [{ filters: [{ column: 'name', op: '=', value: null }] }, 'filters[0].value', /for a missing column, use does-not-exist/],
    [{ filters: [{ column: 'name', op: '=', value: { a: 1 } }] }, 'filters[0].value', '= needs a string, a number or a boolean'],
    [{ filters: [{ column: 'x', op: '>', value: true }] }, 'filters[0].value', '> needs a number or a string'],
    [{ filters: [{ column: 'x', op: 'exists', value: 'y' }] }, 'filters[0].value', 'exists takes no value'],
    [{ filters: [{ column: 'x', op: 'in', value: 'a' }] }, 'filters[0].value', 'in needs a non-empty array of strings, numbers or booleans'],
    [{ filters: [{ column: 'x', op: 'not-in', value: [] }] }, 'filters[0].value', 'not-in needs a non-empty array of strings, numbers or booleans'],
    [{ filters: [{ column: 'x', op: 'contains', value: 5 }] }, 'filters[0].value', 'contains needs a string'],
    [{ filter_combination: 'XOR' }, 'filter_combination', 'must be one of AND, OR; got "XOR"'],
    [{ breakdowns: 'name' }, 'breakdowns', 'must be an array'],
    [{ breakdowns: ['name', 'name'] }, 'breakdowns[1]', 'name is already a breakdown'],
    [{ orders: [{ column: 'name' }] }, 'orders[0].column', /name is not among the breakdowns/],
    [{ orders: [{ op: 'P99', column: 'duration_ms' }] }, 'orders[0]', 'P99(duration_ms) is not among the calculations'],
    [{ calculations: [{ op: 'HEATMAP', column: 'd' }], orders: [{ op: 'HEATMAP', column: 'd' }] }, 'orders[0].op', 'a HEATMAP cannot be ordered by'],
    [{ orders: [{ op: 'COUNT', order: 'up' }] }, 'orders[0].order', 'must be one of ascending, descending; got "up"'],
    [{ limit: 0 }, 'limit', 'must be an integer from 1 to 1000; got 0'],
    [{ limit: 1001 }, 'limit', 'must be an integer from 1 to 1000; got 1001'],
    [{ limit: '10' }, 'limit', 'must be an integer from 1 to 1000; got "10"'],
    [{ time_range: 0 }, 'time_range', 'must be an integer at least 1; got 0'],
    [{ time_range: 1.5 }, 'time_range', 'must be an integer at least 1; got 1.5'],
    [{ start_time: 10, end_time: 20, time_range: 10 }, 'time_range', 'cannot be given with both start_time and end_time'],
    [{ start_time: 20, end_time: 20 }, 'start_time', 'must be before end_time'],
    [{ start_time: -1 }, 'start_time', 'must be an integer at least 0; got -1'],
    [{ time_range: 7200, granularity: 7201 }, 'granularity', 'must be from 8 to 7200 seconds for a 7200-second time range'],
    [{ time_range: 7200, granularity: 7 }, 'granularity', 'must be from 8 to 7200 seconds for a 7200-second time range'],
    [{ start_time: 0, end_time: 60, granularity: 0 }, 'granularity', 'must be an integer at least 1; got 0'],
  ])('rejects %j naming %s', (spec, field, reason) => {
    const error = errorOf(spec);
    expect(error.field).toBe(field);
    if (typeof reason === 'string') expect(error.reason).toBe(reason);
    else expect(error.reason).toMatch(reason);
  });
});
