const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
// Random bytes are drawn this many at a time, a call per 512 span ids: a
// crypto.getRandomValues call costs several times the rest of an id.
const POOL_BYTES = 4096;

/**
 * Trace and span ids that X-Ray takes as they are: a trace id's first 8 hex
 * digits are the epoch second it started, the other 24 random (see
 * `toXrayTraceId`). The same format as `@opentelemetry/id-generator-aws-xray`,
 * whose releases are built on the 2.x SDK. Random bytes come from
 * `crypto.getRandomValues`, in Node and in the browser alike.
 *
 * An OpenTelemetry `IdGenerator` (`@opentelemetry/sdk-trace`) by shape, so
 * this package needs no SDK; the test checks that it fits.
 */
export class XrayIdGenerator {
  private readonly pool = new Uint8Array(POOL_BYTES);
  private used = POOL_BYTES;

  generateTraceId(): string {
    const epochSeconds = Math.floor(Date.now() / 1000);
    return epochSeconds.toString(16).padStart(8, '0') + this.randomHex(12);
  }

  generateSpanId(): string {
    return this.randomHex(8);
  }

  /** `bytes` random bytes as lowercase hex, never all zeros (W3C ids must not be). */
  private randomHex(bytes: number): string {
    if (this.used + bytes > POOL_BYTES) {
      crypto.getRandomValues(this.pool);
      this.used = 0;
    }
    let hex = '';
    let zero = true;
    for (const byte of this.pool.subarray(this.used, this.used + bytes)) {
      hex += HEX[byte] ?? '';
      zero &&= byte === 0;
    }
    this.used += bytes;
    return zero ? `${hex.slice(0, -1)}1` : hex;
  }
}
