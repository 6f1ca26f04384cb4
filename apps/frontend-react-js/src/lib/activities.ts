import type { Activity } from '@cruddur/api-contract';

/** `activity` with `reply` counted and appended after its other replies. */
export const withReply = (activity: Activity, reply: Activity): Activity => ({
  ...activity,
  replies_count: activity.replies_count + 1,
  replies: [...activity.replies, reply],
});

/** The feed with `updated` in place of the crud (or reply) with its uuid, at any depth. */
export const replaceActivity = (activities: readonly Activity[], updated: Activity): Activity[] =>
  activities.map((activity) => {
    if (activity.uuid === updated.uuid) return updated;
    if (activity.replies.length === 0) return activity;
    return { ...activity, replies: replaceActivity(activity.replies, updated) };
  });
