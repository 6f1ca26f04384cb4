export { startBrowserTelemetry, traceAction } from './start.js';
export type { BrowserTelemetry, BrowserTelemetryOptions } from './start.js';
export { currentTraceIds } from './trace-context.js';
export type { TraceIds } from './trace-context.js';
