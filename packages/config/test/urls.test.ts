import { describe, expect, it } from 'vitest';
import { resolveUrls } from '../src/index.js';

describe('resolveUrls', () => {
  it('defaults to localhost on the standard ports', () => {
    expect(resolveUrls({})).toEqual({
      frontendUrl: 'http://localhost:3000',
      backendUrl: 'http://localhost:4567',
    });
  });

  it('derives both URLs inside a Gitpod workspace', () => {
    const env = { GITPOD_WORKSPACE_ID: 'andrew-cruddur-abc123', GITPOD_WORKSPACE_CLUSTER_HOST: 'ws-us99.gitpod.io' };
    expect(resolveUrls(env)).toEqual({
      frontendUrl: 'https://3000-andrew-cruddur-abc123.ws-us99.gitpod.io',
      backendUrl: 'https://4567-andrew-cruddur-abc123.ws-us99.gitpod.io',
    });
  });

  it('prefers explicit URLs over Gitpod and normalises them to origins', () => {
    const env = {
      GITPOD_WORKSPACE_ID: 'w',
      GITPOD_WORKSPACE_CLUSTER_HOST: 'h',
      FRONTEND_URL: 'https://app.example.com/',
      BACKEND_URL: ' https://api.example.com/some/path ',
    };
    expect(resolveUrls(env)).toEqual({
      frontendUrl: 'https://app.example.com',
      backendUrl: 'https://api.example.com',
    });
  });

  it('treats blank values as unset', () => {
    expect(resolveUrls({ FRONTEND_URL: '  ', BACKEND_URL: '' }).frontendUrl).toBe('http://localhost:3000');
  });

  it('rejects values that are not http(s) URLs, naming the variable', () => {
    expect(() => resolveUrls({ FRONTEND_URL: 'localhost:3000' })).toThrow(/FRONTEND_URL/);
    expect(() => resolveUrls({ BACKEND_URL: 'ftp://x' })).toThrow(/BACKEND_URL/);
  });
});
