import type { Attributes } from '@opentelemetry/api';
import { isSecretName, REDACTED } from '../rollbar/scrub.js';

/** A parameter name as URLSearchParams would read it (`+` is a space); undecodable names stay raw. */
const decodedName = (name: string): string => {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
};

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
  // Pair by pair on the raw text, so everything but a secret's value stays as the client sent it.
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      return equals >= 0 && isSecretName(decodedName(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return { 'url.query': query };
};
