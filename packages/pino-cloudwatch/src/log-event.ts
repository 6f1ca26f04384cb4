import { StringDecoder } from 'node:string_decoder';
import { EVENT_OVERHEAD_BYTES } from './limits.js';

export interface LogEvent {
  /** Milliseconds since the epoch, as CloudWatch wants it. */
  readonly timestamp: number;
  readonly message: string;
  /** UTF-8 bytes of the message plus the per-event overhead: what the batch limit counts. */
  readonly size: number;
}

// pino writes `time` second, right after `level`: epoch milliseconds by
// default, an ISO string with `pino.stdTimeFunctions.isoTime`.
const TIME_FIELD = /"time":(?:(\d{1,16})|"([^"]{1,40})")/;

const timestampOf = (line: string, now: number): number => {
  const match = TIME_FIELD.exec(line);
  const time = match?.[1] !== undefined ? Number(match[1]) : match?.[2] !== undefined ? Date.parse(match[2]) : NaN;
  return Number.isSafeInteger(time) ? time : now;
};

/** Cuts `line` to at most `maxBytes` UTF-8 bytes, never inside a character, and says so at the end. */
const truncate = (line: string, bytes: number, maxBytes: number): string => {
  const marker = `…[truncated by pino-cloudwatch: ${String(bytes)} bytes]`;
  const keep = Math.max(0, maxBytes - Buffer.byteLength(marker));
  // The decoder holds back a character cut in half instead of emitting U+FFFD.
  return new StringDecoder('utf8').write(Buffer.from(line).subarray(0, keep)) + marker;
};

/** One pino line as a CloudWatch event, truncated to `maxEventBytes` (overhead included). */
export const toLogEvent = (line: string, now: number, maxEventBytes: number): LogEvent => {
  const bytes = Buffer.byteLength(line);
  const message = bytes + EVENT_OVERHEAD_BYTES <= maxEventBytes ? line : truncate(line, bytes, maxEventBytes - EVENT_OVERHEAD_BYTES);
  return { timestamp: timestampOf(line, now), message, size: Buffer.byteLength(message) + EVENT_OVERHEAD_BYTES };
};
