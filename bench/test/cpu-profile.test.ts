import { describe, expect, it } from 'vitest';
import { categoryOf, summarizeProfile, type CpuProfile } from '../src/cpu-profile.js';

const frame = (url: string, functionName = 'f') => ({ url, functionName, lineNumber: 0 });

describe('categoryOf', () => {
  it('names the innermost npm package, scoped or not, as pnpm nests them', () => {
    expect(categoryOf(frame('file:///r/node_modules/.pnpm/@opentelemetry+sdk-trace@2.12.0/node_modules/@opentelemetry/sdk-trace/build/src/Span.js'))).toBe(
      '@opentelemetry/sdk-trace',
    );
    expect(categoryOf(frame('file:///r/node_modules/.pnpm/fastify@5.12.8/node_modules/fastify/lib/reply.js'))).toBe('fastify');
  });
  it('names workspace packages, with the API’s telemetry apart', () => {
    expect(categoryOf(frame('file:///r/apps/backend-flask/dist/services/traced.js'))).toBe('backend-flask');
    expect(categoryOf(frame('file:///r/apps/backend-flask/dist/telemetry/xray/exporter.js'))).toBe('backend-flask/telemetry');
    expect(categoryOf(frame('file:///r/packages/api-contract/dist/index.js'))).toBe('api-contract');
  });
  it('groups node’s own modules and keeps V8’s pseudo-frames', () => {
    expect(categoryOf(frame('node:internal/streams/writable'))).toBe('node core');
    expect(categoryOf(frame('', '(garbage collector)'))).toBe('(garbage collector)');
    expect(categoryOf(frame('', 'writev'))).toBe('(native)');
  });
});

describe('summarizeProfile', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('', '(root)') },
      { id: 2, callFrame: { url: 'file:///r/node_modules/pino/lib/tools.js', functionName: 'asJson', lineNumber: 143 } },
      { id: 3, callFrame: frame('', '(idle)') },
    ],
    startTime: 0,
    endTime: 10_000,
    // Each sample is charged the delta that follows it.
    samples: [2, 2, 3, 2],
    timeDeltas: [0, 1000, 2000, 7000],
  };

  it('charges each sample the time until the next one, by package and by function', () => {
    const summary = summarizeProfile(profile);
    expect(summary.totalMs).toBe(10);
    expect(summary.categories).toEqual([
      { name: '(idle)', ms: 7, share: 0.7 },
      { name: 'pino', ms: 3, share: 0.3 },
    ]);
    expect(summary.functions[1]).toEqual({ name: 'asJson', category: 'pino', location: 'pino/lib/tools.js:144', ms: 3, share: 0.3 });
  });
  it('keeps only the top functions asked for', () => {
    expect(summarizeProfile(profile, 1).functions).toHaveLength(1);
  });
});
