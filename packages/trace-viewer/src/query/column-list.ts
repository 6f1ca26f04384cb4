// The columns the store's spans have, for a query builder to suggest: every
// attribute key (nested lists flattened, as columns.ts reads them), then the
// derived fields, each with its types and how many spans have it.

import type { Attributes, DecodedSpan } from '../otlp/model.js';
import { forEachColumn } from '../store/column-keys.js';
import type { TraceStore } from '../store/trace-store.js';
import { DERIVED_COLUMNS, scalarOf } from './columns.js';
import type { Scalar } from './spec.js';

export type ColumnType = 'string' | 'integer' | 'float' | 'boolean';

export interface ColumnInfo {
  name: string;
  types: ColumnType[];
  /** Spans with a value in this column. */
  spans: number;
  derived: boolean;
}

const typeOf = (value: Scalar): ColumnType =>
  typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'float') : typeof value === 'string' ? 'string' : 'boolean';

const flatten = (attributes: Attributes, into: Map<string, ColumnType>): void => {
  forEachColumn(attributes, (name, value) => {
    const scalar = scalarOf(value);
    if (scalar !== undefined) into.set(name, typeOf(scalar));
  });
};

export const listColumns = (store: TraceStore): ColumnInfo[] => {
  const found = new Map<string, { types: Set<ColumnType>; spans: number; derived: boolean }>();
  const note = (name: string, type: ColumnType, derived: boolean): void => {
    const column = found.get(name) ?? { types: new Set<ColumnType>(), spans: 0, derived };
    column.types.add(type);
    column.spans++;
    found.set(name, column);
  };
  // Spans of one request share their resource: flattened once.
  const resources = new WeakMap<Attributes, Map<string, ColumnType>>();
  const derived = Object.entries(DERIVED_COLUMNS);
  store.forEachSpan((span: DecodedSpan) => {
    let resource = resources.get(span.resource);
    if (!resource) {
      resource = new Map();
      flatten(span.resource, resource);
      resources.set(span.resource, resource);
    }
    const columns = new Map(resource);
    flatten(span.attributes, columns);
    for (const [name, type] of columns) note(name, type, false);
    for (const [name, get] of derived) {
      if (columns.has(name)) continue;
      const value = get(span);
      if (value !== undefined) note(name, typeOf(value), true);
    }
  });
  return [...found].map(([name, { types, spans, derived: isDerived }]) => ({ name, types: [...types].sort(), spans, derived: isDerived })).sort((a, b) => (a.name < b.name ? -1 : 1));
};
