import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloudWatchStandIn } from '@cruddur/pino-cloudwatch/stand-in';
import type { AwsTestCredentials } from '@cruddur/stand-ins';
import { onTestFinished } from 'vitest';

export interface AwsTestEnvOptions {
  readonly region: string;
  /** X-Ray over OTLP on (AWS_XRAY_OTLP=true), to this endpoint (AWS_ENDPOINT_URL_XRAY); off when absent. */
  readonly xrayEndpoint?: string;
  /** Left out: the AWS SDK's chain finds none. */
  readonly credentials?: AwsTestCredentials;
}

/**
 * The environment for X-Ray over OTLP in a test: the region, the switch
 * and the stand-in's endpoint, and the credentials as environment variables,
 * which the AWS SDK's chain reads first. HOME is an empty directory and the
 * instance metadata lookup is off, so a chain that finds no keys never
 * reads the machine's own profile or calls out. The same region and keys
 * turn on the CloudWatch Logs transport: it gets its stand-in, so nothing
 * leaves the machine.
 */
export const awsTestEnv = async ({ region, xrayEndpoint, credentials }: AwsTestEnvOptions): Promise<Record<string, string>> => {
  const cloudWatch = await startCloudWatchStandIn();
  onTestFinished(() => cloudWatch.close());
  return {
    ...(xrayEndpoint === undefined ? {} : { AWS_XRAY_OTLP: 'true', AWS_ENDPOINT_URL_XRAY: xrayEndpoint }),
    AWS_REGION: region,
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: cloudWatch.url,
    ...(credentials === undefined
      ? {}
      : {
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          ...(credentials.sessionToken === undefined ? {} : { AWS_SESSION_TOKEN: credentials.sessionToken }),
        }),
    HOME: mkdtempSync(join(tmpdir(), 'aws-test-home-')),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
};
