import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '@cruddur/config';

export const DEFAULT_LOG_GROUP = 'Cruddur';

export type CloudWatchSettings =
  | {
      readonly enabled: true;
      readonly region: string;
      readonly logGroupName: string;
      /** Where the AWS SDK will find credentials, for the start-up line. */
      readonly credentials: string;
      /** A stand-in or VPC endpoint from AWS_ENDPOINT_URL_CLOUDWATCH_LOGS or AWS_ENDPOINT_URL. */
      readonly endpoint: string | undefined;
    }
  | { readonly enabled: false; readonly reason: string };

// Log group names: 1 to 512 of these characters (CloudWatch Logs API reference).
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

const nonBlank = (value: string | undefined): string | undefined => value?.trim() || undefined;

/**
 * Where the AWS SDK's default chain would find credentials, judged from the
 * environment and two file checks, with no network call: keys, a profile,
 * ECS/EKS container credentials, web identity (EKS IRSA), or a shared
 * credentials or config file. EC2 instance roles are not detected (that
 * needs the metadata service): set AWS_PROFILE or keys there.
 */
const credentialSource = (env: Env, fileExists: (path: string) => boolean): string | undefined => {
  if (nonBlank(env.AWS_ACCESS_KEY_ID) && nonBlank(env.AWS_SECRET_ACCESS_KEY)) return 'environment variables';
  if (nonBlank(env.AWS_PROFILE)) return `profile ${String(env.AWS_PROFILE)}`;
  if (nonBlank(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) || nonBlank(env.AWS_CONTAINER_CREDENTIALS_FULL_URI)) return 'container credentials';
  if (nonBlank(env.AWS_WEB_IDENTITY_TOKEN_FILE)) return 'web identity token';
  const home = nonBlank(env.HOME) ?? homedir();
  const files = [nonBlank(env.AWS_SHARED_CREDENTIALS_FILE) ?? join(home, '.aws', 'credentials'), nonBlank(env.AWS_CONFIG_FILE) ?? join(home, '.aws', 'config')];
  const found = files.find(fileExists);
  return found === undefined ? undefined : `shared file ${found}`;
};

/**
 * CloudWatch Logs is on when a region and credentials are configured.
 * Region: AWS_REGION, else AWS_DEFAULT_REGION (the SDK v3 reads only the
 * first, so it is passed on explicitly). Throws on a malformed
 * CLOUDWATCH_LOG_GROUP, as the other settings do.
 */
export const resolveCloudWatchSettings = (env: Env, fileExists: (path: string) => boolean = existsSync): CloudWatchSettings => {
  const logGroupName = nonBlank(env.CLOUDWATCH_LOG_GROUP) ?? DEFAULT_LOG_GROUP;
  if (!LOG_GROUP_NAME.test(logGroupName)) {
    throw new Error(`CLOUDWATCH_LOG_GROUP must be 1 to 512 letters, digits or . - _ / #, got ${JSON.stringify(env.CLOUDWATCH_LOG_GROUP)}`);
  }
  const region = nonBlank(env.AWS_REGION) ?? nonBlank(env.AWS_DEFAULT_REGION);
  if (region === undefined) return { enabled: false, reason: 'no AWS region (set AWS_REGION or AWS_DEFAULT_REGION)' };
  const credentials = credentialSource(env, fileExists);
  if (credentials === undefined) {
    return { enabled: false, reason: 'no AWS credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)' };
  }
  const endpoint = nonBlank(env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS) ?? nonBlank(env.AWS_ENDPOINT_URL);
  return { enabled: true, region, logGroupName, credentials, endpoint };
};
