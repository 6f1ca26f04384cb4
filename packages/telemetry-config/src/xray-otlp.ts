import { httpUrl, type Env } from './export-config.js';

/** The service name X-Ray's OTLP endpoint is signed for (SigV4). */
export const XRAY_SIGNING_SERVICE = 'xray';

// AWS's region codes: us-east-1, eu-central-2, us-gov-west-1, cn-north-1, eusc-de-east-1...
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/;
// X-Ray's own OTLP host (and the China partition's).
const XRAY_HOST = /^xray\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

/** The region X-Ray's OTLP endpoint at `url` is in, or undefined when `url` is not one. */
export const xrayRegionOf = (url: string): string | undefined => {
  const region = XRAY_HOST.exec(new URL(url).hostname)?.[1];
  return region !== undefined && REGION.test(region) ? region : undefined;
};

/** `https://xray.<region>.amazonaws.com/v1/traces`. */
export const xrayOtlpUrl = (region: string): string => `https://xray.${region}.amazonaws.com/v1/traces`;

export interface AwsRegion {
  readonly region: string;
  /** The variable it came from: AWS_REGION, else AWS_DEFAULT_REGION (as the AWS SDK reads them). */
  readonly variable: 'AWS_REGION' | 'AWS_DEFAULT_REGION';
}

const nonBlank = (value: string | undefined): string | undefined => value?.trim() || undefined;

/** The configured region, checked; undefined when neither variable is set. Throws naming the variable when malformed. */
export const awsRegion = (env: Env): AwsRegion | undefined => {
  const variable = nonBlank(env.AWS_REGION) ? 'AWS_REGION' : nonBlank(env.AWS_DEFAULT_REGION) ? 'AWS_DEFAULT_REGION' : undefined;
  if (variable === undefined) return undefined;
  const region = nonBlank(env[variable]) ?? '';
  if (!REGION.test(region)) throw new Error(`${variable} must be an AWS region code such as us-east-1, got ${JSON.stringify(env[variable])}`);
  return { region, variable };
};

/** Where the API sends X-Ray its spans over OTLP (AWS_XRAY_OTLP=true). */
export interface XrayOtlp {
  readonly url: string;
  readonly region: string;
  /** What named the URL: AWS_ENDPOINT_URL_XRAY or AWS_ENDPOINT_URL, or the region (X-Ray's own endpoint). */
  readonly urlFrom: 'AWS_ENDPOINT_URL_XRAY' | 'AWS_ENDPOINT_URL' | AwsRegion['variable'];
}

export const XRAY_OTLP_VARIABLE = 'AWS_XRAY_OTLP';
export const XRAY_ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_XRAY';

/**
 * AWS_ENDPOINT_URL_XRAY (else AWS_ENDPOINT_URL, for every service) is the
 * service's base URL, as for the AWS SDK's clients; OTLP's path is
 * appended unless it is there already.
 */
const endpointOverride = (variable: string, raw: string): string => {
  const url = httpUrl(variable, raw);
  if (url.username || url.password || url.search) {
    throw new Error(`${variable} must hold no credentials or query string: requests to it are signed`);
  }
  if (!url.pathname.replace(/\/+$/, '').endsWith('/v1/traces')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1/traces`;
  return url.href;
};

/**
 * X-Ray over OTLP, on with AWS_XRAY_OTLP=true: a region (AWS_REGION or
 * AWS_DEFAULT_REGION) is then required, and AWS_ENDPOINT_URL_XRAY (or
 * AWS_ENDPOINT_URL) may name another endpoint. Undefined when off; throws one sentence naming the
 * variable on a malformed or missing value. Credentials are the AWS SDK's
 * business (its default chain), looked up when the first batch is signed.
 */
export const resolveXrayOtlp = (env: Env): XrayOtlp | undefined => {
  const setting = nonBlank(env[XRAY_OTLP_VARIABLE])?.toLowerCase();
  if (setting === undefined || setting === 'false') return undefined;
  if (setting !== 'true') throw new Error(`${XRAY_OTLP_VARIABLE} must be true or false, got ${JSON.stringify(env[XRAY_OTLP_VARIABLE])}`);
  const region = awsRegion(env);
  if (region === undefined) throw new Error(`${XRAY_OTLP_VARIABLE}=true needs an AWS region: set AWS_REGION (or AWS_DEFAULT_REGION), e.g. us-east-1`);
  const urlFrom = nonBlank(env[XRAY_ENDPOINT_VARIABLE]) ? XRAY_ENDPOINT_VARIABLE : nonBlank(env.AWS_ENDPOINT_URL) ? 'AWS_ENDPOINT_URL' : undefined;
  return urlFrom === undefined
    ? { url: xrayOtlpUrl(region.region), region: region.region, urlFrom: region.variable }
    : { url: endpointOverride(urlFrom, nonBlank(env[urlFrom]) ?? ''), region: region.region, urlFrom };
};
