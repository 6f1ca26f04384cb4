import type { Notification } from '@cruddur/api-contract';
import { isLive, newestFirst, toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';

/** Activities the current user was notified about that have not expired, newest first. */
export const notificationsActivities = ({ store, clock, currentUserHandle }: ServiceContext): Notification[] => {
  const now = clock();
  const live = store.notificationsFor(currentUserHandle).filter((record) => isLive(store, record, now));
  return newestFirst(live).map((record) => toActivity(store, record));
};
