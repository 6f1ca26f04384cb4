import { awsRegion, printableUrl, resolveTraceExport, resolveXrayOtlp, xrayRegionOf } from '@cruddur/telemetry-config';
import { finding, nonBlank, thrown, type Check, type Describe, type Env, type Finding } from '../finding.js';
import { awsCredentialSource } from './aws-credentials.js';

/** An X-Ray OTLP endpoint the API sends to, and what made it do so. */
export interface XrayOtlpTarget {
  readonly url: string;
  readonly region: string;
  /** `AWS_XRAY_OTLP=true`, or the variable that names X-Ray as the trace destination. */
  readonly via: string;
}

const destinationVariable = (env: Env): string =>
  nonBlank(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) === undefined ? 'OTEL_EXPORTER_OTLP_ENDPOINT' : 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT';

/**
 * Where the API sends X-Ray its spans over OTLP, signed, as it reads the
 * configuration: AWS_XRAY_OTLP=true, and X-Ray's own endpoint as the trace
 * destination. Empty when neither, or when the variables are malformed
 * (the offline checks say which).
 */
export const xrayOtlpTargets = (env: Env): XrayOtlpTarget[] => {
  const targets: XrayOtlpTarget[] = [];
  try {
    const destination = resolveTraceExport(env);
    if (!destination.enabled) return [];
    const region = destination.destination === 'xray' ? xrayRegionOf(destination.url) : undefined;
    if (region !== undefined) targets.push({ url: destination.url, region, via: destinationVariable(env) });
    const copy = resolveXrayOtlp(env);
    if (copy !== undefined && copy.url !== destination.url) targets.push({ url: copy.url, region: copy.region, via: 'AWS_XRAY_OTLP=true' });
  } catch {
    return [];
  }
  return targets;
};

const checkHalfKeys: Check = (env) => {
  const keyId = nonBlank(env.AWS_ACCESS_KEY_ID) !== undefined;
  const secret = nonBlank(env.AWS_SECRET_ACCESS_KEY) !== undefined;
  if (keyId === secret) return [];
  const [set, missing] = keyId ? ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] : ['AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID'];
  return [finding('aws-keys-half-set', `${set} is set but ${missing} is not: the AWS SDK ignores the pair and looks elsewhere`, `set ${missing} too (both come from the same access key), or unset ${set}`)];
};

export const checkXrayOtlp: Check = (env, files) => {
  const invalid = thrown('xray-otlp-invalid', 'set AWS_XRAY_OTLP=true with AWS_REGION (e.g. us-east-1); AWS_ENDPOINT_URL_XRAY only to point at a stand-in', () => resolveXrayOtlp(env));
  const targets = xrayOtlpTargets(env);
  const found: Finding[] = [...checkHalfKeys(env, files), ...invalid];
  if (targets.length > 0 && awsCredentialSource(env, files) === undefined) {
    found.push(finding('xray-otlp-no-credentials', `X-Ray over OTLP (${targets.map(({ via }) => via).join(', ')}) needs AWS credentials, and none are in the environment, a profile or ~/.aws`));
  }
  const daemon = nonBlank(env.AWS_XRAY_DAEMON_ADDRESS);
  if (targets.length > 0 && daemon !== undefined) {
    found.push(finding('xray-both-paths', `X-Ray gets OTLP (${targets.map(({ via }) => via).join(', ')}) and AWS_XRAY_DAEMON_ADDRESS=${daemon} is set: the API leaves the daemon unused`));
  }
  return found;
};

const regionFrom = (env: Env, region: string): string => {
  try {
    const configured = awsRegion(env);
    return configured?.region === region ? `${region} (${configured.variable})` : `${region} (from the endpoint's host)`;
  } catch {
    return region;
  }
};

export const describeXrayOtlp: Describe = (env, files) => {
  const targets = xrayOtlpTargets(env);
  if (targets.length === 0) return [{ integration: 'X-Ray over OTLP', on: false, target: 'AWS_XRAY_OTLP is not set' }];
  const credentials = awsCredentialSource(env, files) ?? 'no credentials found here (an instance role, if any)';
  return targets.map(({ url, region, via }) => ({
    integration: 'X-Ray over OTLP',
    on: true,
    target: `${printableUrl(url)}, signed for xray in ${regionFrom(env, region)}, via ${via}; credentials: ${credentials}`,
  }));
};
