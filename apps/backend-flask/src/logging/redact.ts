/** Headers that carry credentials: theirs, ours (Honeycomb, Rollbar) and AWS's. */
const SECRET_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-honeycomb-team',
  'x-rollbar-access-token',
  'x-amz-security-token',
];

/**
 * Where a log line could carry headers: at the top level, on a request,
 * response or error, and on the request, response or config an error
 * carries (`err.response.headers`, as HTTP clients attach them).
 */
const HEADER_HOLDERS = [
  '',
  ...['req', 'request', 'res', 'response', 'reply'].map((key) => `${key}.`),
  ...['err', 'error'].flatMap((key) => [`${key}.`, ...['req', 'request', 'res', 'response', 'config'].map((inner) => `${key}.${inner}.`)]),
];

/**
 * pino `redact` paths for those headers. Explicit paths, no wildcards: pino
 * runs a redactor only for the top-level keys a path names, so the access
 * line (none of these keys) costs nothing, where a leading `*` ran one on
 * every value of every line. No line logs headers today; this keeps a
 * future `log.info({ req: request.raw })` or a logged HTTP client error
 * from leaking one.
 */
export const REDACTED_PATHS: readonly string[] = HEADER_HOLDERS.flatMap((holder) =>
  SECRET_HEADERS.map((name) => `${holder}headers["${name}"]`),
);

export const REDACTED = '[redacted]';
