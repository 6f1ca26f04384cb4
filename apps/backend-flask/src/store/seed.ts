import { Store } from './store.js';

/** Whose session every request runs as until real authentication arrives. */
export const CURRENT_USER_HANDLE = 'andrewbrown';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A store holding the course's mock data, with times relative to `now` so
 * the cruds are as fresh (and as far from expiring) on every start.
 */
export const createSeededStore = (now: Date): Store => {
  const at = (offsetMs: number): Date => new Date(now.getTime() + offsetMs);
  const store = new Store();

  store.addUser({ handle: 'andrewbrown', display_name: 'Andrew Brown', follows: ['worf', 'garek'] });
  store.addUser({ handle: 'worf', display_name: 'Worf', follows: ['andrewbrown'] });
  store.addUser({ handle: 'garek', display_name: 'Garek', follows: [] });
  store.addUser({ handle: 'coco', display_name: 'Coco', follows: ['andrewbrown'] });

  const crud = { likes_count: 0, reposts_count: 0, reply_to_activity_uuid: null };
  const reply = { expires_at: null, likes_count: 0, reposts_count: 0 };

  store.addActivity({
    ...crud,
    uuid: '68f126b0-1ceb-4a33-88be-d90fa7109eee',
    handle: 'andrewbrown',
    message: 'Cloud is very fun!',
    created_at: at(-10 * DAY_MS),
    expires_at: at(5 * DAY_MS),
    likes_count: 5,
  });
  store.addActivity({
    ...reply,
    uuid: '26e12864-1c26-5c3a-9658-97a10f8fea67',
    handle: 'worf',
    message: 'This post has no honor!',
    created_at: at(-2 * DAY_MS),
    reply_to_activity_uuid: '68f126b0-1ceb-4a33-88be-d90fa7109eee',
  });
  store.addActivity({
    ...crud,
    uuid: '66e12864-8c26-4c3a-9658-95a10f8fea67',
    handle: 'worf',
    message: 'I am out of prune juice',
    created_at: at(-7 * DAY_MS),
    expires_at: at(9 * DAY_MS),
  });
  store.addActivity({
    ...crud,
    uuid: '248959df-3079-4947-b847-9e0892d1bab4',
    handle: 'garek',
    message: 'My dear doctor, I am just simple tailor',
    created_at: at(-2 * HOUR_MS),
    expires_at: at(DAY_MS),
  });

  // Coco is not followed, so her crud reaches Andrew as a notification only.
  store.addActivity({
    ...crud,
    uuid: 'c0c0a1e5-7e0b-4c1a-9f3d-2b6e8d4a1f20',
    handle: 'coco',
    message: 'I am a white unicorn',
    created_at: at(-2 * DAY_MS),
    expires_at: at(5 * DAY_MS),
    likes_count: 5,
  });
  store.addActivity({
    ...reply,
    uuid: '9b4f2c7e-3d1a-4e8b-a6c5-0f7d2e9b8a31',
    handle: 'worf',
    message: 'This post has no honor!',
    created_at: at(-1 * DAY_MS),
    reply_to_activity_uuid: 'c0c0a1e5-7e0b-4c1a-9f3d-2b6e8d4a1f20',
  });
  store.addNotification({ recipient_handle: CURRENT_USER_HANDLE, activity_uuid: 'c0c0a1e5-7e0b-4c1a-9f3d-2b6e8d4a1f20' });

  store.addConversation({ uuid: '417c360e-c4e6-4fce-873b-d2d71469b4ac', handles: ['andrewbrown', 'worf'] });
  store.addMessage({
    uuid: '4e81c06a-db0f-4281-b4cc-98208537772a',
    conversation_uuid: '417c360e-c4e6-4fce-873b-d2d71469b4ac',
    sender_handle: 'andrewbrown',
    message: 'Cloud is fun!',
    created_at: at(-3 * DAY_MS),
  });
  store.addMessage({
    uuid: 'a3c9e1f4-6b2d-4f8a-9e7c-5d1b0a2f3e64',
    conversation_uuid: '417c360e-c4e6-4fce-873b-d2d71469b4ac',
    sender_handle: 'worf',
    message: 'A warrior does not need the cloud.',
    created_at: at(-2 * DAY_MS),
  });
  store.addMessage({
    uuid: 'e7d2b5a8-1c4f-4a9e-8b3d-6f0c9e2a7b15',
    conversation_uuid: '417c360e-c4e6-4fce-873b-d2d71469b4ac',
    sender_handle: 'andrewbrown',
    message: 'This platform is great!',
    created_at: at(-1 * DAY_MS),
  });

  store.addConversation({ uuid: '24b95582-9e7b-4e0a-9ad1-639773ab7552', handles: ['andrewbrown', 'garek'] });
  store.addMessage({
    uuid: '5f8a3d2c-9b1e-4c7a-8d6f-2e4b0c9a1d73',
    conversation_uuid: '24b95582-9e7b-4e0a-9ad1-639773ab7552',
    sender_handle: 'garek',
    message: 'Lies are the stock in trade of a tailor, doctor.',
    created_at: at(-5 * HOUR_MS),
  });
  store.addMessage({
    uuid: 'b1e6c4d9-2a7f-4e3b-9c8d-7a5f1e0b6c42',
    conversation_uuid: '24b95582-9e7b-4e0a-9ad1-639773ab7552',
    sender_handle: 'andrewbrown',
    message: 'I am not a doctor, Garek.',
    created_at: at(-4 * HOUR_MS),
  });

  return store;
};
