// WHERE: the filters compiled into one predicate over spans. A span without
// the column fails every positive op and passes every negated one (`!=`,
// `does-not-…`, `not-in`), so a filter and its negation split the spans.

import type { DecodedSpan } from '../otlp/model.js';
import type { ColumnKeys } from '../store/column-keys.js';
import { columnGetter } from './columns.js';
import { compareValues, valuesEqual } from './compare.js';
import type { Filter, Scalar } from './spec.js';

export type SpanPredicate = (span: DecodedSpan) => boolean;

/** A test on a present value, and whether the filter is its negation. */
const test = (filter: Filter): { matches: (value: Scalar) => boolean; negated: boolean } => {
  switch (filter.op) {
    case 'exists':
    case 'does-not-exist':
      return { matches: () => true, negated: filter.op === 'does-not-exist' };
    case '=':
    case '!=': {
      const expected = filter.value;
      return { matches: (value) => valuesEqual(value, expected), negated: filter.op === '!=' };
    }
    case 'in':
    case 'not-in': {
      const expected = filter.value;
      return { matches: (value) => expected.some((item) => valuesEqual(value, item)), negated: filter.op === 'not-in' };
    }
    case '>':
    case '>=':
    case '<':
    case '<=': {
      const { op, value: bound } = filter;
      const within = (order: number) => (op === '>' ? order > 0 : op === '>=' ? order >= 0 : op === '<' ? order < 0 : order <= 0);
      return {
        matches: (value) => {
          const order = compareValues(value, bound);
          return order !== undefined && within(order);
        },
        negated: false,
      };
    }
    case 'contains':
    case 'does-not-contain': {
      const part = filter.value;
      return { matches: (value) => String(value).includes(part), negated: filter.op === 'does-not-contain' };
    }
    case 'starts-with':
    case 'does-not-start-with': {
      const prefix = filter.value;
      return { matches: (value) => String(value).startsWith(prefix), negated: filter.op === 'does-not-start-with' };
    }
    case 'ends-with':
    case 'does-not-end-with': {
      const suffix = filter.value;
      return { matches: (value) => String(value).endsWith(suffix), negated: filter.op === 'does-not-end-with' };
    }
  }
};

export const compileFilter = (filter: Filter, keys?: ColumnKeys): SpanPredicate => {
  const get = columnGetter(filter.column, keys);
  const { matches, negated } = test(filter);
  return negated
    ? (span) => {
        const value = get(span);
        return value === undefined || !matches(value);
      }
    : (span) => {
        const value = get(span);
        return value !== undefined && matches(value);
      };
};

/** All filters (AND) or any of them (OR); no filter lets every span through. */
export const compileFilters = (filters: readonly Filter[], combination: 'AND' | 'OR', keys?: ColumnKeys): SpanPredicate => {
  const predicates = filters.map((filter) => compileFilter(filter, keys));
  if (predicates.length === 0) return () => true;
  if (predicates.length === 1) return predicates[0] as SpanPredicate;
  return combination === 'AND'
    ? (span) => predicates.every((predicate) => predicate(span))
    : (span) => predicates.some((predicate) => predicate(span));
};
