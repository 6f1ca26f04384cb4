import { OtlpDecodeError, SPAN_ID_BYTES, TRACE_ID_BYTES } from './model.js';

const toHex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

const checked = (bytes: Uint8Array, size: number, what: string): string => {
  if (bytes.length !== size) {
    throw new OtlpDecodeError(`${what} must be ${String(size)} bytes, got ${String(bytes.length)}`);
  }
  if (bytes.every((byte) => byte === 0)) throw new OtlpDecodeError(`${what} must not be all zeroes`);
  return toHex(bytes);
};

export const traceIdHex = (bytes: Uint8Array, what = 'traceId'): string => checked(bytes, TRACE_ID_BYTES, what);
export const spanIdHex = (bytes: Uint8Array, what = 'spanId'): string => checked(bytes, SPAN_ID_BYTES, what);

/** A parent span id is optional: empty means the span is a root. */
export const parentSpanIdHex = (bytes: Uint8Array): string | null =>
  bytes.length === 0 ? null : spanIdHex(bytes, 'parentSpanId');

const HEX = /^[0-9a-fA-F]*$/;
const BASE64 = /^[A-Za-z0-9+/\-_]*={0,2}$/;

/**
 * OTLP/JSON ids are hex; the stock protobuf JSON mapping would make them
 * base64, which some exporters send. Hex of the expected size wins, since a
 * hex string of that size is never the base64 of that many bytes.
 */
export const idBytesFromJson = (value: string, size: number, what: string): Uint8Array => {
  if (value.length === size * 2 && HEX.test(value)) return Buffer.from(value, 'hex');
  if (value.length > 0 && BASE64.test(value)) {
    const bytes = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
    if (bytes.length === size) return bytes;
  }
  throw new OtlpDecodeError(`${what} ${JSON.stringify(value.slice(0, 48))} is neither ${String(size * 2)} hex digits nor base64 of ${String(size)} bytes`);
};
