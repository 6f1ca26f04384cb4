import { isAbsolute, join } from 'node:path';
import { parseDaemonAddress, parseSamplingRule, type SamplingRule } from '@cruddur/telemetry-config';
import { SERVICE } from '@cruddur/telemetry-conventions';
import { errorMessage, finding, nonBlank, thrown, type Check, type Describe, type Env, type Files, type Finding } from '../finding.js';
import { xrayOtlpTargets } from './xray-otlp.js';

const XRAY = 'X-Ray';
const DEFAULT_RULES_FILE = 'aws/json/xray.json';

/** The API's reading of AWS_XRAY_DAEMON_ADDRESS: host:port, udp:host:port, or "tcp:host:port udp:host:port". */
const checkAddress = (address: string): Finding[] => {
  if (!/\s/.test(address) && address.startsWith('tcp:')) {
    return [finding('xray-address-tcp', `AWS_XRAY_DAEMON_ADDRESS=${address}: the daemon listens on UDP`, `use ${address.replace(/^tcp:/, 'udp:')} (or host:port)`)];
  }
  return thrown('xray-address-invalid', 'use xray-daemon:2000 in compose, 127.0.0.1:2000 elsewhere', () => parseDaemonAddress(address));
};

const rulesPath = (env: Env, files: Files): string => {
  const path = nonBlank(env.AWS_XRAY_SAMPLING_RULES_FILE) ?? DEFAULT_RULES_FILE;
  return isAbsolute(path) ? path : join(files.root, path);
};

/** X-Ray's wildcards: `*` any run of characters, `?` exactly one, case-insensitive. */
const wildcard = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`, 'is');

const checkRulesFile: Check = (env, files) => {
  const path = rulesPath(env, files);
  const text = files.read(path);
  const fail = (message: string): Finding[] => [finding('xray-sampling-rule', `sampling rule file ${path}: ${message}`, `fix the file or point AWS_XRAY_SAMPLING_RULES_FILE at ${DEFAULT_RULES_FILE}`)];
  if (text === undefined) return fail('cannot be read');
  let rule: SamplingRule;
  try {
    rule = parseSamplingRule(JSON.parse(text));
  } catch (error) {
    return fail(error instanceof SyntaxError ? 'is not valid JSON' : errorMessage(error));
  }
  const service = nonBlank(env.OTEL_SERVICE_NAME) ?? SERVICE.backend;
  if (wildcard(rule.serviceName).test(service)) return [];
  return [finding(
    'xray-rule-service',
    `sampling rule ${rule.ruleName} in ${path} is for ServiceName ${JSON.stringify(rule.serviceName)}, not the API's ${service}: X-Ray's default rule applies instead`,
    `set "ServiceName": "${service}" (or "*") in the rule`,
  )];
};

const checkRegion: Check = (env) => {
  const region = nonBlank(env.AWS_REGION);
  const fallback = nonBlank(env.AWS_DEFAULT_REGION);
  if (region === undefined && fallback !== undefined) {
    return [finding('aws-region-default-only', 'only AWS_DEFAULT_REGION is set: the API reads it, the X-Ray daemon container reads AWS_REGION', `also set AWS_REGION=${fallback}`)];
  }
  if (region !== undefined && fallback !== undefined && region !== fallback) {
    return [finding('aws-region-mismatch', `AWS_REGION=${region} and AWS_DEFAULT_REGION=${fallback} disagree; AWS_REGION wins`, 'set both to the same region')];
  }
  return [];
};

export const checkXray: Check = (env, files) => {
  const address = nonBlank(env.AWS_XRAY_DAEMON_ADDRESS);
  return [...checkRegion(env, files), ...(address === undefined ? [] : checkAddress(address)), ...checkRulesFile(env, files)];
};

/** The end of the daemon's support, said where it is in use. */
const DAEMON_END_OF_SUPPORT = '2027-02-25';

export const describeXray: Describe = (env, files) => {
  const address = nonBlank(env.AWS_XRAY_DAEMON_ADDRESS);
  const integration = `${XRAY} daemon`;
  if (address === undefined) return [{ integration, on: false, target: 'AWS_XRAY_DAEMON_ADDRESS is not set' }];
  const otlp = xrayOtlpTargets(env);
  if (otlp.length > 0) return [{ integration, on: false, target: `daemon ${address} not used: X-Ray gets OTLP (${otlp.map(({ via }) => via).join(', ')})` }];
  return [{
    integration,
    on: true,
    target: `daemon ${address}, rule ${rulesPath(env, files)} (the daemon's support ends ${DAEMON_END_OF_SUPPORT}: AWS_XRAY_OTLP=true sends over OTLP instead)`,
  }];
};
