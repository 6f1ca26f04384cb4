import { describe, expect, it } from 'vitest';
import { buildRollbarItem, parseFrames, type ItemContext } from '../src/errors/rollbarItem';

const CONTEXT: ItemContext = {
  accessToken: 'client-token-1234',
  environment: 'staging',
  source: 'window.error',
  trace: { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' },
  location: { origin: 'http://localhost:3000', pathname: '/messages/@worf' },
  userAgent: 'Mozilla/5.0 test',
  now: new Date('2025-03-01T12:00:00Z'),
  uuid: '6c3e1f2a-0000-4000-8000-000000000001',
};

const V8_STACK = [
  'TypeError: Cannot read properties of undefined (reading "handle")',
  '    at MessageItem (http://localhost:3000/assets/index-abc.js:12:345)',
  '    at renderWithHooks (http://localhost:3000/assets/index-abc.js:1:99)',
  '    at http://localhost:3000/assets/index-abc.js:2:7',
].join('\n');

describe('buildRollbarItem', () => {
  it('builds Rollbar’s item JSON for an error, with the trace and span ids in custom', () => {
    const error = new TypeError('Cannot read properties of undefined (reading "handle")');
    error.stack = V8_STACK;

    expect(buildRollbarItem(error, CONTEXT)).toEqual({
      access_token: 'client-token-1234',
      data: {
        environment: 'staging',
        level: 'error',
        timestamp: 1740830400,
        uuid: '6c3e1f2a-0000-4000-8000-000000000001',
        platform: 'browser',
        language: 'javascript',
        framework: 'react',
        context: '/messages/@worf',
        body: {
          trace: {
            // Oldest call first, as Rollbar reads them.
            frames: [
              { filename: 'http://localhost:3000/assets/index-abc.js', lineno: 2, colno: 7 },
              { filename: 'http://localhost:3000/assets/index-abc.js', lineno: 1, colno: 99, method: 'renderWithHooks' },
              { filename: 'http://localhost:3000/assets/index-abc.js', lineno: 12, colno: 345, method: 'MessageItem' },
            ],
            exception: { class: 'TypeError', message: 'Cannot read properties of undefined (reading "handle")' },
          },
        },
        request: { url: 'http://localhost:3000/messages/@worf' },
        client: { javascript: { browser: 'Mozilla/5.0 test' } },
        notifier: { name: 'cruddur-browser', version: '1' },
        custom: { source: 'window.error', trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331' },
      },
    });
  });

  it('leaves the trace ids out when there is no trace, and adds React’s component stack', () => {
    const { custom } = buildRollbarItem(new Error('x'), { ...CONTEXT, trace: undefined, source: 'react', componentStack: '\n    in Feed\n    in App' }).data;
    expect(custom).toEqual({ source: 'react', component_stack: 'in Feed\n    in App' });
  });

  it.each<[unknown, string]>([
    ['plain text', 'plain text'],
    [{ code: 42 }, '{"code":42}'],
    [undefined, 'undefined'],
  ])('sends a thrown non-error as a message: %j', (thrown, body) => {
    expect(buildRollbarItem(thrown, CONTEXT).data.body).toEqual({ message: { body } });
  });

  it('sends an error without a readable stack as a message', () => {
    const error = new RangeError('too far');
    error.stack = '';
    expect(buildRollbarItem(error, CONTEXT).data.body).toEqual({ message: { body: 'RangeError: too far' } });
  });

  it('clips long messages', () => {
    const { body } = buildRollbarItem('x'.repeat(5_000), CONTEXT).data;
    expect('message' in body && body.message.body.length).toBe(2_001);
  });
});

describe('parseFrames', () => {
  it('reads Firefox and Safari stacks', () => {
    expect(parseFrames('onClick@http://localhost:3000/assets/index.js:3:14\n@http://localhost:3000/assets/index.js:1:1\n')).toEqual([
      { filename: 'http://localhost:3000/assets/index.js', lineno: 1, colno: 1 },
      { filename: 'http://localhost:3000/assets/index.js', lineno: 3, colno: 14, method: 'onClick' },
    ]);
  });

  it('keeps the 50 most recent calls', () => {
    const stack = Array.from({ length: 80 }, (_, i) => `    at f${String(i)} (http://x/a.js:${String(i + 1)}:1)`).join('\n');
    const frames = parseFrames(stack);
    expect(frames).toHaveLength(50);
    expect(frames.at(-1)?.method).toBe('f0');
  });
});
