import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportHealth, exportErrorIntervalMs, httpFailure, networkFailure, type FailureHints } from '../src/index.js';

const HINTS: FailureHints = { credentials: 'HONEYCOMB_API_KEY', address: 'HONEYCOMB_API_ENDPOINT', noun: 'spans' };
const INTERVAL = 30_000;

const reporter = () => {
  const lines: string[] = [];
  const health = new ExportHealth({
    destination: 'Honeycomb https://api.honeycomb.io/v1/traces',
    noun: 'spans',
    prefix: 'backend-flask',
    write: (line) => lines.push(line),
    intervalMs: INTERVAL,
  });
  return { health, lines };
};

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ExportHealth', () => {
  it('says the first failure at once, sums the rest into one line per interval, then says when exports resume', () => {
    const { health, lines } = reporter();
    health.failure(httpFailure(401, HINTS), { dropped: 512 });
    expect(lines).toEqual([
      'backend-flask: export to Honeycomb https://api.honeycomb.io/v1/traces failing: HTTP 401: check HONEYCOMB_API_KEY; 1 failure, 512 spans dropped since the last line',
    ]);
    // A batch every 200 ms for a minute: two more lines, not three hundred.
    for (let i = 0; i < 300; i += 1) {
      vi.advanceTimersByTime(200);
      health.failure(httpFailure(401, HINTS), { dropped: 10 });
    }
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/failing: HTTP 401: check HONEYCOMB_API_KEY; 149 failures, 1490 spans dropped since the last line$/);
    expect(lines[2]).toMatch(/; 150 failures, 1500 spans dropped since the last line$/);
    vi.advanceTimersByTime(INTERVAL);
    expect(lines[3]).toMatch(/; 1 failure, 10 spans dropped since the last line$/);
    expect(health.failing).toBe(true);

    // The recovery is said too, at most one line per interval.
    vi.advanceTimersByTime(INTERVAL / 2);
    health.success();
    expect(health.failing).toBe(false);
    expect(lines).toHaveLength(4);
    vi.advanceTimersByTime(INTERVAL / 2);
    expect(lines.at(-1)).toBe('backend-flask: export to Honeycomb https://api.honeycomb.io/v1/traces resumed after 301 failures; 3512 spans dropped meanwhile');
    // Healthy: nothing more to say.
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(lines).toHaveLength(5);
  });

  it('writes the summary when the interval ends even if no failure follows, and the recovery under the same interval', () => {
    const { health, lines } = reporter();
    health.failure(networkFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), HINTS));
    health.failure(networkFailure(new Error('Request timed out'), HINTS), { dropped: 7 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('failing: ECONNREFUSED: unreachable: check HONEYCOMB_API_ENDPOINT; 1 failure, 0 spans dropped');
    health.success();
    vi.advanceTimersByTime(INTERVAL - 1);
    expect(lines).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('resumed after 2 failures; 7 spans dropped meanwhile');
  });

  it('names the reason in the "resumed" line when the outage ended before its first line could go out', () => {
    const { health, lines } = reporter();
    health.dropped(5, 'queue full: 2048 spans waiting');
    health.failure(networkFailure(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), HINTS), { dropped: 512 });
    health.success();
    vi.advanceTimersByTime(INTERVAL);
    expect(lines).toEqual([
      'backend-flask: export to Honeycomb https://api.honeycomb.io/v1/traces: 5 spans dropped (queue full: 2048 spans waiting) since the last line',
      'backend-flask: export to Honeycomb https://api.honeycomb.io/v1/traces resumed after 1 failure (ECONNREFUSED: unreachable: check HONEYCOMB_API_ENDPOINT); 512 spans dropped meanwhile',
    ]);
  });

  it('does not reopen an outage for a straggler sent before exports resumed', () => {
    const { health, lines } = reporter();
    const hungAt = Date.now();
    health.failure(httpFailure(503, HINTS), { dropped: 1 });
    vi.advanceTimersByTime(INTERVAL);
    health.success();
    expect(lines.at(-1)).toContain('resumed after 1 failure');
    health.failure(networkFailure(new Error('Request timed out'), HINTS), { dropped: 4, startedAt: hungAt });
    expect(health.failing).toBe(false);
    vi.advanceTimersByTime(INTERVAL);
    expect(lines.at(-1)).toMatch(/: 4 spans dropped \(timeout, sent before exports resumed\) since the last line$/);
  });

  it('reports drops of a working destination (a full queue) under the same interval', () => {
    const { health, lines } = reporter();
    for (let i = 0; i < 1000; i += 1) health.dropped(1, 'queue full: 2048 spans waiting');
    expect(lines).toEqual([
      'backend-flask: export to Honeycomb https://api.honeycomb.io/v1/traces: 1 spans dropped (queue full: 2048 spans waiting) since the last line',
    ]);
    vi.advanceTimersByTime(INTERVAL);
    expect(lines[1]).toContain(': 999 spans dropped (queue full: 2048 spans waiting)');
  });

  it('classifies failures with a hint and no secret', () => {
    expect(httpFailure(403, HINTS)).toEqual({ reason: 'HTTP 403', hint: 'check HONEYCOMB_API_KEY' });
    expect(httpFailure(404, HINTS)).toEqual({ reason: 'HTTP 404', hint: 'check the endpoint path (HONEYCOMB_API_ENDPOINT)' });
    expect(httpFailure(429, HINTS)).toEqual({ reason: 'HTTP 429', hint: 'destination throttling; spans dropped' });
    expect(httpFailure(503, { ...HINTS, whenThrottled: 'kept and retried' })).toEqual({ reason: 'HTTP 503', hint: 'destination throttling; kept and retried' });
    expect(httpFailure(500, HINTS).hint).toBe('destination failing; spans dropped');
    expect(networkFailure(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }) }), HINTS)).toEqual({
      reason: 'ENOTFOUND',
      hint: 'unreachable: check HONEYCOMB_API_ENDPOINT',
    });
    expect(networkFailure(Object.assign(new Error('slow'), { name: 'TimeoutError' }), HINTS).reason).toBe('timeout');
    expect(networkFailure(new Error('Concurrent export limit reached\nmore'), HINTS)).toEqual({ reason: 'Concurrent export limit reached' });
  });

  it('reads the interval from CRUDDUR_EXPORT_ERROR_INTERVAL_MS', () => {
    expect(exportErrorIntervalMs({})).toBe(30_000);
    expect(exportErrorIntervalMs({ CRUDDUR_EXPORT_ERROR_INTERVAL_MS: ' 1500 ' })).toBe(1500);
    expect(() => exportErrorIntervalMs({ CRUDDUR_EXPORT_ERROR_INTERVAL_MS: '2s' })).toThrow(
      'CRUDDUR_EXPORT_ERROR_INTERVAL_MS must be a whole number of milliseconds above 0, got "2s"',
    );
    expect(() => exportErrorIntervalMs({ CRUDDUR_EXPORT_ERROR_INTERVAL_MS: '0' })).toThrow(/above 0/);
  });
});
