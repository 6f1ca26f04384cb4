export { startBrowserTelemetry, traceAction } from './start.js';
export type { BrowserTelemetry, BrowserTelemetryOptions } from './start.js';
export { currentTraceIds, untraced } from './trace-context.js';
export type { TraceIds } from './trace-context.js';
