import Type from 'typebox';

/**
 * The browser's span export that POST /v1/traces relays, as OTLP defines it
 * (ExportTraceServiceRequest), in protobuf or JSON. Relayed as bytes, so the
 * API does not validate it against a schema: this one is for the document.
 */
export const OtlpTraceExport = Type.Unknown({ description: 'An OTLP ExportTraceServiceRequest' });

const passedThrough = { schema: Type.Unknown() };

/** The destination's answer (ExportTraceServiceResponse), passed through as bytes. */
export const OtlpTraceAnswer = {
  description: "An OTLP ExportTraceServiceResponse in the request's encoding: the destination's, or an empty one with tracing off",
  content: { 'application/x-protobuf': passedThrough, 'application/json': passedThrough },
} as const;
