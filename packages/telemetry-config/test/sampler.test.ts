import { describe, expect, it } from 'vitest';
import { describeTraceSampler, resolveTraceSampler } from '../src/index.js';

describe('resolveTraceSampler', () => {
  it('defaults to parentbased_always_on, also for blank values', () => {
    expect(resolveTraceSampler({})).toEqual({ name: 'parentbased_always_on' });
    expect(resolveTraceSampler({ OTEL_TRACES_SAMPLER: '  ' })).toEqual({ name: 'parentbased_always_on' });
  });

  it.each(['always_on', 'always_off', 'parentbased_always_on', 'parentbased_always_off'] as const)(
    'reads %s and ignores OTEL_TRACES_SAMPLER_ARG for it',
    (name) => {
      expect(resolveTraceSampler({ OTEL_TRACES_SAMPLER: name, OTEL_TRACES_SAMPLER_ARG: 'not a number' })).toEqual({ name });
    },
  );

  it.each(['traceidratio', 'parentbased_traceidratio'] as const)('reads %s with its ratio', (name) => {
    expect(resolveTraceSampler({ OTEL_TRACES_SAMPLER: name, OTEL_TRACES_SAMPLER_ARG: '0.25' })).toEqual({ name, ratio: 0.25 });
    expect(resolveTraceSampler({ OTEL_TRACES_SAMPLER: name, OTEL_TRACES_SAMPLER_ARG: ' 1 ' })).toEqual({ name, ratio: 1 });
    expect(resolveTraceSampler({ OTEL_TRACES_SAMPLER: name, OTEL_TRACES_SAMPLER_ARG: '0' })).toEqual({ name, ratio: 0 });
    expect(resolveTraceSampler({ OTEL_TRACES_SAMPLER: name, OTEL_TRACES_SAMPLER_ARG: '.5' })).toEqual({ name, ratio: 0.5 });
    expect(resolveTraceSampler({ OTEL_TRACES_SAMPLER: name, OTEL_TRACES_SAMPLER_ARG: '1e-2' })).toEqual({ name, ratio: 0.01 });
  });

  it('keeps every trace when a ratio sampler has no argument', () => {
    expect(resolveTraceSampler({ OTEL_TRACES_SAMPLER: 'traceidratio' })).toEqual({ name: 'traceidratio', ratio: 1 });
  });

  it('reads names case-insensitively', () => {
    expect(resolveTraceSampler({ OTEL_TRACES_SAMPLER: ' ParentBased_TraceIdRatio ', OTEL_TRACES_SAMPLER_ARG: '0.1' })).toEqual({
      name: 'parentbased_traceidratio',
      ratio: 0.1,
    });
  });

  it.each(['always', 'jaeger_remote', 'xray', 'parentbased_always_onn'])('rejects OTEL_TRACES_SAMPLER=%s, naming the variable', (name) => {
    expect(() => resolveTraceSampler({ OTEL_TRACES_SAMPLER: name })).toThrow(
      /^OTEL_TRACES_SAMPLER must be one of always_on, always_off, parentbased_always_on, parentbased_always_off, traceidratio, parentbased_traceidratio, got "/,
    );
  });

  it.each(['1.5', '-0.1', 'half', '0x1', '50%', 'NaN', 'Infinity', '0.5.1'])('rejects OTEL_TRACES_SAMPLER_ARG=%s', (arg) => {
    expect(() => resolveTraceSampler({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: arg })).toThrow(
      `OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got ${JSON.stringify(arg)}`,
    );
  });
});

describe('describeTraceSampler', () => {
  it('names the sampler and its ratio', () => {
    expect(describeTraceSampler({ name: 'parentbased_always_on' })).toBe('parentbased_always_on');
    expect(describeTraceSampler({ name: 'traceidratio', ratio: 0.25 })).toBe('traceidratio (ratio 0.25)');
  });
});
