import { describe, expect, it } from 'vitest';
import { TTLS, TTL_HOURS, charCount, isTtl } from '../src/index.js';

describe('limits', () => {
  it('offers the course ttl choices, longest first', () => {
    expect(TTLS).toEqual(['30-days', '7-days', '3-days', '1-day', '12-hours', '3-hours', '1-hour']);
    expect(TTL_HOURS['1-day']).toBe(24);
  });

  it('recognises only known ttl names', () => {
    expect(isTtl('7-days')).toBe(true);
    expect(isTtl('7 days')).toBe(false);
    expect(isTtl('toString')).toBe(false);
    expect(isTtl(7)).toBe(false);
  });

  it('counts astral symbols once', () => {
    expect(charCount('abc')).toBe(3);
    expect(charCount('☁️🚀')).toBe(3);
    expect(charCount('🚀'.repeat(280))).toBe(280);
  });
});
