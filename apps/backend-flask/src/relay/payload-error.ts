/** A relay body that is not the OTLP trace export it claims to be (400). */
export class OtlpPayloadError extends Error {
  override name = 'OtlpPayloadError';
}
