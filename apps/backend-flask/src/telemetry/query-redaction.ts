import type { Attributes } from '@opentelemetry/api';
import { isSecretName, REDACTED } from '../rollbar/scrub.js';

/**
 * The SERVER span's `url.query` with the values of secret-looking parameters
 * (`token`, `api_key`, `password`, ... the names Rollbar's scrubbing uses)
 * replaced by `[REDACTED]`, for server-span.ts: the redacted `url.query`
 * for a request with a query string and nothing (no work past one indexOf)
 * for the rest.
 */
export const redactedQueryAttributes = (url: string | undefined): Attributes => {
  const at = url?.indexOf('?') ?? -1;
  if (url === undefined || at < 0 || at === url.length - 1) return {};
  const params = new URLSearchParams(url.slice(at + 1));
  for (const name of new Set(params.keys())) {
    if (isSecretName(name)) params.set(name, REDACTED);
  }
  return { 'url.query': params.toString() };
};
