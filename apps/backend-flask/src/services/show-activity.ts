import type { Activity } from '@cruddur/api-contract';
import { isLive, toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { activityNotFound, succeed, type Result } from './result.js';

/** One crud or reply with its replies; expired ones are gone. */
export const showActivity = ({ store, clock }: ServiceContext, uuid: string): Result<Activity> => {
  const record = store.activity(uuid);
  if (!record || !isLive(store, record, clock())) return activityNotFound(uuid);
  return succeed(toActivity(store, record));
};
