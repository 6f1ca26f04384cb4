import { describe, expect, it } from 'vitest';
import { roundOrder } from '../src/api-bench.js';
import { readSettings } from '../src/options.js';

describe('readSettings', () => {
  it('has defaults that finish well within ten minutes', () => {
    expect(readSettings([])).toEqual({ rounds: 5, connections: 10, warmupSec: 2, durationSec: 6, posts: 6000, clicks: 20 });
  });
  it('takes each setting as a whole number', () => {
    expect(readSettings(['--rounds', '3', '--duration', '8', '--posts', '100', '--clicks=4'])).toMatchObject({
      rounds: 3,
      durationSec: 8,
      posts: 100,
      clicks: 4,
    });
  });
  it('refuses zero, fractions and unknown options', () => {
    expect(() => readSettings(['--rounds', '0'])).toThrow('--rounds must be a whole number of at least 1, got "0"');
    expect(() => readSettings(['--duration', '2.5'])).toThrow('--duration');
    expect(() => readSettings(['--fast'])).toThrow();
  });
});

describe('roundOrder', () => {
  it('interleaves the variants, each round starting with the next one', () => {
    expect([0, 1, 2, 3, 4].map(roundOrder)).toEqual([
      ['A', 'B', 'C', 'D'],
      ['B', 'C', 'D', 'A'],
      ['C', 'D', 'A', 'B'],
      ['D', 'A', 'B', 'C'],
      ['A', 'B', 'C', 'D'],
    ]);
  });
});
