import type { RequestError, ValidationError } from '@cruddur/api-contract';

/** Why a use case declined: a missing resource (404) or invalid input (422). */
export type Failure =
  | {
      readonly kind: 'not_found';
      readonly error: Extract<RequestError, 'activity_not_found' | 'user_not_found'>;
      readonly message: string;
    }
  | { readonly kind: 'invalid'; readonly errors: readonly ValidationError[] };

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

export const succeed = <T>(value: T): Result<T> => ({ ok: true, value });

export const invalid = (errors: readonly ValidationError[]): Result<never> => ({
  ok: false,
  failure: { kind: 'invalid', errors },
});

export const activityNotFound = (uuid: string): Result<never> => ({
  ok: false,
  failure: { kind: 'not_found', error: 'activity_not_found', message: `No activity with uuid ${JSON.stringify(uuid)}` },
});

export const userNotFound = (handle: string): Result<never> => ({
  ok: false,
  failure: { kind: 'not_found', error: 'user_not_found', message: `No user with handle ${JSON.stringify(handle)}` },
});
