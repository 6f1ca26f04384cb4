import { RequestErrorBody, requestErrorBody, validationErrorBody } from '@cruddur/api-contract/schemas';
import type { ValidationError } from '@cruddur/api-contract';

/**
 * The error answers of the routes, by status, for their response schemas:
 * they make Fastify serialize errors fast with unlisted fields dropped, and
 * give the OpenAPI document each route's error statuses with their codes.
 */

/**
 * Every route's: a failure of ours (500), and the catch-all ranges for what
 * is refused before routing (a malformed URL, oversized headers, ...).
 */
export const ANY_ROUTE_ERRORS = {
  500: requestErrorBody(['internal_error'], 'Something failed on the API side; details stay in its logs'),
  '4xx': RequestErrorBody,
  '5xx': RequestErrorBody,
} as const;

/** A route with a path parameter: Fastify refuses one over 100 characters. */
export const PATH_PARAM_ERRORS = {
  414: requestErrorBody(['invalid_request'], 'A path parameter exceeds 100 characters'),
} as const;

/** A route with a query string: a parameter given twice arrives as a list, not a string. */
export const QUERY_ERRORS = {
  400: requestErrorBody(['invalid_request'], 'A query parameter is not a single string'),
} as const;

/** A POST with a JSON body, under the write rate limit (see plugins/write-rate-limit.ts). */
export const WRITE_ERRORS = {
  400: requestErrorBody(
    ['invalid_json', 'invalid_request'],
    'The body is not JSON (invalid_json), or has an unknown field or a field that is not a string (invalid_request)',
  ),
  413: requestErrorBody(['payload_too_large'], 'The body exceeds the API body limit'),
  415: requestErrorBody(['unsupported_media_type'], 'The body is not sent as application/json'),
  429: requestErrorBody(['rate_limited'], 'Too many writes from this address this minute; see Retry-After'),
} as const;

export const ACTIVITY_NOT_FOUND = {
  404: requestErrorBody(['activity_not_found'], 'No live activity has this uuid'),
} as const;

export const USER_NOT_FOUND = {
  404: requestErrorBody(['user_not_found'], 'No user has this handle'),
} as const;

/** 422 with the codes this route's use case can report. */
export const invalidInput = <const Codes extends readonly ValidationError[]>(...codes: Codes) =>
  ({ 422: validationErrorBody(codes) }) as const;
