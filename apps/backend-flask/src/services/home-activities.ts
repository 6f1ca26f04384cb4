import type { Activity } from '@cruddur/api-contract';
import { ATTR, SPAN } from '@cruddur/telemetry-conventions';
import { liveCruds, newestFirst, toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { withSpan } from './traced.js';

/** The current user's feed: live cruds by them and the people they follow, newest first. */
export const homeActivities = ({ store, clock, currentUserHandle }: ServiceContext): Activity[] =>
  withSpan(SPAN.homeActivitiesMockData, { [ATTR.userHandle]: currentUserHandle }, (span) => {
    const now = clock();
    span.setAttribute(ATTR.now, now.toISOString());
    const user = store.requireUser(currentUserHandle);
    const authors = new Set([user.handle, ...user.follows]);
    const cruds = liveCruds(store, now).filter((record) => authors.has(record.handle));
    const activities = newestFirst(cruds).map((record) => toActivity(store, record));
    span.setAttribute(ATTR.resultLength, activities.length);
    return activities;
  });
