// src/telemetry.ts starts tracing as it loads. Here it loads as a
// VITE_OTEL_DISABLED=true build would, so that no test exports spans.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { backendUrl, getHomeActivities } from '../src/api/client';
import { stubApi } from './api';
// Zone.js patches fetch once, as it loads, traced or not: loading it first
// leaves the tests to see only what starting the telemetry does.
import '@cruddur/telemetry-web';

vi.hoisted(() => {
  vi.stubEnv('VITE_OTEL_DISABLED', 'true');
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe('the telemetry module, built with VITE_OTEL_DISABLED=true', () => {
  it('loads in jsdom and leaves fetch alone: API requests carry no traceparent', async () => {
    const { fetch, requests } = stubApi({ 'GET /api/activities/home': [] });

    await import('../src/telemetry');

    expect(globalThis.fetch).toBe(fetch);
    await getHomeActivities();
    expect(requests[0]?.headers.get('traceparent')).toBeNull();
  });
});

describe('startTelemetry', () => {
  it('registers nothing when disabled', async () => {
    const { startTelemetry } = await import('../src/telemetry');
    const { fetch } = stubApi({});

    expect(startTelemetry({ backendUrl, enabled: false })).toBe(false);
    expect(globalThis.fetch).toBe(fetch);
  });

  it('warns and lets the app run untraced when tracing fails to start', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { startTelemetry } = await import('../src/telemetry');
    const { fetch } = stubApi({});

    expect(startTelemetry({ backendUrl: 'not a url', enabled: true })).toBe(false);

    expect(warn).toHaveBeenCalledWith(expect.stringContaining('tracing failed to start'), expect.any(Error));
    expect(globalThis.fetch).toBe(fetch);
  });
});

describe('telemetryEnabled', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['false', true],
    ['1', true],
    ['true', false],
    [' TRUE ', false],
  ])('VITE_OTEL_DISABLED=%j → enabled %s', async (value, enabled) => {
    const { telemetryEnabled } = await import('../src/telemetry');
    expect(telemetryEnabled(value)).toBe(enabled);
  });
});
