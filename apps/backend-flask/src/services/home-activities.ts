import type { Activity } from '@cruddur/api-contract';
import { liveCruds, newestFirst, toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';

/** The current user's feed: live cruds by them and the people they follow, newest first. */
export const homeActivities = ({ store, clock, currentUserHandle }: ServiceContext): Activity[] => {
  const user = store.requireUser(currentUserHandle);
  const authors = new Set([user.handle, ...user.follows]);
  const cruds = liveCruds(store, clock()).filter((record) => authors.has(record.handle));
  return newestFirst(cruds).map((record) => toActivity(store, record));
};
