import { describe, expect, it } from 'vitest';
import { toXrayTraceId } from '../src/index.js';

describe('toXrayTraceId', () => {
  it('splits the epoch second from the random part', () => {
    expect(toXrayTraceId('5f84c7a15f3ba6c2f3ab41e7a6c0d3f1')).toBe('1-5f84c7a1-5f3ba6c2f3ab41e7a6c0d3f1');
  });

  it('keeps the id readable back: dropping the dashes and the version gives the W3C id', () => {
    const traceId = '6740a1b2c3d4e5f60718293a4b5c6d7e';
    const [version, epoch, rest] = toXrayTraceId(traceId).split('-');
    expect(version).toBe('1');
    expect(`${epoch ?? ''}${rest ?? ''}`).toBe(traceId);
    expect(epoch).toHaveLength(8);
    expect(rest).toHaveLength(24);
  });

  it.each([
    ['too short', '5f84c7a15f3ba6c2'],
    ['upper case', '5F84C7A15F3BA6C2F3AB41E7A6C0D3F1'],
    ['not hex', '5f84c7a15f3ba6c2f3ab41e7a6c0d3fz'],
    ['all zeros (invalid in W3C)', '0'.repeat(32)],
    ['already in X-Ray form', '1-5f84c7a1-5f3ba6c2f3ab41e7a6c0d3f1'],
  ])('refuses %s', (_case, traceId) => {
    expect(() => toXrayTraceId(traceId)).toThrow(`not a W3C trace id: "${traceId}"`);
  });
});
