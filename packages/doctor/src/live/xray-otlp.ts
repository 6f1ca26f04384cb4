import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { maskSecret, XRAY_SIGNING_SERVICE } from '@cruddur/telemetry-config';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { xrayOtlpTargets, type XrayOtlpTarget } from '../checks/xray-otlp.js';
import { finding, nonBlank, type Env } from '../finding.js';
import { fetchOnce, networkReason } from './network.js';
import type { LiveResult } from './result.js';

const ROW = 'X-Ray over OTLP (live)';

interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/**
 * What the API's AWS SDK chain would use: the keys in the configuration
 * the doctor read (`.env` and the shell), else the SDK's own default chain
 * (profile, SSO, container or instance role), for AWS_PROFILE if set.
 */
const credentialsFor = (env: Env): Credentials | (() => Promise<Credentials>) => {
  const accessKeyId = nonBlank(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = nonBlank(env.AWS_SECRET_ACCESS_KEY);
  const sessionToken = nonBlank(env.AWS_SESSION_TOKEN);
  if (accessKeyId !== undefined && secretAccessKey !== undefined) return { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) };
  const profile = nonBlank(env.AWS_PROFILE);
  return defaultProvider(profile === undefined ? {} : { profile });
};

const timedOut = (timeoutMs: number): Promise<never> =>
  new Promise((_resolve, reject) => {
    setTimeout(() => {
      reject(Object.assign(new Error('timed out'), { code: 'DOCTOR_TIMEOUT' }));
    }, timeoutMs).unref();
  });

/** An empty ExportTraceServiceRequest: a valid export of no spans, so the check adds nothing to X-Ray. */
const EMPTY_EXPORT = '';

type Signed = { readonly kind: 'signed'; readonly headers: Record<string, string>; readonly keyId: string } | { readonly kind: 'no credentials'; readonly reason: string };

/** The request signed by the AWS SDK's signer, as the API signs its exports; credentials resolved within `timeoutMs`. */
const sign = async ({ url, region }: XrayOtlpTarget, env: Env, timeoutMs: number): Promise<Signed> => {
  const provider = credentialsFor(env);
  let credentials: Credentials;
  try {
    credentials = typeof provider === 'function' ? await Promise.race([provider(), timedOut(timeoutMs)]) : provider;
  } catch (error) {
    // The provider's own message may quote a profile or a path: its name only.
    return { kind: 'no credentials', reason: (error as { code?: unknown }).code === 'DOCTOR_TIMEOUT' ? networkReason(error, timeoutMs) : error instanceof Error ? error.name : 'unknown error' };
  }
  const { protocol, hostname, port, pathname, host } = new URL(url);
  const signer = new SignatureV4({ service: XRAY_SIGNING_SERVICE, region, credentials, sha256: Sha256 });
  const request = await signer.sign({
    method: 'POST',
    protocol,
    hostname,
    path: pathname,
    headers: { host, 'content-type': 'application/x-protobuf', 'content-length': '0' },
    body: EMPTY_EXPORT,
    ...(port ? { port: Number(port) } : {}),
  });
  return { kind: 'signed', headers: request.headers, keyId: credentials.accessKeyId };
};

/**
 * One signed OTLP request of no spans to each X-Ray endpoint the API sends
 * to: whether the credentials, region and permissions hold, named by
 * X-Ray's error type (never its message, which may quote the request).
 */
export const checkXrayOtlp = async (env: Env, timeoutMs: number): Promise<LiveResult> => {
  const results = await Promise.all(
    xrayOtlpTargets(env).map(async (target): Promise<LiveResult> => {
      const host = new URL(target.url).host;
      const signed = await sign(target, env, timeoutMs);
      if (signed.kind === 'no credentials') {
        return {
          statuses: [{ integration: ROW, on: false, target: `not checked: no AWS credentials (${signed.reason})` }],
          findings: [finding('xray-otlp-credentials-missing', `the AWS SDK found no credentials to sign X-Ray's requests with (${signed.reason})`)],
        };
      }
      const outcome = await fetchOnce(target.url, { method: 'POST', headers: signed.headers, body: EMPTY_EXPORT, timeoutMs });
      if (outcome.kind === 'unreachable') {
        return {
          statuses: [{ integration: ROW, on: false, target: `not checked: could not reach ${host}` }],
          findings: [finding('xray-otlp-unreachable', `could not reach ${host} (${outcome.reason}): X-Ray check skipped`)],
        };
      }
      const key = maskSecret(signed.keyId);
      const errorType = outcome.headers['x-amzn-errortype'];
      const why = typeof errorType === 'string' && /^[A-Za-z]+/.test(errorType) ? ` ${/^[A-Za-z]+/.exec(errorType)?.[0] ?? ''}` : '';
      if (outcome.status >= 200 && outcome.status < 300) {
        return { statuses: [{ integration: ROW, on: true, target: `${host} accepted a request signed for xray in ${target.region} with key ${key}` }], findings: [] };
      }
      if (outcome.status === 401 || outcome.status === 403) {
        return {
          statuses: [{ integration: ROW, on: false, target: `${host} refused key ${key} (${String(outcome.status)}${why})` }],
          findings: [finding('xray-otlp-rejected', `X-Ray at ${host} refused a request signed for ${target.region} with key ${key}: ${String(outcome.status)}${why}`)],
        };
      }
      return {
        statuses: [{ integration: ROW, on: false, target: `${host} answered ${String(outcome.status)}${why}` }],
        findings: [finding('xray-otlp-unexpected-answer', `X-Ray at ${host} answered ${String(outcome.status)}${why} to a signed request of no spans`)],
      };
    }),
  );
  return { statuses: results.flatMap(({ statuses }) => statuses), findings: results.flatMap(({ findings }) => findings) };
};
