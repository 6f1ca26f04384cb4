import type { Notification } from '@cruddur/api-contract';
import { ATTR, SPAN } from '@cruddur/telemetry-conventions';
import { isLive, newestFirst, toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { withSpan } from './traced.js';

/** Activities the current user was notified about that have not expired, newest first. */
export const notificationsActivities = ({ store, clock, currentUserHandle }: ServiceContext): Notification[] =>
  withSpan(SPAN.notificationsActivities, { [ATTR.userHandle]: currentUserHandle }, (span) => {
    const now = clock();
    const live = store.notificationsFor(currentUserHandle).filter((record) => isLive(store, record, now));
    const notifications = newestFirst(live).map((record) => toActivity(store, record));
    span.setAttribute(ATTR.resultLength, notifications.length);
    return notifications;
  });
