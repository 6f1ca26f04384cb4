export * from './export-config.js';
export * from './headers.js';
export * from './sampler.js';
