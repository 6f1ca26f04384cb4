export * from './services.js';
export * from './spans.js';
export * from './actions.js';
export * from './attributes.js';
export * from './xray.js';
export * from './xray-ids.js';
