import { describe, expect, it, vi } from 'vitest';
import { backendUrl } from '../src/api/client';
import { stubApi } from './api';
// Zone.js patches fetch once, as it loads, traced or not: loading it first
// leaves the tests to see only what starting the telemetry does.
import '@cruddur/telemetry-web';
import { startTelemetry } from '../src/startTelemetry';

describe('startTelemetry', () => {
  it('registers nothing when disabled', () => {
    const { fetch } = stubApi({});

    expect(startTelemetry({ backendUrl, enabled: false })).toBe(false);
    expect(globalThis.fetch).toBe(fetch);
  });

  it('warns and lets the app run untraced when tracing fails to start', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { fetch } = stubApi({});

    expect(startTelemetry({ backendUrl: 'not a url', enabled: true })).toBe(false);

    expect(warn).toHaveBeenCalledWith(expect.stringContaining('tracing failed to start'), expect.any(Error));
    expect(globalThis.fetch).toBe(fetch);
  });
});
