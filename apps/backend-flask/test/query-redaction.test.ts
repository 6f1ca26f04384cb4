import { describe, expect, it } from 'vitest';
import { redactedQueryAttributes } from '../src/telemetry/query-redaction.js';

describe('url.query on the SERVER span', () => {
  it.each([
    ['/api/activities/search?term=a+b&path=%2Fx', 'term=a+b&path=%2Fx'],
    ['/x?token=s3cr3t&term=hi', 'token=[REDACTED]&term=hi'],
    ['/x?term=hi&api_key=abc&api%5Fkey=def&Password=p', 'term=hi&api_key=[REDACTED]&api%5Fkey=[REDACTED]&Password=[REDACTED]'],
    ['/x?access_token=a=b=c&flag&=v', 'access_token=[REDACTED]&flag&=v'],
    ['/x?%E0%A4%A=1&token=t', '%E0%A4%A=1&token=[REDACTED]'],
  ])('keeps %s as sent but for secret values', (url, query) => {
    expect(redactedQueryAttributes(url)).toEqual({ 'url.query': query });
  });

  it('has no url.query without a query string', () => {
    expect(redactedQueryAttributes('/api/activities/home')).toEqual({});
    expect(redactedQueryAttributes('/api/activities/home?')).toEqual({});
    expect(redactedQueryAttributes(undefined)).toEqual({});
  });
});
