import { OtlpPayloadError } from './payload-error.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An OTLP attribute list: objects with a string `key` each. */
const isAttributeList = (value: unknown): value is JsonObject[] =>
  Array.isArray(value) && value.every((kv) => isObject(kv) && typeof kv.key === 'string');

const SERVICE_NAME = 'service.name';

const pinned = (serviceName: string): JsonObject => ({ key: SERVICE_NAME, value: { stringValue: serviceName } });

const objectsIn = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** The spans of a ResourceSpans, in whatever of its shape is as OTLP has it (the destination judges the rest). */
const spansOf = (entry: JsonObject): JsonObject[] => objectsIn(entry.scopeSpans).flatMap((scope) => objectsIn(scope.spans));

/** Every `service.name` in an attribute list, where it is one, now says `serviceName`. */
const pinAttributes = (holder: JsonObject, serviceName: string): void => {
  if (!isAttributeList(holder.attributes)) return;
  holder.attributes = holder.attributes.map((kv) => (kv.key === SERVICE_NAME ? pinned(serviceName) : kv));
};

/**
 * A span's `service.name` attributes, its own, its events' and its links',
 * pinned as the resource's: Honeycomb reads a span's attributes beside its
 * resource's, so one there would pass the span off as another service's.
 */
const pinSpan = (span: JsonObject, serviceName: string): void => {
  pinAttributes(span, serviceName);
  for (const event of objectsIn(span.events)) pinAttributes(event, serviceName);
  for (const link of objectsIn(span.links)) pinAttributes(link, serviceName);
};

const NOT_OTLP = 'expected an OTLP/JSON trace export: {"resourceSpans": [{"resource": {...}, "scopeSpans": [...]}]}';

/**
 * Deeper than any export a browser makes (a span attribute's value object
 * sits 10 levels down). A body within the size limit can nest ~260,000 levels, which
 * JSON.parse takes but re-serialising it does not (stack overflow).
 */
export const MAX_JSON_DEPTH = 64;

/** A browser exports one resource per batch; more is padding, each one grown by the pinned name. */
export const MAX_RESOURCE_SPANS = 64;

/** Throws unless no object or array in the JSON text nests deeper than MAX_JSON_DEPTH; one pass, strings skipped. */
const checkDepth = (text: string): void => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw new OtlpPayloadError(`the JSON nests deeper than ${String(MAX_JSON_DEPTH)} levels`);
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
};

export interface JsonTraceRequest {
  readonly resourceSpans: unknown[];
}

/**
 * Reads an OTLP/JSON ExportTraceServiceRequest and rewrites it so that
 * every resource's `service.name`, and any a span carries as an attribute,
 * is `serviceName`, keeping only the `resourceSpans` field.
 * Throws OtlpPayloadError when the body is not JSON, nests deeper than
 * MAX_JSON_DEPTH, or is not shaped like a trace export with 1 to
 * MAX_RESOURCE_SPANS resourceSpans.
 */
export const pinnedJsonRequest = (body: Buffer, serviceName: string): JsonTraceRequest => {
  const text = body.toString('utf8');
  checkDepth(text);
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch {
    throw new OtlpPayloadError('the body is not valid JSON');
  }
  if (!isObject(request) || !Array.isArray(request.resourceSpans) || request.resourceSpans.length === 0) {
    throw new OtlpPayloadError(NOT_OTLP);
  }
  if (request.resourceSpans.length > MAX_RESOURCE_SPANS) {
    throw new OtlpPayloadError(`more than ${String(MAX_RESOURCE_SPANS)} resourceSpans in one export`);
  }
  for (const entry of request.resourceSpans) {
    if (!isObject(entry)) throw new OtlpPayloadError(NOT_OTLP);
    const resource = entry.resource ?? {};
    if (!isObject(resource)) throw new OtlpPayloadError(NOT_OTLP);
    const attributes = resource.attributes ?? [];
    if (!isAttributeList(attributes)) throw new OtlpPayloadError(NOT_OTLP);
    resource.attributes = [...attributes.filter((kv) => kv.key !== SERVICE_NAME), pinned(serviceName)];
    entry.resource = resource;
    for (const span of spansOf(entry)) pinSpan(span, serviceName);
  }
  // resourceSpans alone: OTLP/JSON has no other top-level field, and some
  // receivers (the Collector's) also read `resource_spans`, which would
  // carry spans past the pinning.
  return { resourceSpans: request.resourceSpans };
};
