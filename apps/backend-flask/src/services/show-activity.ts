import type { Activity } from '@cruddur/api-contract';
import { ATTR, SPAN } from '@cruddur/telemetry-conventions';
import { isLive, toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { activityNotFound, succeed, type Result } from './result.js';
import { withResultSpan } from './traced.js';

/** One crud or reply with its replies; expired ones are gone. */
export const showActivity = ({ store, clock, currentUserHandle }: ServiceContext, uuid: string): Result<Activity> =>
  withResultSpan(SPAN.showActivity, { [ATTR.userHandle]: currentUserHandle, [ATTR.activityUuid]: uuid }, () => {
    const record = store.activity(uuid);
    if (!record || !isLive(store, record, clock())) return activityNotFound(uuid);
    return succeed(toActivity(store, record));
  });
