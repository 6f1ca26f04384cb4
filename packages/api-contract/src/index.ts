export * from './limits.js';
export * from './errors.js';
export type * from './types.js';
