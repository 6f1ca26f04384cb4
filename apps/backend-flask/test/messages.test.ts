import type { Message, MessageGroup } from '@cruddur/api-contract';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, START, iso, movableClock, postJson, testApp } from './helpers.js';

describe('GET /api/message_groups', () => {
  it("lists andrewbrown's conversations, one per other user, most recent first", async () => {
    const app = await testApp();
    const res = await app.inject('/api/message_groups');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        uuid: '24b95582-9e7b-4e0a-9ad1-639773ab7552',
        display_name: 'Garek',
        handle: 'garek',
        message: 'I am not a doctor, Garek.',
        created_at: iso(-4 * HOUR_MS),
      },
      {
        uuid: '417c360e-c4e6-4fce-873b-d2d71469b4ac',
        display_name: 'Worf',
        handle: 'worf',
        message: 'This platform is great!',
        created_at: iso(-1 * DAY_MS),
      },
    ]);
  });
});

describe('GET /api/messages/@:handle', () => {
  it('returns the conversation with that user, oldest first', async () => {
    const app = await testApp();
    const res = await app.inject('/api/messages/@worf');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        uuid: '4e81c06a-db0f-4281-b4cc-98208537772a',
        display_name: 'Andrew Brown',
        handle: 'andrewbrown',
        message: 'Cloud is fun!',
        created_at: iso(-3 * DAY_MS),
      },
      {
        uuid: 'a3c9e1f4-6b2d-4f8a-9e7c-5d1b0a2f3e64',
        display_name: 'Worf',
        handle: 'worf',
        message: 'A warrior does not need the cloud.',
        created_at: iso(-2 * DAY_MS),
      },
      {
        uuid: 'e7d2b5a8-1c4f-4a9e-8b3d-6f0c9e2a7b15',
        display_name: 'Andrew Brown',
        handle: 'andrewbrown',
        message: 'This platform is great!',
        created_at: iso(-1 * DAY_MS),
      },
    ]);
  });

  it('returns an empty list for a known user never written to', async () => {
    const app = await testApp();
    const res = await app.inject('/api/messages/@coco');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it('answers 404 user_not_found for an unknown handle', async () => {
    const app = await testApp();
    const res = await app.inject('/api/messages/@picard');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'user_not_found', message: expect.stringContaining('picard') as string });
  });
});

describe('POST /api/messages', () => {
  it('sends a message that then ends the conversation and tops message_groups', async () => {
    const { clock, advance } = movableClock();
    const app = await testApp({ clock });
    advance(HOUR_MS);
    const res = await postJson(app, '/api/messages', { message: 'Prune juice?', user_receiver_handle: 'worf' });
    expect(res.statusCode).toBe(201);
    const sent = res.json<Message>();
    expect(sent).toEqual({
      uuid: expect.any(String) as string,
      display_name: 'Andrew Brown',
      handle: 'andrewbrown',
      message: 'Prune juice?',
      created_at: iso(HOUR_MS),
    });

    const conversation = (await app.inject('/api/messages/@worf')).json<Message[]>();
    expect(conversation).toHaveLength(4);
    expect(conversation.at(-1)).toEqual(sent);

    const groups = (await app.inject('/api/message_groups')).json<MessageGroup[]>();
    expect(groups.map((group) => [group.handle, group.message, group.created_at])).toEqual([
      ['worf', 'Prune juice?', iso(HOUR_MS)],
      ['garek', 'I am not a doctor, Garek.', iso(-4 * HOUR_MS)],
    ]);
  });

  it('starts a new conversation on first contact', async () => {
    const app = await testApp();
    const res = await postJson(app, '/api/messages', { message: 'Nice horn', user_receiver_handle: ' coco ' });
    expect(res.statusCode).toBe(201);
    expect((await app.inject('/api/messages/@coco')).json<Message[]>().map((m) => m.message)).toEqual(['Nice horn']);
    const groups = (await app.inject('/api/message_groups')).json<MessageGroup[]>();
    expect(groups).toHaveLength(3);
    expect(groups[0]).toMatchObject({ handle: 'coco', display_name: 'Coco', message: 'Nice horn', created_at: START.toISOString() });
  });

  it.each([
    [{}, ['message_blank', 'user_receiver_handle_blank']],
    [{ message: ' ', user_receiver_handle: ' ' }, ['message_blank', 'user_receiver_handle_blank']],
    [{ message: 'hi' }, ['user_receiver_handle_blank']],
    [{ user_receiver_handle: 'worf' }, ['message_blank']],
    [{ message: 'z'.repeat(1025), user_receiver_handle: 'worf' }, ['message_exceed_max_chars']],
    [{ message: 'z'.repeat(1025), user_receiver_handle: 'nobody' }, ['message_exceed_max_chars']],
  ])('answers 422 with every error for %j', async (body, errors) => {
    const app = await testApp();
    const res = await postJson(app, '/api/messages', body);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ errors });
    expect((await app.inject('/api/messages/@worf')).json<Message[]>()).toHaveLength(3);
  });

  it('allows 1024 characters', async () => {
    const app = await testApp();
    const res = await postJson(app, '/api/messages', { message: 'z'.repeat(1024), user_receiver_handle: 'garek' });
    expect(res.statusCode).toBe(201);
  });

  it('answers 404 user_not_found for an unknown receiver', async () => {
    const app = await testApp();
    const res = await postJson(app, '/api/messages', { message: 'hello', user_receiver_handle: 'picard' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'user_not_found', message: expect.stringContaining('picard') as string });
    expect((await app.inject('/api/message_groups')).json<MessageGroup[]>()).toHaveLength(2);
  });
});
