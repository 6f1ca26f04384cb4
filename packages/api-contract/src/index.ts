export * from './limits.js';
export * from './errors.js';
export * from './paths.js';
// Types only: the schemas themselves are at `@cruddur/api-contract/schemas`,
// so a browser bundle that imports this entry gets no TypeBox code.
export type {
  Activity,
  CreateActivityBody,
  CreateMessageBody,
  CreateReplyBody,
  HealthCheck,
  Message,
  MessageGroup,
  Notification,
  RequestErrorBody,
  SearchQuery,
  UserActivities,
  UserProfile,
  ValidationErrorBody,
} from './schemas/index.js';
