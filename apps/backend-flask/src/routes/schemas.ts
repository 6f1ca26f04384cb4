/**
 * JSON schemas shared by the routes. Response schemas let Fastify serialize
 * fast and drop any field not listed; request schemas reject unknown fields
 * and wrong types (400). Required fields are not marked required: a missing
 * field is reported as blank (422) by the use case.
 */

const isoTimestamp = { type: 'string', format: 'date-time' } as const;

export const activitySchema = {
  $id: 'activity',
  type: 'object',
  required: [
    'uuid',
    'display_name',
    'handle',
    'message',
    'created_at',
    'expires_at',
    'likes_count',
    'replies_count',
    'reposts_count',
    'reply_to_activity_uuid',
    'replies',
  ],
  properties: {
    uuid: { type: 'string' },
    display_name: { type: 'string' },
    handle: { type: 'string' },
    message: { type: 'string' },
    created_at: isoTimestamp,
    expires_at: { type: ['string', 'null'] },
    likes_count: { type: 'integer' },
    replies_count: { type: 'integer' },
    reposts_count: { type: 'integer' },
    reply_to_activity_uuid: { type: ['string', 'null'] },
    replies: { type: 'array', items: { $ref: 'activity#' } },
  },
} as const;

/** Messages and message groups share one shape: who, what, when. */
export const messageSchema = {
  $id: 'message',
  type: 'object',
  required: ['uuid', 'display_name', 'handle', 'message', 'created_at'],
  properties: {
    uuid: { type: 'string' },
    display_name: { type: 'string' },
    handle: { type: 'string' },
    message: { type: 'string' },
    created_at: isoTimestamp,
  },
} as const;

export const requestErrorSchema = {
  $id: 'request-error',
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

export const validationErrorsSchema = {
  $id: 'validation-errors',
  type: 'object',
  required: ['errors'],
  properties: { errors: { type: 'array', items: { type: 'string' } } },
} as const;

export const sharedSchemas = [activitySchema, messageSchema, requestErrorSchema, validationErrorsSchema];

export const activityRef = { $ref: 'activity#' } as const;
export const activityListRef = { type: 'array', items: activityRef } as const;
export const messageRef = { $ref: 'message#' } as const;
export const messageListRef = { type: 'array', items: messageRef } as const;

/** Every route may answer with these: 422 lists codes, other 4xx/5xx carry one. */
export const errorResponses = {
  422: { $ref: 'validation-errors#' },
  '4xx': { $ref: 'request-error#' },
  '5xx': { $ref: 'request-error#' },
} as const;

export const uuidParams = {
  type: 'object',
  required: ['uuid'],
  properties: { uuid: { type: 'string' } },
} as const;

export const handleParams = {
  type: 'object',
  required: ['handle'],
  properties: { handle: { type: 'string' } },
} as const;

/** A JSON object with only the given string fields, none required. */
export const stringFieldsBody = (...fields: string[]) =>
  ({
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(fields.map((field) => [field, { type: 'string' }])),
  }) as const;
