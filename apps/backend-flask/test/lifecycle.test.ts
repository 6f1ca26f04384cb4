import { describe, expect, it } from 'vitest';
import { setTelemetryShutdown, shutdownTelemetry } from '../src/telemetry/lifecycle.js';

describe('shutdownTelemetry', () => {
  it('does nothing when tracing never started', async () => {
    await expect(shutdownTelemetry(10)).resolves.toBeUndefined();
  });

  it('stops tracing once', async () => {
    let stops = 0;
    setTelemetryShutdown(() => {
      stops++;
      return Promise.resolve();
    });
    await shutdownTelemetry(1_000);
    await shutdownTelemetry(1_000);
    expect(stops).toBe(1);
  });

  it('gives up after its timeout when the spans cannot be sent', async () => {
    setTelemetryShutdown(() => new Promise<void>(() => undefined));
    const started = Date.now();
    await expect(shutdownTelemetry(50)).rejects.toThrow('spans not sent within 50 ms');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
