import { finding, nonBlank, type Check, type Describe, type Env } from '../finding.js';

const CLOUDWATCH = 'CloudWatch Logs';
const DEFAULT_LOG_GROUP = 'Cruddur';
// 1 to 512 of these characters (CloudWatch Logs API reference).
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

export const checkCloudWatch: Check = (env) => {
  const group = nonBlank(env.CLOUDWATCH_LOG_GROUP);
  return group === undefined || LOG_GROUP_NAME.test(group)
    ? []
    : [finding('cloudwatch-log-group', `CLOUDWATCH_LOG_GROUP must be 1 to 512 letters, digits or . - _ / #, got ${JSON.stringify(group)}`, `use a name such as ${DEFAULT_LOG_GROUP} or /cruddur/backend-flask`)];
};

const credentials = (env: Env): string | undefined => {
  if (nonBlank(env.AWS_ACCESS_KEY_ID) && nonBlank(env.AWS_SECRET_ACCESS_KEY)) return 'keys from the environment';
  const profile = nonBlank(env.AWS_PROFILE);
  return profile === undefined ? undefined : `profile ${profile}`;
};

export const describeCloudWatch: Describe = (env) => {
  const region = nonBlank(env.AWS_REGION) ?? nonBlank(env.AWS_DEFAULT_REGION);
  const group = nonBlank(env.CLOUDWATCH_LOG_GROUP) ?? DEFAULT_LOG_GROUP;
  if (region === undefined) return [{ integration: CLOUDWATCH, on: false, target: 'no AWS region (AWS_REGION or AWS_DEFAULT_REGION)' }];
  const source = credentials(env) ?? 'credentials from ~/.aws or the container, if any';
  return [{ integration: CLOUDWATCH, on: true, target: `group ${group} in ${region}, ${source}` }];
};
