import { describe, expect, it } from 'vitest';
import { defaultExportUrl, originOf } from '../../src/urls.js';

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
