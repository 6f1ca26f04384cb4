import type { Activity } from '@cruddur/api-contract';
import type { ActivityRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

const createdAt = (record: { readonly created_at: Date }): number => record.created_at.getTime();

/** Newest first; among equal times the later-added comes first. */
export const newestFirst = <T extends { readonly created_at: Date }>(records: readonly T[]): T[] =>
  [...records].reverse().sort((a, b) => createdAt(b) - createdAt(a));

export const oldestFirst = <T extends { readonly created_at: Date }>(records: readonly T[]): T[] =>
  [...records].sort((a, b) => createdAt(a) - createdAt(b));

/** A crud is live until it expires; a reply lives as long as the crud it belongs to. */
export const isLive = (store: Store, record: ActivityRecord, now: Date): boolean => {
  if (record.reply_to_activity_uuid !== null) {
    return isLive(store, store.requireActivity(record.reply_to_activity_uuid), now);
  }
  return record.expires_at === null || record.expires_at > now;
};

export const liveCruds = (store: Store, now: Date): ActivityRecord[] =>
  store.activities().filter((record) => record.reply_to_activity_uuid === null && isLive(store, record, now));

/** The API shape, with replies (oldest first) nested all the way down. */
export const toActivity = (store: Store, record: ActivityRecord): Activity => {
  const replies = oldestFirst(store.repliesTo(record.uuid)).map((reply) => toActivity(store, reply));
  return {
    uuid: record.uuid,
    display_name: store.requireUser(record.handle).display_name,
    handle: record.handle,
    message: record.message,
    created_at: record.created_at.toISOString(),
    expires_at: record.expires_at?.toISOString() ?? null,
    likes_count: record.likes_count,
    replies_count: replies.length,
    reposts_count: record.reposts_count,
    reply_to_activity_uuid: record.reply_to_activity_uuid,
    replies,
  };
};
