/** Validation codes the API returns in `{"errors": [...]}` with status 422. */
export const VALIDATION_ERRORS = [
  'message_blank',
  'message_exceed_max_chars',
  'ttl_blank',
  'ttl_invalid',
  'user_receiver_handle_blank',
  'search_term_blank',
  'search_term_exceed_max_chars',
] as const;
export type ValidationError = (typeof VALIDATION_ERRORS)[number];

/** Codes for requests the API refuses before validation (`{"error": code, "message": text}`). */
export const REQUEST_ERRORS = [
  'not_found',
  'activity_not_found',
  'user_not_found',
  'invalid_json',
  'invalid_request',
  'unsupported_media_type',
  'payload_too_large',
  'rate_limited',
  'internal_error',
  // The trace relay's own: a page from another origin, and a destination that failed or timed out.
  'forbidden_origin',
  'bad_gateway',
  'gateway_timeout',
] as const;
export type RequestError = (typeof REQUEST_ERRORS)[number];
