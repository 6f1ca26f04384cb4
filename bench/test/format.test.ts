import { describe, expect, it } from 'vitest';
import { formatDelta, formatKb, formatNumber, formatRatio } from '../src/format.js';
import { renderTable } from '../src/markdown.js';

describe('formatting', () => {
  it('groups thousands and fixes decimals', () => {
    expect(formatNumber(12345.678)).toBe('12,346');
    expect(formatNumber(3.14159, 2)).toBe('3.14');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
  it('writes ratios with a times sign', () => {
    expect(formatRatio(0.8512)).toBe('0.85×');
    expect(formatRatio(undefined)).toBe('—');
  });
  it('writes kilobytes of 1,000 bytes', () => {
    expect(formatKb(35_000)).toBe('35.0');
    expect(formatKb(1781)).toBe('1.8');
  });
  it('signs differences', () => {
    expect(formatDelta(62.4, 'ms')).toBe('+62 ms');
    expect(formatDelta(-1200, 'ms')).toBe('−1,200 ms');
  });
});

describe('renderTable', () => {
  it('pads columns, aligns numbers right and escapes pipes', () => {
    const table = renderTable(['name', 'n'], [['a|b', '1'], ['long name', '12,345']], ['left', 'right']);
    expect(table.split('\n')).toEqual([
      '| name      |      n |',
      '| --------- | -----: |',
      '| a\\|b      |      1 |',
      '| long name | 12,345 |',
    ]);
  });
  it('counts characters, not UTF-16 units, and fills missing cells', () => {
    const table = renderTable(['µs', 'x'], [['≥ 1.5']]);
    expect(table.split('\n')).toEqual(['| µs    | x   |', '| ----- | --- |', '| ≥ 1.5 |     |']);
  });
});
