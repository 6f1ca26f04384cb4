export * from './export-config.js';
export * from './headers.js';
