export {
  DEFAULT_HOST,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PORT,
  startTraceViewer,
  type TraceViewer,
  type TraceViewerOptions,
} from './http/server.js';
export type { AttributeValue, Attributes, SpanKindName, StatusCodeName } from './otlp/model.js';
export type { SpanView, TraceView } from './store/span-view.js';
export type { TraceSummary } from './store/summary.js';
export {
  DEFAULT_MAX_SPANS_PER_TRACE,
  DEFAULT_MAX_TRACES,
  type ListOptions,
  type StoredTrace,
  TraceStore,
} from './store/trace-store.js';
