import { randomUUID } from 'node:crypto';
import { REPLY_MAX_CHARS, charCount, type Activity, type CreateReplyBody } from '@cruddur/api-contract';
import { ATTR, SPAN } from '@cruddur/telemetry-conventions';
import type { ActivityRecord } from '../store/records.js';
import { isLive, toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { activityNotFound, invalid, succeed, type Result } from './result.js';
import { withResultSpan } from './traced.js';
import { messageErrors } from './validate.js';

/** Replies to a live crud or reply as the current user. A missing target is reported before bad input. */
export const createReply = (
  { store, clock, currentUserHandle }: ServiceContext,
  parentUuid: string,
  { message }: CreateReplyBody,
): Result<Activity> =>
  withResultSpan(SPAN.createReply, { [ATTR.userHandle]: currentUserHandle, [ATTR.activityUuid]: parentUuid }, (span) => {
    if (message !== undefined) span.setAttribute(ATTR.messageLength, charCount(message));
    const now = clock();
    const parent = store.activity(parentUuid);
    if (!parent || !isLive(store, parent, now)) return activityNotFound(parentUuid);

    const errors = messageErrors(message, REPLY_MAX_CHARS);
    if (errors.length > 0 || message === undefined) return invalid(errors);

    const record: ActivityRecord = {
      uuid: randomUUID(),
      handle: currentUserHandle,
      message,
      created_at: now,
      expires_at: null,
      likes_count: 0,
      reposts_count: 0,
      reply_to_activity_uuid: parent.uuid,
    };
    store.addActivity(record);
    return succeed(toActivity(store, record));
  });
