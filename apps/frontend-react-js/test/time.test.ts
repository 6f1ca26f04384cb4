import { describe, expect, it } from 'vitest';
import { expiresIn, parseTimestamp, shortDate, timeAgo } from '../src/lib/time';

const NOW = Date.parse('2024-06-15T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

describe('parseTimestamp', () => {
  it('reads ISO timestamps with Z, an offset or microseconds', () => {
    expect(parseTimestamp('2024-06-15T12:00:00Z')).toBe(NOW);
    expect(parseTimestamp('2024-06-15T14:00:00+02:00')).toBe(NOW);
    expect(parseTimestamp('2024-06-15T12:00:00.000000+00:00')).toBe(NOW);
  });

  it('treats a timestamp without a zone as UTC', () => {
    expect(parseTimestamp('2024-06-15T12:00:00')).toBe(NOW);
  });
});

describe('timeAgo', () => {
  it.each([
    [0, 'now'],
    [59 * 1000, 'now'],
    [MINUTE, '1m'],
    [59 * MINUTE, '59m'],
    [2 * HOUR, '2h'],
    [2 * HOUR + 59 * MINUTE, '2h'],
    [23 * HOUR, '23h'],
    [DAY, '1d'],
    [6 * DAY + 23 * HOUR, '6d'],
  ])('%i ms ago is "%s"', (elapsed, label) => {
    expect(timeAgo(iso(NOW - elapsed), NOW)).toBe(label);
  });

  it('shows a short date after a week', () => {
    expect(timeAgo('2024-03-05T12:00:00Z', NOW, 'UTC')).toBe('Mar 5');
  });

  it('adds the year for another year', () => {
    expect(timeAgo('2023-03-05T12:00:00Z', NOW, 'UTC')).toBe('Mar 5, 2023');
  });

  it('says "now" for a timestamp slightly in the future (clock skew)', () => {
    expect(timeAgo(iso(NOW + 5000), NOW)).toBe('now');
  });

  it('returns nothing for garbage', () => {
    expect(timeAgo('not a date', NOW)).toBe('');
  });
});

describe('shortDate', () => {
  it('formats in the given time zone', () => {
    const at = Date.parse('2024-03-05T23:30:00Z');
    expect(shortDate(at, NOW, 'UTC')).toBe('Mar 5');
    expect(shortDate(at, NOW, 'Asia/Tokyo')).toBe('Mar 6');
  });
});

describe('expiresIn', () => {
  it.each([
    [7 * DAY - 5000, 'expires in 7d'],
    [5 * DAY, 'expires in 5d'],
    [DAY, 'expires in 1d'],
    [23 * HOUR + 40 * MINUTE, 'expires in 1d'],
    [12 * HOUR, 'expires in 12h'],
    [59 * MINUTE + 40 * 1000, 'expires in 1h'],
    [30 * MINUTE, 'expires in 30m'],
    [10 * 1000, 'expires in 1m'],
  ])('%i ms left is "%s"', (left, label) => {
    expect(expiresIn(iso(NOW + left), NOW)).toBe(label);
  });

  it('says expired once the time has passed', () => {
    expect(expiresIn(iso(NOW), NOW)).toBe('expired');
    expect(expiresIn(iso(NOW - HOUR), NOW)).toBe('expired');
  });
});
