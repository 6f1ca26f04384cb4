import { describe, expect, it } from 'vitest';
import { loadFaultInjection } from '../src/index.js';

describe('loadFaultInjection', () => {
  it.each([
    [undefined, false, 'off'],
    [' 0 ', false, 'off'],
    ['False', false, 'off'],
    ['1', false, 'on'],
    [' TRUE ', false, 'on'],
    ['1', true, 'refused'],
    ['false', true, 'off'],
  ])('CRUDDUR_FAULT_INJECTION=%j, production %s → %s', (value, production, expected) => {
    expect(loadFaultInjection({ CRUDDUR_FAULT_INJECTION: value }, production)).toBe(expected);
  });

  it('rejects anything else, naming the variable, in production too', () => {
    expect(() => loadFaultInjection({ CRUDDUR_FAULT_INJECTION: 'yes' }, true)).toThrow(/^CRUDDUR_FAULT_INJECTION must be 1, true, 0 or false, got "yes"$/);
  });
});
