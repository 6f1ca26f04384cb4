import { describe, expect, it } from 'vitest';
import { ConfigError, readCliConfig } from '../src/config.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_SPANS, DEFAULT_MAX_TRACES } from '../src/store/trace-store.js';

describe('readCliConfig', () => {
  it('bounds the store by the defaults when nothing is set', () => {
    expect(readCliConfig({})).toMatchObject({ maxTraces: DEFAULT_MAX_TRACES, maxSpans: DEFAULT_MAX_SPANS, maxBytes: DEFAULT_MAX_BYTES });
  });

  it('reads the store’s limits, memory in MiB', () => {
    expect(readCliConfig({ TRACE_VIEWER_MAX_TRACES: '500', TRACE_VIEWER_MAX_SPANS: '150000', TRACE_VIEWER_MAX_MEMORY_MB: '64' })).toMatchObject({
      maxTraces: 500,
      maxSpans: 150_000,
      maxBytes: 64 * 1024 * 1024,
    });
  });

  it.each([
    ['TRACE_VIEWER_MAX_SPANS', '0'],
    ['TRACE_VIEWER_MAX_SPANS', '1e5'],
    ['TRACE_VIEWER_MAX_MEMORY_MB', '0.5'],
    ['TRACE_VIEWER_MAX_MEMORY_MB', '100000'],
  ])('names %s when it is %j', (name, value) => {
    expect(() => readCliConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readCliConfig({ [name]: value })).toThrow(name);
  });
});
