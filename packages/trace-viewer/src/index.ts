export {
  DEFAULT_HOST,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PORT,
  startTraceViewer,
  type TraceViewer,
  type TraceViewerOptions,
} from './http/server.js';
export { decodeJsonRequest } from './otlp/decode-json.js';
export { decodeProtobufRequest } from './otlp/decode-protobuf.js';
export { OtlpDecodeError, type AttributeValue, type Attributes, type DecodedSpan, type SpanKindName, type StatusCodeName } from './otlp/model.js';
export type { ColumnInfo } from './query/column-list.js';
export type { MatchingTrace, MatchingTraces } from './query/matching-traces.js';
export type { QueryResult, ResultRow } from './query/run-query.js';
export type { SeriesEntry } from './query/series.js';
export type { SpanView, TraceView } from './store/span-view.js';
export type { TraceSummary } from './store/summary.js';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_SPANS,
  DEFAULT_MAX_SPANS_PER_TRACE,
  DEFAULT_MAX_TRACES,
  type ListOptions,
  type StoredTrace,
  type StoreStats,
  TraceStore,
} from './store/trace-store.js';
