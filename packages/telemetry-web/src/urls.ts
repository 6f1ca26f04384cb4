import { TRACE_RELAY_PATH } from '@cruddur/api-contract';

const fail = (name: string, value: string): never => {
  throw new Error(`${name} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
};

/** The origin of an absolute http(s) URL, e.g. `http://localhost:4567`. */
export const originOf = (name: string, value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(name, value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(name, value);
  return url.origin;
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches URLs on exactly this origin: `http://localhost:4567` matches
 * `http://localhost:4567/api`, not `http://localhost:45670/` nor
 * `http://localhost:4567.evil.com/`. instrumentation-fetch tests it against
 * the request's normalised href, which always has a path after the origin.
 */
export const exactOriginPattern = (origin: string): RegExp =>
  new RegExp(`^${escapeRegExp(origin)}(?:[/?#]|$)`);

/** The API relays browser spans from this path to the real destination. */
export const defaultExportUrl = (backendUrl: string): string => `${backendUrl.replace(/\/+$/, '')}${TRACE_RELAY_PATH}`;
