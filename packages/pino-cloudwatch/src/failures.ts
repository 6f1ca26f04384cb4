import { CloudWatchLogsServiceException } from '@aws-sdk/client-cloudwatch-logs';
import { networkFailure, type ExportFailure, type FailureHints } from '@cruddur/export-health';

/**
 * What to do after a failed call:
 * - `retry`: throttled, a 5xx, or no answer at all (network, timeout):
 *   try the same call again after a backoff.
 * - `recreate`: the group or stream is gone (deleted, or not created yet
 *   because creating it failed): create both, then retry once.
 * - `give-up`: the service refused the request itself (permissions, bad
 *   parameters): sending it again cannot help.
 */
export type FailureAction = 'retry' | 'recreate' | 'give-up';

export const failureAction = (error: unknown): FailureAction => {
  if (!(error instanceof CloudWatchLogsServiceException)) return 'retry';
  if (error.name === 'ResourceNotFoundException') return 'recreate';
  const status = error.$metadata.httpStatusCode ?? 0;
  return error.name === 'ThrottlingException' || status >= 500 ? 'retry' : 'give-up';
};

/**
 * `ThrottlingException (HTTP 400): Rate exceeded`, for one line on stderr: the
 * message's first line only (InvalidSignatureException goes on with the
 * canonical request, signed header values included).
 */
export const describeFailure = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error).split('\n', 1)[0] ?? '';
  const status = error instanceof CloudWatchLogsServiceException ? error.$metadata.httpStatusCode : undefined;
  return `${error.name}${status === undefined ? '' : ` (HTTP ${String(status)})`}: ${error.message.split('\n', 1)[0] ?? ''}`;
};

export interface Backoff {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter": half of the capped exponential
 * delay, plus a random share of the other half, so retries from many
 * processes spread out yet each one still waits longer than the last.
 */
export const backoffDelay = ({ baseDelayMs, maxDelayMs }: Backoff, attempt: number, random: () => number = Math.random): number => {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
};

export const CLOUDWATCH_HINTS: FailureHints = {
  credentials: 'the AWS credentials and the logs:PutLogEvents permission',
  address: 'AWS_REGION or AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
  noun: 'log events',
  whenThrottled: 'log events kept and retried',
};

const CREDENTIAL_ERRORS = new Set([
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'ExpiredTokenException',
  'MissingAuthenticationTokenException',
  'CredentialsProviderError',
]);

/** A failed call as the export health reports it: the error's name and status, and what to check. */
export const exportFailure = (error: unknown): ExportFailure => {
  const name = error instanceof Error ? error.name : '';
  if (CREDENTIAL_ERRORS.has(name)) return { reason: describeFailure(error), hint: `check ${CLOUDWATCH_HINTS.credentials}` };
  if (!(error instanceof CloudWatchLogsServiceException)) return networkFailure(error, CLOUDWATCH_HINTS);
  const status = error.$metadata.httpStatusCode ?? 0;
  const reason = describeFailure(error);
  if (error.name === 'ThrottlingException' || status === 429 || status === 503) {
    return { reason, hint: `destination throttling; ${CLOUDWATCH_HINTS.whenThrottled ?? ''}` };
  }
  if (status >= 500) return { reason, hint: 'destination failing; log events kept and retried' };
  return { reason, hint: 'refused: the batch is dropped' };
};
