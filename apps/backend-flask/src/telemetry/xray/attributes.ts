import type { Attributes } from '@opentelemetry/api';
import type { AnnotationValue } from './segment.js';

/** Our own attributes (`app.*`) are indexed as annotations, to filter traces on. */
const ANNOTATED_PREFIX = 'app.';
// X-Ray's limits: keys of letters, digits and underscores up to 500
// characters, values up to 1,000 characters.
const MAX_KEY_LENGTH = 500;
const MAX_VALUE_LENGTH = 1000;
const MAX_NAME_LENGTH = 200;

/** `app.user_handle` → `app_user_handle`: X-Ray drops annotations with any other character. */
export const annotationKey = (key: string): string => key.replace(/[^A-Za-z0-9_]/g, '_').slice(0, MAX_KEY_LENGTH);

/**
 * A segment or subsegment name as X-Ray takes it: letters, digits,
 * whitespace and `_ . : / % & # = + \ - @`, at most 200 characters.
 */
export const segmentName = (name: string): string =>
  name.replace(/[^\p{L}\p{N}\s_.:/%&#=+\\\-@]/gu, '').slice(0, MAX_NAME_LENGTH) || 'span';

const annotationValue = (value: unknown): AnnotationValue | undefined => {
  if (typeof value === 'string') return value.slice(0, MAX_VALUE_LENGTH);
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  return undefined;
};

/**
 * Every attribute not taken elsewhere is metadata under its own key; `app.*`
 * scalars are annotations too (arrays cannot be), so the traces of, say,
 * one user can be found: `annotation.app_user_handle = "andrewbrown"`.
 */
export const annotationsAndMetadata = (
  attributes: Attributes,
  taken: ReadonlySet<string>,
  extraMetadata: Record<string, unknown> = {},
): { annotations?: Record<string, AnnotationValue>; metadata?: { default: Record<string, unknown> } } => {
  const annotations: Record<string, AnnotationValue> = {};
  const metadata: Record<string, unknown> = { ...extraMetadata };
  for (const [key, value] of Object.entries(attributes)) {
    if (taken.has(key) || value === undefined) continue;
    metadata[key] = value;
    const annotated = key.startsWith(ANNOTATED_PREFIX) ? annotationValue(value) : undefined;
    if (annotated !== undefined) annotations[annotationKey(key)] = annotated;
  }
  return {
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    ...(Object.keys(metadata).length > 0 ? { metadata: { default: metadata } } : {}),
  };
};
