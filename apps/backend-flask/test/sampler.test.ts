import type { TraceSampler } from '@cruddur/telemetry-config';
import { describe, expect, it } from 'vitest';
import { createSampler } from '../src/telemetry/sampler.js';

describe('createSampler', () => {
  it.each<[TraceSampler, RegExp]>([
    [{ name: 'always_on' }, /^AlwaysOnSampler$/],
    [{ name: 'always_off' }, /^AlwaysOffSampler$/],
    [{ name: 'traceidratio', ratio: 0.25 }, /^TraceIdRatioBased\{0\.25\}$/],
    [{ name: 'parentbased_always_on' }, /^ParentBased\{root=AlwaysOnSampler,/],
    [{ name: 'parentbased_always_off' }, /^ParentBased\{root=AlwaysOffSampler,/],
    [{ name: 'parentbased_traceidratio', ratio: 0.5 }, /^ParentBased\{root=TraceIdRatioBased\{0\.5\},/],
  ])('builds the SDK sampler for %o', (setting, expected) => {
    expect(createSampler(setting).toString()).toMatch(expected);
  });
});
