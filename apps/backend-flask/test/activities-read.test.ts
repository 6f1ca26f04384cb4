import type { Activity, UserActivities, ValidationErrorBody } from '@cruddur/api-contract';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, iso, testApp } from './helpers.js';

const ACTIVITY_KEYS = [
  'created_at',
  'display_name',
  'expires_at',
  'handle',
  'likes_count',
  'message',
  'replies',
  'replies_count',
  'reply_to_activity_uuid',
  'reposts_count',
  'uuid',
];

const everyActivity = (activities: Activity[]): Activity[] =>
  activities.flatMap((activity) => [activity, ...everyActivity(activity.replies)]);

describe('GET /api/activities/home', () => {
  it('lists the three seeded cruds newest first, exactly as the course shows them', async () => {
    const app = await testApp();
    const res = await app.inject('/api/activities/home');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual([
      {
        uuid: '248959df-3079-4947-b847-9e0892d1bab4',
        display_name: 'Garek',
        handle: 'garek',
        message: 'My dear doctor, I am just simple tailor',
        created_at: iso(-2 * HOUR_MS),
        expires_at: iso(DAY_MS),
        likes_count: 0,
        replies_count: 0,
        reposts_count: 0,
        reply_to_activity_uuid: null,
        replies: [],
      },
      {
        uuid: '66e12864-8c26-4c3a-9658-95a10f8fea67',
        display_name: 'Worf',
        handle: 'worf',
        message: 'I am out of prune juice',
        created_at: iso(-7 * DAY_MS),
        expires_at: iso(9 * DAY_MS),
        likes_count: 0,
        replies_count: 0,
        reposts_count: 0,
        reply_to_activity_uuid: null,
        replies: [],
      },
      {
        uuid: '68f126b0-1ceb-4a33-88be-d90fa7109eee',
        display_name: 'Andrew Brown',
        handle: 'andrewbrown',
        message: 'Cloud is very fun!',
        created_at: iso(-10 * DAY_MS),
        expires_at: iso(5 * DAY_MS),
        likes_count: 5,
        replies_count: 1,
        reposts_count: 0,
        reply_to_activity_uuid: null,
        replies: [
          {
            uuid: '26e12864-1c26-5c3a-9658-97a10f8fea67',
            display_name: 'Worf',
            handle: 'worf',
            message: 'This post has no honor!',
            created_at: iso(-2 * DAY_MS),
            expires_at: null,
            likes_count: 0,
            replies_count: 0,
            reposts_count: 0,
            reply_to_activity_uuid: '68f126b0-1ceb-4a33-88be-d90fa7109eee',
            replies: [],
          },
        ],
      },
    ]);
  });

  it('gives every activity exactly the contract fields (no stray `likes`) and consistent counts', async () => {
    const app = await testApp();
    for (const url of ['/api/activities/home', '/api/activities/notifications', '/api/activities/search?term=o']) {
      const activities = everyActivity((await app.inject(url)).json<Activity[]>());
      expect(activities.length).toBeGreaterThan(0);
      for (const activity of activities) {
        expect(Object.keys(activity).sort()).toEqual(ACTIVITY_KEYS);
        expect(activity.replies_count).toBe(activity.replies.length);
      }
    }
  });
});

describe('GET /api/activities/notifications', () => {
  it("lists the seeded notification: coco's crud with Worf's reply", async () => {
    const app = await testApp();
    const res = await app.inject('/api/activities/notifications');
    expect(res.statusCode).toBe(200);
    const [notification, ...rest] = res.json<Activity[]>();
    expect(rest).toEqual([]);
    expect(notification).toMatchObject({
      display_name: 'Coco',
      handle: 'coco',
      message: 'I am a white unicorn',
      created_at: iso(-2 * DAY_MS),
      expires_at: iso(5 * DAY_MS),
      likes_count: 5,
      replies_count: 1,
      replies: [{ handle: 'worf', message: 'This post has no honor!' }],
    });
  });
});

describe('GET /api/activities/@:handle', () => {
  it("returns the user's profile and cruds", async () => {
    const app = await testApp();
    const res = await app.inject('/api/activities/@andrewbrown');
    expect(res.statusCode).toBe(200);
    const body = res.json<UserActivities>();
    expect(body.profile).toEqual({ display_name: 'Andrew Brown', handle: 'andrewbrown', cruds_count: 1 });
    expect(body.activities.map((activity) => activity.message)).toEqual(['Cloud is very fun!']);
  });

  it.each([
    ['worf', 'Worf', ['I am out of prune juice']],
    ['garek', 'Garek', ['My dear doctor, I am just simple tailor']],
    ['coco', 'Coco', ['I am a white unicorn']],
  ])('knows %s', async (handle, displayName, messages) => {
    const app = await testApp();
    const body = (await app.inject(`/api/activities/@${handle}`)).json<UserActivities>();
    expect(body.profile).toEqual({ display_name: displayName, handle, cruds_count: messages.length });
    expect(body.activities.map((activity) => activity.message)).toEqual(messages);
  });

  it('answers 404 user_not_found for an unknown handle', async () => {
    const app = await testApp();
    const res = await app.inject('/api/activities/@picard');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'user_not_found', message: expect.stringContaining('picard') as string });
  });
});

describe('GET /api/activities/search', () => {
  it('matches messages case-insensitively, replies included, newest first', async () => {
    const app = await testApp();
    const res = await app.inject('/api/activities/search?term=%20HONOR%20');
    expect(res.statusCode).toBe(200);
    const found = res.json<Activity[]>();
    expect(found.map((activity) => [activity.uuid, activity.reply_to_activity_uuid])).toEqual([
      ['9b4f2c7e-3d1a-4e8b-a6c5-0f7d2e9b8a31', 'c0c0a1e5-7e0b-4c1a-9f3d-2b6e8d4a1f20'],
      ['26e12864-1c26-5c3a-9658-97a10f8fea67', '68f126b0-1ceb-4a33-88be-d90fa7109eee'],
    ]);
  });

  it('returns an empty list when nothing matches', async () => {
    const app = await testApp();
    const res = await app.inject('/api/activities/search?term=klingon%20opera');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it.each([
    ['missing', ''],
    ['empty', '?term='],
    ['whitespace', '?term=%20%20%09'],
  ])('answers 422 search_term_blank when the term is %s', async (_case, query) => {
    const app = await testApp();
    const res = await app.inject(`/api/activities/search${query}`);
    expect(res.statusCode).toBe(422);
    expect(res.json<ValidationErrorBody>()).toEqual({ errors: ['search_term_blank'] });
  });

  it('accepts 280 characters and refuses 281 with search_term_exceed_max_chars', async () => {
    const app = await testApp();
    const ok = await app.inject(`/api/activities/search?term=${encodeURIComponent('🚀'.repeat(280))}`);
    expect(ok.statusCode).toBe(200);
    const tooLong = await app.inject(`/api/activities/search?term=${'a'.repeat(281)}`);
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json()).toEqual({ errors: ['search_term_exceed_max_chars'] });
  });
});

describe('GET /api/activities/:uuid', () => {
  it('returns a crud with its replies', async () => {
    const app = await testApp();
    const res = await app.inject('/api/activities/68f126b0-1ceb-4a33-88be-d90fa7109eee');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      handle: 'andrewbrown',
      message: 'Cloud is very fun!',
      replies_count: 1,
      replies: [{ uuid: '26e12864-1c26-5c3a-9658-97a10f8fea67' }],
    });
  });

  it('returns a reply by its own uuid', async () => {
    const app = await testApp();
    const res = await app.inject('/api/activities/26e12864-1c26-5c3a-9658-97a10f8fea67');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      handle: 'worf',
      reply_to_activity_uuid: '68f126b0-1ceb-4a33-88be-d90fa7109eee',
      expires_at: null,
    });
  });

  // Decision: any uuid that matches nothing is a 404, whether or not it is well-formed.
  it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid'])('answers 404 activity_not_found for %s', async (uuid) => {
    const app = await testApp();
    const res = await app.inject(`/api/activities/${uuid}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'activity_not_found', message: expect.stringContaining(uuid) as string });
  });

  it('does not capture home, notifications, search or @handle', async () => {
    const app = await testApp();
    expect((await app.inject('/api/activities/home')).json<Activity[]>()).toHaveLength(3);
    expect((await app.inject('/api/activities/notifications')).json<Activity[]>()).toHaveLength(1);
    expect((await app.inject('/api/activities/search')).json()).toEqual({ errors: ['search_term_blank'] });
    expect((await app.inject('/api/activities/@worf')).json<UserActivities>().profile.handle).toBe('worf');
  });
});
