import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/registry.js';
import { render } from '../src/render.js';
import { findings, repoWith } from './fixtures.js';

const KEY_ID = 'AKIAEXAMPLEKEYID1234';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ON = { AWS_XRAY_OTLP: 'true', AWS_REGION: 'us-east-1' };
const KEYS = { AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET };

const rows = (env: Record<string, string>, files = repoWith()) => diagnose(env, files).statuses.filter(({ integration }) => integration.startsWith('X-Ray'));

describe('X-Ray over OTLP (offline)', () => {
  it('is off, without findings, until AWS_XRAY_OTLP=true', () => {
    expect(rows({})).toEqual([
      { integration: 'X-Ray daemon', on: false, target: 'AWS_XRAY_DAEMON_ADDRESS is not set' },
      { integration: 'X-Ray over OTLP', on: false, target: 'AWS_XRAY_OTLP is not set' },
    ]);
    expect(findings({})).toEqual([]);
  });

  it('names the endpoint, the region and where the credentials come from, masked', () => {
    const env = { ...ON, ...KEYS };
    expect(rows(env)[1]).toEqual({
      integration: 'X-Ray over OTLP',
      on: true,
      target: 'https://xray.us-east-1.amazonaws.com/v1/traces, signed for xray in us-east-1 (AWS_REGION), via AWS_XRAY_OTLP=true; credentials: keys from the environment (AWS_ACCESS_KEY_ID ****1234, AWS_SECRET_ACCESS_KEY ****EKEY)',
    });
    expect(findings(env)).toEqual([]);
    const output = render(diagnose(env, repoWith()));
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain(KEY_ID);
  });

  it('finds credentials in a profile or in ~/.aws, as the AWS SDK would', () => {
    expect(rows({ ...ON, AWS_PROFILE: 'bootcamp' })[1]?.target).toMatch(/credentials: profile bootcamp$/);
    const home = repoWith({ '/home/student/.aws/credentials': '[default]\n' });
    expect(rows({ ...ON, HOME: '/home/student' }, home)[1]?.target).toMatch(/credentials: the default profile in \/home\/student\/\.aws\/credentials$/);
    expect(findings({ ...ON, HOME: '/home/student' }, home)).toEqual([]);
  });

  it('warns when no credentials are to be found', () => {
    expect(findings({ ...ON, HOME: '/home/nobody' })).toEqual([
      expect.objectContaining({ id: 'xray-otlp-no-credentials', level: 'warning', message: 'X-Ray over OTLP (AWS_XRAY_OTLP=true) needs AWS credentials, and none are in the environment, a profile or ~/.aws' }),
    ]);
  });

  it('refuses what stops the API at start', () => {
    expect(findings({ AWS_XRAY_OTLP: 'true', ...KEYS })).toEqual([
      expect.objectContaining({ id: 'xray-otlp-invalid', level: 'error', message: expect.stringContaining('AWS_XRAY_OTLP=true needs an AWS region') as unknown }),
    ]);
    expect(findings({ AWS_XRAY_OTLP: 'yes', AWS_REGION: 'us-east-1' })[0]).toMatchObject({ id: 'xray-otlp-invalid', message: 'AWS_XRAY_OTLP must be true or false, got "yes"' });
  });

  it('says a key without its secret (or the reverse) is ignored by the AWS SDK', () => {
    expect(findings({ AWS_ACCESS_KEY_ID: KEY_ID })).toEqual([
      expect.objectContaining({ id: 'aws-keys-half-set', level: 'error', message: 'AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: the AWS SDK ignores the pair and looks elsewhere' }),
    ]);
  });

  it('says the daemon goes unused when both paths are configured', () => {
    const env = { ...ON, ...KEYS, AWS_XRAY_DAEMON_ADDRESS: 'xray-daemon:2000' };
    expect(findings(env)).toEqual([expect.objectContaining({ id: 'xray-both-paths', level: 'info' })]);
    expect(rows(env)[0]).toEqual({ integration: 'X-Ray daemon', on: false, target: 'daemon xray-daemon:2000 not used: X-Ray gets OTLP (AWS_XRAY_OTLP=true)' });
    expect(findings({ ...KEYS, AWS_XRAY_DAEMON_ADDRESS: 'xray-daemon:2000', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://xray.us-east-1.amazonaws.com/v1/traces' })).toEqual([
      expect.objectContaining({
        id: 'xray-both-paths',
        message: 'X-Ray gets OTLP (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and AWS_XRAY_DAEMON_ADDRESS=xray-daemon:2000 is set: the API leaves the daemon unused',
      }),
    ]);
    expect(rows({ AWS_XRAY_DAEMON_ADDRESS: 'xray-daemon:2000' })[0]?.target).toContain("the daemon's support ends 2027-02-25");
  });

  it("knows X-Ray's endpoint named as the trace destination, its region from the host", () => {
    const env = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://xray.eu-west-1.amazonaws.com/v1/traces', ...KEYS };
    expect(rows(env)[1]?.target).toMatch(/^https:\/\/xray\.eu-west-1\.amazonaws\.com\/v1\/traces, signed for xray in eu-west-1 \(from the endpoint's host\), via OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;/);
  });
});
