import type { Activity } from '@cruddur/api-contract';
import { ACTION } from '@cruddur/telemetry-conventions';
import { Link } from 'react-router';
import { activityPath, profilePath } from '../lib/paths';
import { expiresIn, fullTimestamp, timeAgo } from '../lib/time';
import { useNow } from '../lib/useNow';
import { ClockIcon } from './icons';

/** Who posted a crud, when, how long it has left, and what it says. */
export const ActivityContent = ({ activity }: { activity: Activity }) => {
  const now = useNow();

  return (
    <div className="activity_content">
      <div className="activity_meta">
        <Link className="activity_identity" to={profilePath(activity.handle)} data-action={ACTION.openProfile}>
          <span className="display_name">{activity.display_name}</span>{' '}
          <span className="handle">@{activity.handle}</span>
        </Link>
        <div className="activity_times">
          <Link
            className="created_at"
            to={activityPath(activity.handle, activity.uuid)}
            data-action={ACTION.openActivity}
          >
            <time dateTime={activity.created_at} title={fullTimestamp(activity.created_at)}>
              {timeAgo(activity.created_at, now)}
            </time>
          </Link>
          {activity.expires_at && (
            <span className="expires_at" title={fullTimestamp(activity.expires_at)}>
              <ClockIcon />
              {expiresIn(activity.expires_at, now)}
            </span>
          )}
        </div>
      </div>
      <p className="message">{activity.message}</p>
    </div>
  );
};
