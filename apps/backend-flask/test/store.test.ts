import type { Activity, UserActivities } from '@cruddur/api-contract';
import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../src/store/records.js';
import { Store } from '../src/store/store.js';
import { DAY_MS, HOUR_MS, movableClock, postJson, testApp } from './helpers.js';

const GAREK_CRUD = '248959df-3079-4947-b847-9e0892d1bab4';

describe('store', () => {
  it('is fresh for every app: data created in one is not seen by another', async () => {
    const first = await testApp();
    const second = await testApp();
    expect((await postJson(first, '/api/activities', { message: 'only here', ttl: '1-day' })).statusCode).toBe(201);
    expect((await postJson(first, '/api/messages', { message: 'psst', user_receiver_handle: 'worf' })).statusCode).toBe(201);

    expect((await first.inject('/api/activities/home')).json<Activity[]>()).toHaveLength(4);
    expect((await second.inject('/api/activities/home')).json<Activity[]>()).toHaveLength(3);
    expect((await second.inject('/api/activities/search?term=only%20here')).json()).toEqual([]);
    expect((await second.inject('/api/messages/@worf')).json<unknown[]>()).toHaveLength(3);
  });

  it('hides expired cruds everywhere', async () => {
    const { clock, advance } = movableClock();
    const app = await testApp({ clock });
    advance(DAY_MS + 1);

    const home = (await app.inject('/api/activities/home')).json<Activity[]>();
    expect(home.map((activity) => activity.handle)).toEqual(['worf', 'andrewbrown']);
    expect((await app.inject('/api/activities/search?term=tailor')).json()).toEqual([]);
    expect((await app.inject('/api/activities/@garek')).json<UserActivities>()).toEqual({
      profile: { display_name: 'Garek', handle: 'garek', cruds_count: 0 },
      activities: [],
    });
    expect((await app.inject(`/api/activities/${GAREK_CRUD}`)).statusCode).toBe(404);
    const reply = await postJson(app, `/api/activities/${GAREK_CRUD}/reply`, { message: 'too late' });
    expect(reply.statusCode).toBe(404);
  });

  it('expires a new crud after its ttl, taking its replies along', async () => {
    const { clock, advance } = movableClock();
    const app = await testApp({ clock });
    const crud = (await postJson(app, '/api/activities', { message: 'brief', ttl: '1-hour' })).json<Activity>();
    const reply = (await postJson(app, `/api/activities/${crud.uuid}/reply`, { message: 'briefer' })).json<Activity>();

    advance(HOUR_MS - 1);
    expect((await app.inject(`/api/activities/${reply.uuid}`)).statusCode).toBe(200);
    advance(1);
    expect((await app.inject(`/api/activities/${crud.uuid}`)).statusCode).toBe(404);
    expect((await app.inject(`/api/activities/${reply.uuid}`)).statusCode).toBe(404);
    expect((await app.inject('/api/activities/search?term=brief')).json()).toEqual([]);
  });

  it('drops expired notifications', async () => {
    const { clock, advance } = movableClock();
    const app = await testApp({ clock });
    advance(5 * DAY_MS);
    expect((await app.inject('/api/activities/notifications')).json()).toEqual([]);
  });

  it('indexes replies by the crud they answer: only direct replies, in the order added, as a copy', () => {
    const store = new Store();
    store.addUser({ handle: 'worf', display_name: 'Worf', follows: [] });
    const record = (uuid: string, replyTo: string | null, minute: number): ActivityRecord => ({
      uuid,
      handle: 'worf',
      message: uuid,
      created_at: new Date(Date.UTC(2026, 0, 1, 0, minute)),
      expires_at: null,
      likes_count: 0,
      reposts_count: 0,
      reply_to_activity_uuid: replyTo,
    });
    store.addActivity(record('a', null, 0));
    store.addActivity(record('b', null, 1));
    store.addActivity(record('a2', 'a', 3));
    store.addActivity(record('b1', 'b', 2));
    store.addActivity(record('a1', 'a', 2));
    store.addActivity(record('a2x', 'a2', 4));

    const uuids = (records: ActivityRecord[]) => records.map(({ uuid }) => uuid);
    expect(uuids(store.repliesTo('a'))).toEqual(['a2', 'a1']);
    expect(uuids(store.repliesTo('a2'))).toEqual(['a2x']);
    expect(uuids(store.repliesTo('b'))).toEqual(['b1']);
    expect(store.repliesTo('b1')).toEqual([]);
    expect(store.repliesTo('nothing')).toEqual([]);
    // The same answer as scanning every record, and the caller's array is its own.
    for (const { uuid } of store.activities()) {
      expect(store.repliesTo(uuid)).toEqual(store.activities().filter((activity) => activity.reply_to_activity_uuid === uuid));
    }
    store.repliesTo('a').pop();
    expect(store.repliesTo('a')).toHaveLength(2);

    expect(() => {
      store.addActivity(record('a1', 'b', 5));
    }).toThrow('store already has activity a1');
    expect(() => {
      store.addActivity(record('c', 'missing', 5));
    }).toThrow('store has no activity missing');
    expect(uuids(store.repliesTo('b'))).toEqual(['b1']);
  });
});
