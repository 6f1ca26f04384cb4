import { describe, expect, it } from 'vitest';
import { summarizeVariant } from '../src/api-summary.js';
import { round } from './fixtures.js';

describe('summarizeVariant', () => {
  const rounds = [round('A', 0, 1000, 8000), round('B', 0, 50), round('A', 1, 3000, 32_000), round('A', 2, 2000, 16_000)];

  it('takes medians over the variant’s rounds only', () => {
    const summary = summarizeVariant('A', rounds);
    expect(summary.rounds).toBe(3);
    expect(summary.home.rps).toBe(2000);
    expect(summary.post.rps).toBe(1000);
    expect(summary.startupMs).toBe(501);
    expect(summary.home.rpsSpread).toBe(1);
  });
  it('spreads what the receiver got over every request served, warm-up included', () => {
    // Each round serves 8 s of home and 8 s of POST at half the rate: 12 × rps requests.
    expect(summarizeVariant('A', rounds).otlpBytesPerRequest['/v1/traces']).toBeCloseTo(16_000 / (12 * 2000));
  });
  it('refuses a variant with no rounds', () => {
    expect(() => summarizeVariant('C', rounds)).toThrow('no rounds of variant C');
  });
});
