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

/** The API relays browser spans from this path to the real destination. */
export const defaultExportUrl = (backendUrl: string): string => `${backendUrl.replace(/\/+$/, '')}${TRACE_RELAY_PATH}`;
