import { randomUUID } from 'node:crypto';
import {
  ACTIVITY_MAX_CHARS,
  TTL_HOURS,
  charCount,
  isTtl,
  type Activity,
  type CreateActivityBody,
  type ValidationError,
} from '@cruddur/api-contract';
import { ATTR, SPAN } from '@cruddur/telemetry-conventions';
import type { ActivityRecord } from '../store/records.js';
import { toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { invalid, succeed, type Result } from './result.js';
import { withResultSpan } from './traced.js';
import { isBlank, messageErrors } from './validate.js';

const HOUR_MS = 60 * 60 * 1000;

/** Posts a crud as the current user; it expires `ttl` after now. Reports every invalid field at once. */
export const createActivity = (
  { store, clock, currentUserHandle }: ServiceContext,
  { message, ttl }: CreateActivityBody,
): Result<Activity> =>
  withResultSpan(SPAN.createActivity, { [ATTR.userHandle]: currentUserHandle }, (span) => {
    // Sizes and choices only: the text itself stays out of traces.
    if (message !== undefined) span.setAttribute(ATTR.messageLength, charCount(message));
    if (isTtl(ttl)) span.setAttribute(ATTR.ttl, ttl);
    const errors: ValidationError[] = messageErrors(message, ACTIVITY_MAX_CHARS);
    if (isBlank(ttl)) errors.push('ttl_blank');
    else if (!isTtl(ttl)) errors.push('ttl_invalid');
    // The undefined and isTtl checks repeat what `errors` says, for the type checker.
    if (errors.length > 0 || message === undefined || !isTtl(ttl)) return invalid(errors);

    const now = clock();
    const record: ActivityRecord = {
      uuid: randomUUID(),
      handle: currentUserHandle,
      message,
      created_at: now,
      expires_at: new Date(now.getTime() + TTL_HOURS[ttl] * HOUR_MS),
      likes_count: 0,
      reposts_count: 0,
      reply_to_activity_uuid: null,
    };
    store.addActivity(record);
    span.setAttribute(ATTR.activityUuid, record.uuid);
    return succeed(toActivity(store, record));
  });
