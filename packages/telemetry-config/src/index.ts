export * from './export-config.js';
export * from './headers.js';
export * from './sampler.js';
export * from './xray-daemon-address.js';
export * from './xray-sampling-rule.js';
export * from './xray-otlp.js';
