import { describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, DEFAULT_WRITES_PER_MINUTE, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('defaults to 0.0.0.0:4567 and the local URLs', () => {
    expect(loadConfig({})).toEqual({
      port: 4567,
      host: '0.0.0.0',
      frontendUrl: 'http://localhost:3000',
      backendUrl: 'http://localhost:4567',
      bodyLimit: BODY_LIMIT_BYTES,
      logLevel: 'info',
      rollbar: { enabled: false },
      faultInjection: 'off',
      writeRateLimit: 60,
    });
    expect(BODY_LIMIT_BYTES).toBe(16 * 1024);
    expect(DEFAULT_WRITES_PER_MINUTE).toBe(60);
  });

  it('reads PORT, HOST, LOG_LEVEL and the URLs', () => {
    const config = loadConfig({
      PORT: ' 8080 ',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      FRONTEND_URL: 'https://app.example.com/',
      BACKEND_URL: 'https://api.example.com',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'warn',
      frontendUrl: 'https://app.example.com',
      backendUrl: 'https://api.example.com',
    });
  });

  it('derives the URLs inside Gitpod', () => {
    const config = loadConfig({ GITPOD_WORKSPACE_ID: 'ab-cd', GITPOD_WORKSPACE_CLUSTER_HOST: 'ws.gitpod.io' });
    expect(config.frontendUrl).toBe('https://3000-ab-cd.ws.gitpod.io');
    expect(config.backendUrl).toBe('https://4567-ab-cd.ws.gitpod.io');
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: ' ', HOST: '', LOG_LEVEL: '' })).toMatchObject({ port: 4567, host: '0.0.0.0', logLevel: 'info' });
  });

  it('accepts the extreme ports', () => {
    expect(loadConfig({ PORT: '1' }).port).toBe(1);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it.each(['abc', '0', '65536', '80.5', '-1', '1e3', '0x50', '80abc'])('rejects PORT=%s, naming the variable', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/^PORT must be an integer from 1 to 65535/);
  });

  it('rejects a FRONTEND_URL that is not an http(s) URL', () => {
    expect(() => loadConfig({ FRONTEND_URL: 'localhost:3000' })).toThrow(/FRONTEND_URL/);
    expect(() => loadConfig({ FRONTEND_URL: 'not a url' })).toThrow(/FRONTEND_URL/);
  });

  it('rejects an unknown LOG_LEVEL', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it.each([
    ['0', 0],
    ['1', 1],
    [' 120 ', 120],
    ['', 60],
    ['999999999', 999_999_999],
  ])('reads CRUDDUR_WRITE_RATE_LIMIT=%j as %d writes a minute (0 is off)', (value, limit) => {
    expect(loadConfig({ CRUDDUR_WRITE_RATE_LIMIT: value }).writeRateLimit).toBe(limit);
  });

  it.each(['-1', '1.5', 'off', '1e3', '0x10', '10/min', '1000000000'])('rejects CRUDDUR_WRITE_RATE_LIMIT=%s, naming the variable', (value) => {
    expect(() => loadConfig({ CRUDDUR_WRITE_RATE_LIMIT: value })).toThrow(
      /^CRUDDUR_WRITE_RATE_LIMIT must be a whole number of writes per minute per client \(0 turns the limit off\), got "/,
    );
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
