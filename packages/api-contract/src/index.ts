export * from './limits.js';
export * from './errors.js';
export * from './paths.js';
export type * from './types.js';
