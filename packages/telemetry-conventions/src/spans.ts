/** Custom spans of the API, one per service call (kebab-case, as the course teaches). */
export const SPAN = {
  homeActivitiesMockData: 'home-activities-mock-data',
  notificationsActivities: 'notifications-activities',
  userActivities: 'user-activities',
  searchActivities: 'search-activities',
  showActivity: 'show-activity',
  createActivity: 'create-activity',
  createReply: 'create-reply',
  messageGroups: 'message-groups',
  messages: 'messages',
  createMessage: 'create-message',
} as const;

export type SpanName = (typeof SPAN)[keyof typeof SPAN];
