/**
 * What of a request goes to Rollbar: everything but the secrets, and no
 * message text (as in the traces: a crud or a direct message is the user's,
 * its length is enough to debug with). The SDK scrubs again with its own
 * field list (see notifier.ts); this pass catches the names that list
 * misses, such as `x-honeycomb-team` or `x-api-key`.
 */

export const REDACTED = '[REDACTED]';

/** Headers that carry credentials whatever they are called. */
const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-honeycomb-team']);

/** Names that look like they hold a secret ("auth", not "author"). */
const SECRET_NAME = /key|token|secret|passw|pwd|auth(?!or)|cookie|session|credential|signature|private/i;

// Bodies are at most 16 KiB, but a relay payload or a pathological one may
// nest deep or list thousands of spans: Rollbar gets the outline.
const MAX_DEPTH = 8;
const MAX_ITEMS = 50;

export const isSecretName = (name: string): boolean => SECRET_HEADERS.has(name.toLowerCase()) || SECRET_NAME.test(name);

export const scrubHeaders = (
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string | string[]> => {
  const scrubbed: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) scrubbed[name] = isSecretName(name) ? REDACTED : value;
  }
  return scrubbed;
};

/** A path with its query string, secret-looking parameters replaced. */
export const scrubUrl = (pathAndQuery: string): string => {
  const url = new URL(pathAndQuery, 'http://placeholder');
  for (const name of new Set(url.searchParams.keys())) {
    if (isSecretName(name)) url.searchParams.set(name, REDACTED);
  }
  return `${url.pathname}${url.search}`;
};

const scrubField = (name: string, value: unknown, depth: number): unknown => {
  if (isSecretName(name)) return REDACTED;
  if (name === 'message' && typeof value === 'string') return `[message of ${String(value.length)} characters]`;
  return scrubJson(value, depth + 1);
};

const scrubJson = (value: unknown, depth: number): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => scrubJson(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, scrubField(name, field, depth)]));
};

/** A parsed JSON body, scrubbed; anything else (a protobuf buffer, no body) is left out. */
export const scrubBody = (body: unknown): unknown =>
  body !== null && typeof body === 'object' && !Buffer.isBuffer(body) ? scrubJson(body, 0) : undefined;
