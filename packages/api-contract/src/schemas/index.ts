export * from './activity.js';
export * from './error-bodies.js';
export * from './health.js';
export * from './message.js';
export * from './openapi.js';
export * from './requests.js';
export * from './rollbar-test.js';
export * from './trace-relay.js';
