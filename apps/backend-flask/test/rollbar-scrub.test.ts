import { describe, expect, it } from 'vitest';
import { REDACTED, isSecretName, scrubBody, scrubHeaders, scrubUrl } from '../src/rollbar/scrub.js';

describe('what of a request goes to Rollbar', () => {
  it.each(['authorization', 'Cookie', 'set-cookie', 'x-honeycomb-team', 'x-api-key', 'api_key', 'apiKey', 'HONEYCOMB_API_KEY', 'refresh_token', 'client_secret', 'password', 'passwd', 'session_id', 'x-amz-signature', 'private_key'])(
    'treats %s as secret',
    (name) => {
      expect(isSecretName(name)).toBe(true);
    },
  );

  it.each(['content-type', 'traceparent', 'user-agent', 'author', 'handle', 'ttl', 'user_receiver_handle', 'x-cruddur-fault'])('keeps %s', (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it('replaces secret headers and drops absent ones', () => {
    expect(scrubHeaders({ authorization: 'Bearer x', accept: 'application/json', 'x-forwarded-for': undefined })).toEqual({
      authorization: REDACTED,
      accept: 'application/json',
    });
  });

  it('replaces secret query parameters, every occurrence', () => {
    expect(scrubUrl('/api/x?token=a&q=cloud&token=b')).toBe('/api/x?token=%5BREDACTED%5D&q=cloud');
    expect(scrubUrl('/api/activities/home')).toBe('/api/activities/home');
  });

  it('replaces secret fields at any depth, withholds message text, outlines deep or long bodies', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } };
    expect(scrubBody({ user: { password: 'p', name: 'n' }, message: 'private words', list: Array.from({ length: 60 }, (_, i) => i), deep })).toEqual({
      user: { password: REDACTED, name: 'n' },
      message: '[message of 13 characters]',
      list: Array.from({ length: 50 }, (_, i) => i),
      deep: { a: { b: { c: { d: { e: { f: { g: '[nested too deep]' } } } } } } },
    });
  });

  it('leaves out bodies that are not parsed JSON', () => {
    expect(scrubBody(Buffer.from('protobuf'))).toBeUndefined();
    expect(scrubBody(undefined)).toBeUndefined();
    expect(scrubBody('text')).toBeUndefined();
  });
});
