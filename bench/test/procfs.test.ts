import { describe, expect, it } from 'vitest';
import { parseCpuTimeMs, parseVmHwmKb } from '../src/api-server.js';

describe('/proc parsing', () => {
  it('reads VmHWM in kB', () => {
    expect(parseVmHwmKb('Name:\tnode\nVmPeak:\t 1234 kB\nVmHWM:\t  116224 kB\nVmRSS:\t 100 kB\n')).toBe(116224);
    expect(() => parseVmHwmKb('Name:\tnode\n')).toThrow('VmHWM');
  });
  it('adds utime and stime, in ticks of 10 ms, past a command name with spaces and parentheses', () => {
    const stat = '4242 (node (bench) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 731 42 0 0 20 0 11 0 123 456 789';
    expect(parseCpuTimeMs(stat)).toBe((731 + 42) * 10);
    expect(() => parseCpuTimeMs('4242 (node) S 1')).toThrow('/proc/<pid>/stat');
  });
});
