import type { Activity } from '@cruddur/api-contract';
import { useState } from 'react';
import { ActivityItem } from './ActivityItem';
import { ReplyForm } from './ReplyForm';

interface ActivityListProps {
  activities: readonly Activity[];
  emptyText: string;
  /** A crud (or reply) was answered: `updated` is it as the API now has it. */
  onReplied: (updated: Activity) => void;
}

/** Cruds in order, or a note when there are none; owns the reply popup. */
export const ActivityList = ({ activities, emptyText, onReplied }: ActivityListProps) => {
  const [replyingTo, setReplyingTo] = useState<Activity | null>(null);

  if (activities.length === 0) return <p className="feed_status">{emptyText}</p>;

  return (
    <div className="activity_feed">
      {activities.map((activity) => (
        <ActivityItem key={activity.uuid} activity={activity} onReply={setReplyingTo} />
      ))}
      {replyingTo && (
        <ReplyForm
          activity={replyingTo}
          onClose={() => {
            setReplyingTo(null);
          }}
          onReplied={(updated) => {
            setReplyingTo(null);
            onReplied(updated);
          }}
        />
      )}
    </div>
  );
};
