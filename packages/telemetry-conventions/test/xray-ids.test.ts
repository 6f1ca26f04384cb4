import type { IdGenerator } from '@opentelemetry/sdk-trace';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { toXrayTraceId, XrayIdGenerator } from '../src/index.js';

// What the SDK's TracerProvider takes as `idGenerator`: checked by the type checker.
const ids: IdGenerator = new XrayIdGenerator();
const epochSeconds = () => Math.floor(Date.now() / 1000);

describe('XrayIdGenerator', () => {
  it('makes W3C ids: 32 and 16 lowercase hex digits', () => {
    expect(ids.generateTraceId()).toMatch(/^[0-9a-f]{32}$/);
    expect(ids.generateSpanId()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('starts a trace id with the current epoch second, so X-Ray takes it as it is', () => {
    const before = epochSeconds();
    const traceId = ids.generateTraceId();
    const after = epochSeconds();
    const started = Number.parseInt(traceId.slice(0, 8), 16);
    expect(started).toBeGreaterThanOrEqual(before);
    expect(started).toBeLessThanOrEqual(after);
    expect(toXrayTraceId(traceId)).toBe(`1-${traceId.slice(0, 8)}-${traceId.slice(8)}`);
  });

  it('never gives an all-zero span id or random part, even when the random bytes are all zero', () => {
    // Fills nothing: a new generator's pool stays as it was made, all zeros.
    const random = vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => array);
    onTestFinished(() => {
      random.mockRestore();
    });
    const fresh = new XrayIdGenerator();
    expect(fresh.generateSpanId()).toBe('0000000000000001');
    expect(fresh.generateTraceId().slice(8)).toBe(`${'0'.repeat(23)}1`);
  });

  it('gives a different id every time', () => {
    const count = 10_000;
    const traceIds = new Set(Array.from({ length: count }, () => ids.generateTraceId()));
    const spanIds = new Set(Array.from({ length: count }, () => ids.generateSpanId()));
    expect(traceIds.size).toBe(count);
    expect(spanIds.size).toBe(count);
  });
});
