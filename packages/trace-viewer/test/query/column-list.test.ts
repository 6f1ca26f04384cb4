import { describe, expect, it } from 'vitest';
import { listColumns } from '../../src/query/column-list.js';
import { TraceStore } from '../../src/store/trace-store.js';
import { makeSpan } from '../support/spans.js';

describe('the column list', () => {
  it('names every attribute the spans have, with its types and span count, and the derived fields', () => {
    const store = new TraceStore();
    store.add([
      makeSpan({ span: 1, attributes: { 'app.result_length': 3, app: { user: 'andrew' } }, resource: { 'host.name': 'h' } }),
      makeSpan({ span: 2, parent: 1, attributes: { 'app.result_length': 2.5 }, error: true }),
    ]);
    const columns = listColumns(store);
    const byName = (name: string) => columns.find((column) => column.name === name);
    expect(byName('app.result_length')).toEqual({ name: 'app.result_length', types: ['float', 'integer'], spans: 2, derived: false });
    expect(byName('app.user')).toEqual({ name: 'app.user', types: ['string'], spans: 1, derived: false });
    expect(byName('host.name')).toEqual({ name: 'host.name', types: ['string'], spans: 1, derived: false });
    expect(byName('service.name')).toEqual({ name: 'service.name', types: ['string'], spans: 2, derived: false });
    expect(byName('duration_ms')).toEqual({ name: 'duration_ms', types: ['integer'], spans: 2, derived: true });
    expect(byName('error')).toEqual({ name: 'error', types: ['boolean'], spans: 1, derived: true });
    expect(byName('trace.parent_id')?.spans).toBe(1);
    expect(columns.map((column) => column.name)).toEqual([...columns.map((column) => column.name)].sort());
  });

  it('counts a key a span has as an attribute and in its resource once, with the attribute’s type', () => {
    const store = new TraceStore();
    store.add([
      makeSpan({ span: 1, attributes: { 'deployment.environment': 7, duration_ms: 'overridden' }, resource: { 'deployment.environment': 'e2e' } }),
      makeSpan({ span: 2, resource: { 'deployment.environment': 'e2e' } }),
    ]);
    const columns = listColumns(store);
    const byName = (name: string) => columns.find((column) => column.name === name);
    expect(byName('deployment.environment')).toEqual({ name: 'deployment.environment', types: ['integer', 'string'], spans: 2, derived: false });
    // An attribute named like a derived field is the column, counted once per span.
    expect(byName('duration_ms')).toEqual({ name: 'duration_ms', types: ['integer', 'string'], spans: 2, derived: false });
  });
});
