import { checkCloudWatch, describeCloudWatch } from './checks/cloudwatch.js';
import { checkNames } from './checks/names.js';
import { checkRollbar, describeRollbar } from './checks/rollbar.js';
import { checkTracing, describeTracing } from './checks/tracing.js';
import { checkUrls, describeUrls } from './checks/urls.js';
import { checkXray, describeXray } from './checks/xray.js';
import { checkXrayOtlp, describeXrayOtlp } from './checks/xray-otlp.js';
import type { Check, Describe, Env, Files, Finding, Status } from './finding.js';

/** Every offline check, in the order the table lists the integrations. */
export const CHECKS: readonly Check[] = [checkNames, checkTracing, checkUrls, checkXray, checkXrayOtlp, checkCloudWatch, checkRollbar];
export const DESCRIPTIONS: readonly Describe[] = [describeTracing, describeUrls, describeXray, describeXrayOtlp, describeCloudWatch, describeRollbar];

export interface Diagnosis {
  readonly statuses: Status[];
  readonly findings: Finding[];
}

export const diagnose = (env: Env, files: Files): Diagnosis => ({
  statuses: DESCRIPTIONS.flatMap((describe) => describe(env, files)),
  findings: CHECKS.flatMap((check) => check(env, files)),
});
