import { OtlpPayloadError } from './payload-error.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An OTLP attribute list: objects with a string `key` each. */
const isAttributeList = (value: unknown): value is JsonObject[] =>
  Array.isArray(value) && value.every((kv) => isObject(kv) && typeof kv.key === 'string');

const NOT_OTLP = 'expected an OTLP/JSON trace export: {"resourceSpans": [{"resource": {...}, "scopeSpans": [...]}]}';

/**
 * Rewrites an OTLP/JSON ExportTraceServiceRequest so that every resource's
 * `service.name` is `serviceName`. Throws OtlpPayloadError when the body is
 * not JSON or not shaped like a trace export with at least one resourceSpans.
 */
export const pinServiceNameJson = (body: Buffer, serviceName: string): Buffer => {
  let request: unknown;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    throw new OtlpPayloadError('the body is not valid JSON');
  }
  if (!isObject(request) || !Array.isArray(request.resourceSpans) || request.resourceSpans.length === 0) {
    throw new OtlpPayloadError(NOT_OTLP);
  }
  for (const entry of request.resourceSpans) {
    if (!isObject(entry)) throw new OtlpPayloadError(NOT_OTLP);
    const resource = entry.resource ?? {};
    if (!isObject(resource)) throw new OtlpPayloadError(NOT_OTLP);
    const attributes = resource.attributes ?? [];
    if (!isAttributeList(attributes)) throw new OtlpPayloadError(NOT_OTLP);
    resource.attributes = [
      ...attributes.filter((kv) => kv.key !== 'service.name'),
      { key: 'service.name', value: { stringValue: serviceName } },
    ];
    entry.resource = resource;
  }
  return Buffer.from(JSON.stringify(request));
};
