import type { Activity } from '@cruddur/api-contract';

/** The feed with `reply` placed under the crud (or reply) it answers, at any depth. */
export const addReply = (activities: readonly Activity[], reply: Activity): Activity[] =>
  activities.map((activity) => {
    if (activity.uuid === reply.reply_to_activity_uuid) {
      return { ...activity, replies_count: activity.replies_count + 1, replies: [...activity.replies, reply] };
    }
    if (activity.replies.length === 0) return activity;
    return { ...activity, replies: addReply(activity.replies, reply) };
  });
