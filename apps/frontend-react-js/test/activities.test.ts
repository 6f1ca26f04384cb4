import { describe, expect, it } from 'vitest';
import { addReply } from '../src/lib/activities';
import { makeActivity, seedActivities } from './fixtures';

describe('addReply', () => {
  it('puts a reply under the crud it answers and counts it', () => {
    const feed = seedActivities();
    const reply = makeActivity({ uuid: 'r1', reply_to_activity_uuid: 'prune' });

    const updated = addReply(feed, reply);

    const prune = updated.find((activity) => activity.uuid === 'prune');
    expect(prune?.replies).toEqual([reply]);
    expect(prune?.replies_count).toBe(1);
    expect(feed.find((activity) => activity.uuid === 'prune')?.replies).toEqual([]);
  });

  it('appends after existing replies', () => {
    const reply = makeActivity({ uuid: 'r2', reply_to_activity_uuid: 'cloud' });
    const cloud = addReply(seedActivities(), reply)[0];
    expect(cloud?.replies.map((item) => item.uuid)).toEqual(['honor', 'r2']);
    expect(cloud?.replies_count).toBe(2);
  });

  it('finds replies to replies', () => {
    const reply = makeActivity({ uuid: 'r3', reply_to_activity_uuid: 'honor' });
    const honor = addReply(seedActivities(), reply)[0]?.replies[0];
    expect(honor?.replies).toEqual([reply]);
    expect(honor?.replies_count).toBe(1);
  });

  it('leaves the feed alone when the parent is not in it', () => {
    const feed = seedActivities();
    expect(addReply(feed, makeActivity({ reply_to_activity_uuid: 'elsewhere' }))).toEqual(feed);
  });
});
