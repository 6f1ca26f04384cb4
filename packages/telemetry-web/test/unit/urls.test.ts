import { urlMatches } from '@opentelemetry/core';
import { describe, expect, it } from 'vitest';
import { defaultExportUrl, exactOriginPattern, originOf } from '../../src/urls.js';

// instrumentation-fetch decides on traceparent with core's urlMatches.
const propagates = (origin: string, url: string): boolean => urlMatches(url, exactOriginPattern(origin));

describe('exactOriginPattern', () => {
  it('matches every URL on the backend origin', () => {
    const origin = 'http://localhost:4567';
    expect(propagates(origin, 'http://localhost:4567/')).toBe(true);
    expect(propagates(origin, 'http://localhost:4567/api/activities/home')).toBe(true);
    expect(propagates(origin, 'http://localhost:4567/api/activities/search?term=x')).toBe(true);
  });

  it('matches nothing else: longer port, longer host, other scheme, origin in the query', () => {
    const origin = 'http://localhost:4567';
    expect(propagates(origin, 'http://localhost:45670/api')).toBe(false);
    expect(propagates(origin, 'http://localhost:4567.evil.com/api')).toBe(false);
    expect(propagates(origin, 'https://localhost:4567/api')).toBe(false);
    expect(propagates(origin, 'http://localhost/api')).toBe(false);
    expect(propagates(origin, 'http://127.0.0.1:4567/api')).toBe(false);
    expect(propagates(origin, 'http://evil.com/?next=http://localhost:4567/')).toBe(false);
  });

  it('takes the dots of a host name literally', () => {
    const origin = 'https://4567-abc.ws.gitpod.io';
    expect(propagates(origin, 'https://4567-abc.ws.gitpod.io/api')).toBe(true);
    expect(propagates(origin, 'https://4567-abcXws.gitpod.io/api')).toBe(false);
  });
});

describe('originOf', () => {
  it('reduces an http(s) URL to its origin', () => {
    expect(originOf('backendUrl', 'http://localhost:4567/')).toBe('http://localhost:4567');
    expect(originOf('backendUrl', 'https://api.example.com:443/base')).toBe('https://api.example.com');
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(() => originOf('backendUrl', '/api')).toThrow(/backendUrl must be an absolute http\(s\) URL/);
    expect(() => originOf('backendUrl', 'localhost:4567')).toThrow(/backendUrl/);
    expect(() => originOf('backendUrl', 'ftp://localhost:4567')).toThrow(/backendUrl/);
  });
});

describe('defaultExportUrl', () => {
  it('is the API’s relay path', () => {
    expect(defaultExportUrl('http://localhost:4567')).toBe('http://localhost:4567/v1/traces');
    expect(defaultExportUrl('http://localhost:4567/')).toBe('http://localhost:4567/v1/traces');
  });
});
