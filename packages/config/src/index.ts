export * from './faults.js';
export * from './urls.js';
