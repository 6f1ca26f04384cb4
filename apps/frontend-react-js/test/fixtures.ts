import type { Activity, Message, MessageGroup } from '@cruddur/api-contract';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const hoursAgo = (hours: number): string => new Date(Date.now() - hours * HOUR).toISOString();
export const daysFromNow = (days: number): string => new Date(Date.now() + days * DAY).toISOString();

let sequence = 0;

export const makeActivity = (overrides: Partial<Activity> = {}): Activity => {
  sequence += 1;
  return {
    uuid: `activity-${String(sequence)}`,
    display_name: 'Andrew Brown',
    handle: 'andrewbrown',
    message: `Crud number ${String(sequence)}`,
    created_at: hoursAgo(2.1),
    expires_at: daysFromNow(5),
    likes_count: 0,
    replies_count: 0,
    reposts_count: 0,
    reply_to_activity_uuid: null,
    replies: [],
    ...overrides,
  };
};

/** The backend's seed: Andrew's crud with Worf's reply, then Worf and Garek. */
export const seedActivities = (): Activity[] => {
  const cloud = makeActivity({ uuid: 'cloud', message: 'Cloud is very fun!', likes_count: 5, replies_count: 1 });
  cloud.replies = [
    makeActivity({
      uuid: 'honor',
      display_name: 'Worf',
      handle: 'worf',
      message: 'This post has no honor!',
      expires_at: null,
      reply_to_activity_uuid: 'cloud',
    }),
  ];
  return [
    cloud,
    makeActivity({ uuid: 'prune', display_name: 'Worf', handle: 'worf', message: 'I am out of prune juice' }),
    makeActivity({ uuid: 'tailor', display_name: 'Garek', handle: 'garek', message: 'My dear doctor, I am just simple tailor' }),
  ];
};

export const makeMessage = (overrides: Partial<Message> = {}): Message => {
  sequence += 1;
  return {
    uuid: `message-${String(sequence)}`,
    display_name: 'Andrew Brown',
    handle: 'andrewbrown',
    message: `Message number ${String(sequence)}`,
    created_at: hoursAgo(1),
    ...overrides,
  };
};

export const makeGroup = (overrides: Partial<MessageGroup> = {}): MessageGroup => {
  sequence += 1;
  return {
    uuid: `group-${String(sequence)}`,
    display_name: 'Worf',
    handle: 'worf',
    message: 'Qapla!',
    created_at: hoursAgo(3),
    ...overrides,
  };
};
