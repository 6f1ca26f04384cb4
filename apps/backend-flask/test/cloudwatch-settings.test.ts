import { describe, expect, it } from 'vitest';
import { resolveCloudWatchSettings } from '../src/logging/cloudwatch-settings.js';

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };
const noFiles = () => false;
const resolve = (env: Record<string, string>, fileExists: (path: string) => boolean = noFiles) =>
  resolveCloudWatchSettings({ HOME: '/home/cruddur', ...env }, fileExists);

describe('CloudWatch Logs settings', () => {
  it('are off with nothing set, saying why', () => {
    expect(resolve({})).toEqual({ enabled: false, reason: 'no AWS region (set AWS_REGION or AWS_DEFAULT_REGION)' });
  });

  it('are off with a region but no credentials', () => {
    expect(resolve({ AWS_REGION: 'us-east-1' })).toEqual({
      enabled: false,
      reason: 'no AWS credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)',
    });
    expect(resolve({ AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' }).enabled).toBe(false);
  });

  it('are off with credentials but no region', () => {
    expect(resolve(KEYS).enabled).toBe(false);
  });

  it('are on with a region and keys, writing to the group Cruddur', () => {
    expect(resolve({ AWS_REGION: 'us-east-1', ...KEYS })).toEqual({
      enabled: true,
      region: 'us-east-1',
      logGroupName: 'Cruddur',
      credentials: 'environment variables',
      endpoint: undefined,
    });
  });

  it('take the region from AWS_DEFAULT_REGION when AWS_REGION is unset, AWS_REGION first otherwise', () => {
    expect(resolve({ AWS_DEFAULT_REGION: 'eu-west-2', ...KEYS })).toMatchObject({ region: 'eu-west-2' });
    expect(resolve({ AWS_REGION: 'ca-central-1', AWS_DEFAULT_REGION: 'eu-west-2', ...KEYS })).toMatchObject({ region: 'ca-central-1' });
  });

  it('take the group from CLOUDWATCH_LOG_GROUP', () => {
    expect(resolve({ AWS_REGION: 'us-east-1', ...KEYS, CLOUDWATCH_LOG_GROUP: '/cruddur/backend-flask' })).toMatchObject({
      logGroupName: '/cruddur/backend-flask',
    });
  });

  it('refuse a group name CloudWatch would refuse, naming the variable', () => {
    expect(() => resolve({ CLOUDWATCH_LOG_GROUP: 'Cruddur logs!' })).toThrow(/^CLOUDWATCH_LOG_GROUP must be 1 to 512 letters, digits or \. - _ \/ #/);
    expect(() => resolve({ CLOUDWATCH_LOG_GROUP: 'x'.repeat(513) })).toThrow(/CLOUDWATCH_LOG_GROUP/);
  });

  it.each([
    [{ AWS_PROFILE: 'cruddur' }, 'profile cruddur'],
    [{ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/abc' }, 'container credentials'],
    [{ AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials' }, 'container credentials'],
    [{ AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/token' }, 'web identity token'],
  ])('count %o as credentials', (env, source) => {
    expect(resolve({ AWS_REGION: 'us-east-1', ...env })).toMatchObject({ enabled: true, credentials: source });
  });

  it('count a shared credentials or config file as credentials, looking only where the SDK looks', () => {
    const checked: string[] = [];
    const only = (present: string) => (path: string) => {
      checked.push(path);
      return path === present;
    };
    expect(resolve({ AWS_REGION: 'us-east-1' }, only('/home/cruddur/.aws/credentials'))).toMatchObject({
      credentials: 'shared file /home/cruddur/.aws/credentials',
    });
    expect(resolve({ AWS_REGION: 'us-east-1' }, only('/home/cruddur/.aws/config'))).toMatchObject({
      credentials: 'shared file /home/cruddur/.aws/config',
    });
    expect(resolve({ AWS_REGION: 'us-east-1', AWS_SHARED_CREDENTIALS_FILE: '/run/aws/creds' }, only('/run/aws/creds'))).toMatchObject({
      enabled: true,
    });
    expect(resolve({ AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/run/aws/config' }, only('/home/cruddur/.aws/config')).enabled).toBe(false);
    expect(new Set(checked)).toEqual(new Set(['/home/cruddur/.aws/credentials', '/home/cruddur/.aws/config', '/run/aws/creds', '/run/aws/config']));
  });

  it('mention an endpoint override, as the AWS SDK will use it', () => {
    const base = { AWS_REGION: 'us-east-1', ...KEYS };
    expect(resolve({ ...base, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://127.0.0.1:4566' })).toMatchObject({ endpoint: 'http://127.0.0.1:4566' });
    expect(resolve({ ...base, AWS_ENDPOINT_URL: 'http://localstack:4566' })).toMatchObject({ endpoint: 'http://localstack:4566' });
  });
});
