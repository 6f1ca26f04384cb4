import { isAbsolute, join } from 'node:path';
import { parseDaemonAddress } from '@cruddur/telemetry-config';
import { SERVICE } from '@cruddur/telemetry-conventions';
import { nonBlank, type Check, type Describe, type Env, type Files, type Finding } from '../finding.js';

const XRAY = 'X-Ray';
const DEFAULT_RULES_FILE = 'aws/json/xray.json';

/** The API's reading of AWS_XRAY_DAEMON_ADDRESS: host:port, udp:host:port, or "tcp:host:port udp:host:port". */
const checkAddress = (address: string): Finding[] => {
  if (!/\s/.test(address) && address.startsWith('tcp:')) {
    return [{ level: 'error', integration: XRAY, message: `AWS_XRAY_DAEMON_ADDRESS=${address}: the daemon listens on UDP`, fix: `use ${address.replace(/^tcp:/, 'udp:')} (or host:port)` }];
  }
  try {
    parseDaemonAddress(address);
    return [];
  } catch (error) {
    return [{ level: 'error', integration: XRAY, message: (error as Error).message, fix: 'use xray-daemon:2000 in compose, 127.0.0.1:2000 elsewhere' }];
  }
};

const rulesPath = (env: Env, files: Files): string => {
  const path = nonBlank(env.AWS_XRAY_SAMPLING_RULES_FILE) ?? DEFAULT_RULES_FILE;
  return isAbsolute(path) ? path : join(files.root, path);
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with the rule document, or undefined when it is fine. */
const ruleProblem = (document: unknown, service: string): string | undefined => {
  const rule = isObject(document) ? document.SamplingRule : undefined;
  if (!isObject(rule)) return 'expected {"SamplingRule": {...}}';
  if (typeof rule.RuleName !== 'string' || rule.RuleName === '') return 'SamplingRule.RuleName is missing';
  if (typeof rule.FixedRate !== 'number' || rule.FixedRate < 0 || rule.FixedRate > 1) return 'SamplingRule.FixedRate must be a number from 0 to 1';
  if (!Number.isInteger(rule.ReservoirSize) || (rule.ReservoirSize as number) < 0) return 'SamplingRule.ReservoirSize must be an integer of 0 or more';
  if (rule.ServiceName !== service && rule.ServiceName !== '*') return `SamplingRule.ServiceName is ${JSON.stringify(rule.ServiceName)}, not the API's ${service}`;
  return undefined;
};

const checkRulesFile: Check = (env, files) => {
  const path = rulesPath(env, files);
  const text = files.read(path);
  const fail = (message: string): Finding[] => [{ level: 'error', integration: XRAY, message: `sampling rule file ${path}: ${message}`, fix: `fix the file or point AWS_XRAY_SAMPLING_RULES_FILE at ${DEFAULT_RULES_FILE}` }];
  if (text === undefined) return fail('cannot be read');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return fail('is not valid JSON');
  }
  const problem = ruleProblem(document, nonBlank(env.OTEL_SERVICE_NAME) ?? SERVICE.backend);
  return problem === undefined ? [] : fail(problem);
};

const checkRegion: Check = (env) => {
  const region = nonBlank(env.AWS_REGION);
  const fallback = nonBlank(env.AWS_DEFAULT_REGION);
  if (region === undefined && fallback !== undefined) {
    return [{ level: 'info', integration: 'AWS', message: 'only AWS_DEFAULT_REGION is set: the API reads it, the X-Ray daemon container reads AWS_REGION', fix: `also set AWS_REGION=${fallback}` }];
  }
  if (region !== undefined && fallback !== undefined && region !== fallback) {
    return [{ level: 'warning', integration: 'AWS', message: `AWS_REGION=${region} and AWS_DEFAULT_REGION=${fallback} disagree; AWS_REGION wins`, fix: 'set both to the same region' }];
  }
  return [];
};

export const checkXray: Check = (env, files) => {
  const address = nonBlank(env.AWS_XRAY_DAEMON_ADDRESS);
  return [...checkRegion(env, files), ...(address === undefined ? [] : checkAddress(address)), ...checkRulesFile(env, files)];
};

export const describeXray: Describe = (env, files) => {
  const address = nonBlank(env.AWS_XRAY_DAEMON_ADDRESS);
  return [{
    integration: XRAY,
    on: address !== undefined,
    target: address === undefined ? 'AWS_XRAY_DAEMON_ADDRESS is not set' : `daemon ${address}, rule ${rulesPath(env, files)}`,
  }];
};
