import { SpanKind, type HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { annotationsAndMetadata, segmentName } from './attributes.js';
import { outcomeOf } from './cause.js';
import { HTTP_KEYS, httpBlock } from './http.js';
import type { XrayDocument } from './segment.js';

const seconds = ([whole, nanos]: HrTime): number => whole + nanos / 1e9;

const resourceString = (span: ReadableSpan, key: string): string | undefined => {
  const value = span.resource.attributes[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * A SERVER span is the service's segment, named by `service.name`; a CLIENT
 * span is named for what it calls (`peer.service`, else the host); any other
 * span keeps its own name.
 */
const nameOf = (span: ReadableSpan): string => {
  const attribute = (key: string): string | undefined => {
    const value = span.attributes[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  if (span.kind === SpanKind.SERVER) return segmentName(resourceString(span, 'service.name') ?? span.name);
  if (span.kind === SpanKind.CLIENT) return segmentName(attribute('peer.service') ?? attribute('server.address') ?? span.name);
  return segmentName(span.name);
};

/** `opentelemetry for nodejs` and its version, as the collector reports the SDK. */
const sdkOf = (span: ReadableSpan): XrayDocument['aws'] => {
  const name = resourceString(span, 'telemetry.sdk.name');
  if (name === undefined) return undefined;
  const language = resourceString(span, 'telemetry.sdk.language');
  return { xray: { sdk: language ? `${name} for ${language}` : name, sdk_version: resourceString(span, 'telemetry.sdk.version') } };
};

/** The resource goes with the segment only, under `otel.resource.*`, as in the collector. */
const resourceMetadata = (span: ReadableSpan): Record<string, unknown> =>
  Object.fromEntries(Object.entries(span.resource.attributes).map(([key, value]) => [`otel.resource.${key}`, value]));

/**
 * One span as an X-Ray document, with neither trace id nor parent: a SERVER
 * span as a segment, any other as a subsegment. Nesting and the trace
 * linkage are added where the documents are put together.
 */
export const translateSpan = (span: ReadableSpan): XrayDocument => {
  const isSegment = span.kind === SpanKind.SERVER;
  const http = span.kind === SpanKind.SERVER || span.kind === SpanKind.CLIENT ? httpBlock(span) : undefined;
  return {
    id: span.spanContext().spanId,
    name: nameOf(span),
    start_time: seconds(span.startTime),
    end_time: seconds(span.endTime),
    namespace: span.kind === SpanKind.CLIENT ? 'remote' : undefined,
    http,
    ...outcomeOf(span),
    ...annotationsAndMetadata(span.attributes, http ? HTTP_KEYS : new Set(), isSegment ? resourceMetadata(span) : {}),
    aws: isSegment ? sdkOf(span) : undefined,
  };
};
