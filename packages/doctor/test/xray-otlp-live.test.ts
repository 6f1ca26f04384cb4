import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startXrayOtlpStandIn, type XrayOtlpMode } from '@cruddur/stand-ins';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { checkXrayOtlp } from '../src/live/xray-otlp.js';
import { closedPort } from './servers.js';

const TIMEOUT_MS = 2_000;
const REGION = 'ca-central-1';
const CREDENTIALS = { accessKeyId: 'AKIADOCTORTEST000001', secretAccessKey: 'doctor-test-secret-key-0000000000000000000' };

const standIn = async (mode: XrayOtlpMode = 'answer') => {
  const xray = await startXrayOtlpStandIn({ region: REGION, credentials: CREDENTIALS, mode });
  onTestFinished(() => xray.close());
  return xray;
};

const envFor = (endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string } = CREDENTIALS) => ({
  AWS_XRAY_OTLP: 'true',
  AWS_REGION: REGION,
  AWS_ENDPOINT_URL_XRAY: endpoint,
  AWS_ACCESS_KEY_ID: credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
});

describe("X-Ray's OTLP endpoint (live): one signed request of no spans", () => {
  it('is accepted when the credentials, region and service are right', async () => {
    const xray = await standIn();
    const result = await checkXrayOtlp(envFor(xray.endpoint), TIMEOUT_MS);
    expect(result).toEqual({
      statuses: [{ integration: 'X-Ray over OTLP (live)', on: true, target: `127.0.0.1:${String(xray.port)} accepted a request signed for xray in ${REGION} with key ****0001` }],
      findings: [],
    });
    expect(xray.received.map(({ signature, scope, body }) => ({ signature, scope: scope?.service, region: scope?.region, bytes: body.length }))).toEqual([
      { signature: 'valid', scope: 'xray', region: REGION, bytes: 0 },
    ]);
  });

  it("reports a refused signature with X-Ray's error type, never the secret", async () => {
    const xray = await standIn();
    const result = await checkXrayOtlp(envFor(xray.endpoint, { ...CREDENTIALS, secretAccessKey: 'another-secret-0000000000000000000000000' }), TIMEOUT_MS);
    expect(result.findings).toEqual([
      expect.objectContaining({
        id: 'xray-otlp-rejected',
        level: 'error',
        message: `X-Ray at 127.0.0.1:${String(xray.port)} refused a request signed for ${REGION} with key ****0001: 403 InvalidSignatureException`,
      }),
    ]);
    expect(JSON.stringify(result)).not.toContain('another-secret');
  });

  it('warns on any other answer', async () => {
    const xray = await standIn('fail');
    expect((await checkXrayOtlp(envFor(xray.endpoint), TIMEOUT_MS)).findings).toEqual([
      expect.objectContaining({ id: 'xray-otlp-unexpected-answer', level: 'warning', message: `X-Ray at 127.0.0.1:${String(xray.port)} answered 500 to a signed request of no spans` }),
    ]);
  });

  it('skips, at info level, an endpoint it cannot reach', async () => {
    const port = await closedPort();
    expect((await checkXrayOtlp(envFor(`http://127.0.0.1:${String(port)}`), TIMEOUT_MS)).findings).toEqual([
      expect.objectContaining({ id: 'xray-otlp-unreachable', level: 'info', message: `could not reach 127.0.0.1:${String(port)} (connection refused): X-Ray check skipped` }),
    ]);
  });

  it("says when the AWS SDK's chain finds no credentials, sending nothing", async () => {
    const xray = await standIn();
    // The chain reads the process's environment and home: nothing there, no instance metadata.
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE']) {
      vi.stubEnv(name, undefined);
    }
    vi.stubEnv('HOME', mkdtempSync(join(tmpdir(), 'doctor-home-')));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const result = await checkXrayOtlp({ AWS_XRAY_OTLP: 'true', AWS_REGION: REGION, AWS_ENDPOINT_URL_XRAY: xray.endpoint }, TIMEOUT_MS);
    expect(result.findings).toEqual([
      expect.objectContaining({ id: 'xray-otlp-credentials-missing', level: 'error', message: "the AWS SDK found no credentials to sign X-Ray's requests with (CredentialsProviderError)" }),
    ]);
    expect(xray.received).toEqual([]);
  });

  it('checks nothing when X-Ray over OTLP is off', async () => {
    expect(await checkXrayOtlp({}, TIMEOUT_MS)).toEqual({ statuses: [], findings: [] });
  });
});
