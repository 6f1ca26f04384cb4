import { CloudWatchLogsServiceException } from '@aws-sdk/client-cloudwatch-logs';

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

/** `ThrottlingException: Rate exceeded`, for one line on stderr. */
export const describeFailure = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const status = error instanceof CloudWatchLogsServiceException ? error.$metadata.httpStatusCode : undefined;
  return `${error.name}${status === undefined ? '' : ` (HTTP ${String(status)})`}: ${error.message}`;
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
