import { describe, expect, it } from 'vitest';
import { trafficBetween } from '../src/traffic.js';

describe('trafficBetween', () => {
  it('subtracts the counters, paths first seen later counting from zero, paths with nothing new left out', () => {
    const before = {
      otlp: { '/v1/traces': { requests: 2, bytes: 1000 }, '/v1/metrics': { requests: 1, bytes: 90 } },
      udp: { datagrams: 5, bytes: 500 },
    };
    const after = {
      otlp: { '/v1/traces': { requests: 7, bytes: 4000 }, '/v1/logs': { requests: 1, bytes: 300 }, '/v1/metrics': { requests: 1, bytes: 90 } },
      udp: { datagrams: 9, bytes: 900 },
    };
    expect(trafficBetween(before, after)).toEqual({
      otlp: { '/v1/traces': { requests: 5, bytes: 3000 }, '/v1/logs': { requests: 1, bytes: 300 } },
      udp: { datagrams: 4, bytes: 400 },
    });
  });
});
