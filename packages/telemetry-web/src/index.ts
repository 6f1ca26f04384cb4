export { startBrowserTelemetry, traceAction } from './start.js';
export type { BrowserTelemetry, BrowserTelemetryOptions } from './start.js';
