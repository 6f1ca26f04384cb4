// The columns span attributes and resources have had, kept by the store so
// that a query reads only the attribute objects a column can be in. Most
// columns live in just one place (name and duration_ms in neither): the
// lookups that cannot hit were most of a query's time.

import type { AttributeValue, Attributes } from '../otlp/model.js';

export interface ColumnKeys {
  /** Every column some span's own attributes have had. */
  readonly attributes: ReadonlySet<string>;
  /** Every column some span's resource has had. */
  readonly resource: ReadonlySet<string>;
}

export const isNested = (value: AttributeValue | undefined): value is Attributes =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each column an attribute object makes: its keys, a nested key-value list flattened with dots (`a.b.c`). */
export const forEachColumn = (attributes: Attributes, visit: (name: string, value: AttributeValue) => void, prefix = ''): void => {
  for (const [key, value] of Object.entries(attributes)) {
    if (isNested(value)) forEachColumn(value, visit, `${prefix}${key}.`);
    else visit(`${prefix}${key}`, value);
  }
};
