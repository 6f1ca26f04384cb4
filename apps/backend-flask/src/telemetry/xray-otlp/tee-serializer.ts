import { ProtobufTraceSerializer, type IExportTraceServiceResponse, type ISerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';

export type TraceSerializer = ISerializer<ReadableSpan[], IExportTraceServiceResponse>;

/**
 * The exporter's serializer, handing each batch it encodes to `copy` as
 * OTLP/protobuf too: the very bytes the exporter sends when it sends
 * protobuf (the default), so a batch is encoded once for both destinations.
 * Only a destination set to http/json gets its JSON while the copy gets a
 * protobuf encoding of its own. `copy` must not throw.
 */
export const teeSerializer = (primary: TraceSerializer, primaryIsProtobuf: boolean, copy: (body: Uint8Array, spans: number) => void): TraceSerializer => ({
  serializeRequest: (spans) => {
    const body = primary.serializeRequest(spans);
    const protobuf = primaryIsProtobuf ? body : ProtobufTraceSerializer.serializeRequest(spans);
    if (protobuf !== undefined) copy(protobuf, spans.length);
    return body;
  },
  deserializeResponse: (data) => primary.deserializeResponse(data),
});
