import { TTLS, TTL_HOURS, type Activity, type UserActivities } from '@cruddur/api-contract';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, START, iso, postJson, testApp } from './helpers.js';

const ANDREW_CRUD = '68f126b0-1ceb-4a33-88be-d90fa7109eee';

describe('POST /api/activities', () => {
  it('creates a crud as andrewbrown and answers 201 with it', async () => {
    const app = await testApp();
    const res = await postJson(app, '/api/activities', { message: 'Deploying on a Friday', ttl: '7-days' });
    expect(res.statusCode).toBe(201);
    const created = res.json<Activity>();
    expect(created).toEqual({
      uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) as string,
      display_name: 'Andrew Brown',
      handle: 'andrewbrown',
      message: 'Deploying on a Friday',
      created_at: START.toISOString(),
      expires_at: iso(7 * 24 * HOUR_MS),
      likes_count: 0,
      replies_count: 0,
      reposts_count: 0,
      reply_to_activity_uuid: null,
      replies: [],
    });
  });

  it.each(TTLS)('sets expires_at = created_at + %s', async (ttl) => {
    const app = await testApp();
    const created = (await postJson(app, '/api/activities', { message: 'hi', ttl })).json<Activity>();
    expect(created.expires_at).toBe(iso(TTL_HOURS[ttl] * HOUR_MS));
  });

  it('shows the new crud in later reads: home, profile, search, by uuid', async () => {
    const app = await testApp();
    const created = (await postJson(app, '/api/activities', { message: 'Serverless is fun', ttl: '1-day' })).json<Activity>();

    const home = (await app.inject('/api/activities/home')).json<Activity[]>();
    expect(home).toHaveLength(4);
    expect(home[0]).toEqual(created);

    const profile = (await app.inject('/api/activities/@andrewbrown')).json<UserActivities>();
    expect(profile.profile.cruds_count).toBe(2);
    expect(profile.activities[0]?.uuid).toBe(created.uuid);

    const found = (await app.inject('/api/activities/search?term=serverless')).json<Activity[]>();
    expect(found.map((activity) => activity.uuid)).toEqual([created.uuid]);

    expect((await app.inject(`/api/activities/${created.uuid}`)).json()).toEqual(created);
  });

  it('puts the later of two cruds created in the same millisecond first', async () => {
    const app = await testApp();
    await postJson(app, '/api/activities', { message: 'first', ttl: '1-day' });
    await postJson(app, '/api/activities', { message: 'second', ttl: '1-day' });
    const home = (await app.inject('/api/activities/home')).json<Activity[]>();
    expect(home.slice(0, 2).map((activity) => activity.message)).toEqual(['second', 'first']);
  });

  it('keeps the message exactly as given', async () => {
    const app = await testApp();
    const created = (await postJson(app, '/api/activities', { message: '  spaced\nout  ', ttl: '1-hour' })).json<Activity>();
    expect(created.message).toBe('  spaced\nout  ');
  });

  it('counts characters, not UTF-16 units: 280 emoji are allowed', async () => {
    const app = await testApp();
    const res = await postJson(app, '/api/activities', { message: '🚀'.repeat(280), ttl: '1-hour' });
    expect(res.statusCode).toBe(201);
  });

  it.each([
    [{}, ['message_blank', 'ttl_blank']],
    [{ message: '', ttl: '' }, ['message_blank', 'ttl_blank']],
    [{ message: ' \n\t ', ttl: '   ' }, ['message_blank', 'ttl_blank']],
    [{ message: 'hi' }, ['ttl_blank']],
    [{ ttl: '1-day' }, ['message_blank']],
    [{ message: 'hi', ttl: '7 days' }, ['ttl_invalid']],
    [{ message: 'hi', ttl: 'toString' }, ['ttl_invalid']],
    [{ message: 'x'.repeat(281), ttl: '1-day' }, ['message_exceed_max_chars']],
    [{ message: '🚀'.repeat(281), ttl: 'forever' }, ['message_exceed_max_chars', 'ttl_invalid']],
    [{ message: '   ', ttl: 'forever' }, ['message_blank', 'ttl_invalid']],
  ])('answers 422 with every error for %j', async (body, errors) => {
    const app = await testApp();
    const res = await postJson(app, '/api/activities', body);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ errors });
    expect((await app.inject('/api/activities/home')).json<Activity[]>()).toHaveLength(3);
  });
});

describe('POST /api/activities/:uuid/reply', () => {
  it('creates a reply and the parent shows it afterwards', async () => {
    const app = await testApp();
    const res = await postJson(app, `/api/activities/${ANDREW_CRUD}/reply`, { message: 'Honor is overrated' });
    expect(res.statusCode).toBe(201);
    const reply = res.json<Activity>();
    expect(reply).toMatchObject({
      handle: 'andrewbrown',
      display_name: 'Andrew Brown',
      message: 'Honor is overrated',
      created_at: START.toISOString(),
      expires_at: null,
      replies_count: 0,
      replies: [],
      reply_to_activity_uuid: ANDREW_CRUD,
    });

    const parent = (await app.inject(`/api/activities/${ANDREW_CRUD}`)).json<Activity>();
    expect(parent.replies_count).toBe(2);
    expect(parent.replies.map((r) => r.message)).toEqual(['This post has no honor!', 'Honor is overrated']);

    const home = (await app.inject('/api/activities/home')).json<Activity[]>();
    expect(home.find((activity) => activity.uuid === ANDREW_CRUD)?.replies_count).toBe(2);
    expect(home).toHaveLength(3);
  });

  it('can answer a reply, nesting it under that reply', async () => {
    const app = await testApp();
    const worfReply = '26e12864-1c26-5c3a-9658-97a10f8fea67';
    const res = await postJson(app, `/api/activities/${worfReply}/reply`, { message: 'Qapla!' });
    expect(res.statusCode).toBe(201);
    const parent = (await app.inject(`/api/activities/${ANDREW_CRUD}`)).json<Activity>();
    expect(parent.replies[0]?.replies.map((r) => r.message)).toEqual(['Qapla!']);
    expect(parent.replies[0]?.replies_count).toBe(1);
  });

  it('allows 1024 characters', async () => {
    const app = await testApp();
    const res = await postJson(app, `/api/activities/${ANDREW_CRUD}/reply`, { message: 'y'.repeat(1024) });
    expect(res.statusCode).toBe(201);
  });

  it.each([
    [{}, ['message_blank']],
    [{ message: '  ' }, ['message_blank']],
    [{ message: 'y'.repeat(1025) }, ['message_exceed_max_chars']],
  ])('answers 422 for %j', async (body, errors) => {
    const app = await testApp();
    const res = await postJson(app, `/api/activities/${ANDREW_CRUD}/reply`, body);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ errors });
    expect((await app.inject(`/api/activities/${ANDREW_CRUD}`)).json<Activity>().replies_count).toBe(1);
  });

  // The missing target is reported first, even when the body is also invalid.
  it.each([
    [{ message: 'hello?' }],
    [{}],
  ])('answers 404 activity_not_found for an unknown uuid with %j', async (body) => {
    const app = await testApp();
    const res = await postJson(app, '/api/activities/00000000-0000-4000-8000-000000000000/reply', body);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'activity_not_found' });
  });
});
