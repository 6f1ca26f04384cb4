import type { UserActivities } from '@cruddur/api-contract';
import { ATTR, SPAN } from '@cruddur/telemetry-conventions';
import { liveCruds, newestFirst, toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { succeed, userNotFound, type Result } from './result.js';
import { withResultSpan } from './traced.js';

/** A user's profile and their live cruds, newest first. */
export const userActivities = ({ store, clock }: ServiceContext, handle: string): Result<UserActivities> =>
  withResultSpan(
    SPAN.userActivities,
    { [ATTR.userHandle]: handle },
    () => {
      const user = store.user(handle);
      if (!user) return userNotFound(handle);
      const cruds = newestFirst(liveCruds(store, clock()).filter((record) => record.handle === user.handle));
      return succeed({
        profile: { display_name: user.display_name, handle: user.handle, cruds_count: cruds.length },
        activities: cruds.map((record) => toActivity(store, record)),
      });
    },
    (value) => value.activities.length,
  );
