import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../src/environment.js';
import { repoWith, ROOT } from './fixtures.js';

describe('loadEnvironment', () => {
  it('reads the root .env, and the process environment wins', () => {
    const files = repoWith({ [`${ROOT}/.env`]: 'HONEYCOMB_API_KEY=from-file\nAWS_REGION=eu-west-1\n' });
    expect(loadEnvironment(files, { AWS_REGION: 'us-east-1' })).toEqual({ HONEYCOMB_API_KEY: 'from-file', AWS_REGION: 'us-east-1' });
  });

  it('works without a .env file', () => {
    expect(loadEnvironment(repoWith(), { PORT: '4567' })).toEqual({ PORT: '4567' });
  });
});
