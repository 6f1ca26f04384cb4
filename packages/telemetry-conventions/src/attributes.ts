/** Attribute keys of our own (`app.*`, snake_case), as the course's Honeycomb queries use them. */
export const ATTR = {
  /** When the API computed its answer (ISO-8601). */
  now: 'app.now',
  /** How many records a read returned. */
  resultLength: 'app.result_length',
  /** The user a call acts for or reads about. */
  userHandle: 'app.user_handle',
  receiverHandle: 'app.receiver_handle',
  activityUuid: 'app.activity_uuid',
  searchTerm: 'app.search_term',
  ttl: 'app.ttl',
  messageLength: 'app.message_length',
  /** Validation codes a request was refused with. */
  errorCodes: 'app.error_codes',
  /** Browser: the action a root span stands for, and the route it started on. */
  action: 'app.action',
  route: 'app.route',
  /** Browser: the action hit its time cap before its fetches settled. */
  timedOut: 'app.timed_out',
} as const;

export type AttributeKey = (typeof ATTR)[keyof typeof ATTR];
