import { describe, expect, it } from 'vitest';
import { EVENT_OVERHEAD_BYTES } from '../src/limits.js';
import { toLogEvent } from '../src/log-event.js';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');

describe('a pino line as a CloudWatch event', () => {
  it("is stamped with the line's own time: epoch milliseconds or an ISO string", () => {
    expect(toLogEvent('{"level":30,"time":1740830400123,"msg":"hi"}', NOW, 1024).timestamp).toBe(1740830400123);
    expect(toLogEvent('{"level":30,"time":"2025-03-01T11:00:00.000Z","msg":"hi"}', NOW, 1024).timestamp).toBe(NOW - 3_600_000);
  });

  it('is stamped "now" when the line has no usable time', () => {
    expect(toLogEvent('{"level":30,"msg":"no time"}', NOW, 1024).timestamp).toBe(NOW);
    expect(toLogEvent('not json at all', NOW, 1024).timestamp).toBe(NOW);
    expect(toLogEvent('{"time":"yesterday"}', NOW, 1024).timestamp).toBe(NOW);
  });

  it('keeps the line as it is and counts its UTF-8 bytes plus 26', () => {
    const line = '{"level":30,"time":1,"msg":"crud ✓ 🐊"}';
    const event = toLogEvent(line, NOW, 1024);
    expect(event.message).toBe(line);
    expect(event.size).toBe(Buffer.byteLength(line) + EVENT_OVERHEAD_BYTES);
  });

  it('truncates a line over the limit to exactly fit, with a marker giving the original size', () => {
    const line = `{"level":30,"time":1,"msg":"${'a'.repeat(3000)}"}`;
    const event = toLogEvent(line, NOW, 1024);
    expect(event.size).toBeLessThanOrEqual(1024);
    expect(event.size).toBeGreaterThan(1020);
    expect(event.message.startsWith('{"level":30,"time":1,"msg":"aaa')).toBe(true);
    expect(event.message.endsWith(`…[truncated by pino-cloudwatch: ${String(Buffer.byteLength(line))} bytes]`)).toBe(true);
    expect(event.timestamp).toBe(1);
  });

  it('never cuts a character in half', () => {
    const line = `{"msg":"${'€'.repeat(2000)}"}`;
    for (const limit of [1024, 1025, 1026, 1027]) {
      const { message, size } = toLogEvent(line, NOW, limit);
      expect(size).toBeLessThanOrEqual(limit);
      expect(message).not.toContain('\uFFFD');
      expect(Buffer.from(message).toString('utf8')).toBe(message);
    }
  });

  it('leaves a line exactly at the limit alone', () => {
    const line = `{"msg":"${'b'.repeat(1024 - EVENT_OVERHEAD_BYTES - 10)}"}`;
    expect(Buffer.byteLength(line) + EVENT_OVERHEAD_BYTES).toBe(1024);
    expect(toLogEvent(line, NOW, 1024).message).toBe(line);
  });
});
