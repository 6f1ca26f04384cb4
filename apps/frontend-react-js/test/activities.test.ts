import { describe, expect, it } from 'vitest';
import { replaceActivity, withReply } from '../src/lib/activities';
import { makeActivity, seedActivities } from './fixtures';

describe('withReply', () => {
  it('appends the reply after existing ones and counts it', () => {
    const [cloud] = seedActivities();
    if (!cloud) throw new Error('no seed crud');
    const reply = makeActivity({ uuid: 'r1', reply_to_activity_uuid: 'cloud' });

    const updated = withReply(cloud, reply);

    expect(updated.replies.map((item) => item.uuid)).toEqual(['honor', 'r1']);
    expect(updated.replies_count).toBe(2);
    expect(cloud.replies).toHaveLength(1);
  });
});

describe('replaceActivity', () => {
  it('swaps in the new version of a crud, leaving the others and the original feed alone', () => {
    const feed = seedActivities();
    const prune = makeActivity({ uuid: 'prune', message: 'Refreshed', replies_count: 1 });

    const updated = replaceActivity(feed, prune);

    expect(updated.map((activity) => activity.uuid)).toEqual(['cloud', 'prune', 'tailor']);
    expect(updated[1]).toBe(prune);
    expect(updated[0]).toEqual(feed[0]);
    expect(feed[1]?.message).toBe('I am out of prune juice');
  });

  it('finds replies to replies', () => {
    const honor = makeActivity({ uuid: 'honor', message: 'Refreshed reply', reply_to_activity_uuid: 'cloud' });
    expect(replaceActivity(seedActivities(), honor)[0]?.replies[0]).toBe(honor);
  });

  it('leaves the feed alone when the crud is not in it', () => {
    const feed = seedActivities();
    expect(replaceActivity(feed, makeActivity({ uuid: 'elsewhere' }))).toEqual(feed);
  });
});
