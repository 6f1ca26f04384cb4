import type { Activity } from '@cruddur/api-contract';
import { ActivityActions } from './ActivityActions';
import { ActivityContent } from './ActivityContent';
import { Avatar } from './Avatar';
import './ActivityItem.css';

interface ActivityItemProps {
  activity: Activity;
  onReply: (activity: Activity) => void;
}

/** One crud with its actions, and its replies beneath it. */
export const ActivityItem = ({ activity, onReply }: ActivityItemProps) => (
  <article className="activity_item">
    <div className="activity_main">
      <Avatar name={activity.display_name} />
      <div className="activity_body">
        <ActivityContent activity={activity} />
        <ActivityActions
          activity={activity}
          onReply={() => {
            onReply(activity);
          }}
        />
      </div>
    </div>
    {activity.replies.length > 0 && (
      <div className="activity_replies">
        {activity.replies.map((reply) => (
          <ActivityItem key={reply.uuid} activity={reply} onReply={onReply} />
        ))}
      </div>
    )}
  </article>
);
