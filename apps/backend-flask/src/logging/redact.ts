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
 * pino `redact` paths for those headers wherever a log line could carry
 * them: `headers` itself, or one or two levels down (`req.headers`,
 * `err.response.headers`, ...). No line logs headers today; this keeps a
 * future `log.info({ req: request.raw })` from leaking one.
 */
export const REDACTED_PATHS: readonly string[] = SECRET_HEADERS.flatMap((name) => [
  `headers["${name}"]`,
  `*.headers["${name}"]`,
  `*.*.headers["${name}"]`,
]);

export const REDACTED = '[redacted]';
