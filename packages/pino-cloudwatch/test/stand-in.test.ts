import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogStreamsCommand,
  PutLogEventsCommand,
  ResourceAlreadyExistsException,
} from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it, vi } from 'vitest';
import { GROUP, useStandIn } from './support.js';

/** The stand-in is only worth testing against if the real SDK reads it as the service. */
const sdkClient = () => new CloudWatchLogsClient({ maxAttempts: 1 });

describe('the CloudWatch Logs stand-in, through the AWS SDK v3', () => {
  it('is reached through AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, with AWS_REGION and the env credentials', async () => {
    const standIn = await useStandIn();
    await sdkClient().send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    await sdkClient().send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 's' }));
    const { logStreams } = await sdkClient().send(new DescribeLogStreamsCommand({ logGroupName: GROUP }));
    expect(logStreams?.map(({ logStreamName }) => logStreamName)).toEqual(['s']);
    expect(standIn.calls.map(({ operation, status }) => `${operation} ${String(status)}`)).toEqual([
      'CreateLogGroup 200',
      'CreateLogStream 200',
      'DescribeLogStreams 200',
    ]);
  });

  it('is reached through the generic AWS_ENDPOINT_URL too', async () => {
    const standIn = await useStandIn();
    vi.stubEnv('AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', undefined);
    vi.stubEnv('AWS_ENDPOINT_URL', standIn.url);
    await sdkClient().send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    expect(standIn.streams(GROUP)).toEqual([]);
    expect(standIn.calls).toHaveLength(1);
  });

  it("answers a second creation with the SDK's ResourceAlreadyExistsException", async () => {
    await useStandIn();
    await sdkClient().send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    const again = sdkClient().send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    await expect(again).rejects.toBeInstanceOf(ResourceAlreadyExistsException);
  });

  it('refuses what the service refuses: a batch out of time order, an unknown stream, over 1,048,576 bytes', async () => {
    await useStandIn();
    await sdkClient().send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    await sdkClient().send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 's' }));
    const put = (logStreamName: string, logEvents: { timestamp: number; message: string }[]) =>
      sdkClient().send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName, logEvents }));

    await expect(put('s', [{ timestamp: 2, message: 'b' }, { timestamp: 1, message: 'a' }])).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(put('nope', [{ timestamp: 1, message: 'a' }])).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    // 5 × (209,690 + 26) = 1,048,580: four bytes over.
    const big = { timestamp: Date.now(), message: 'x'.repeat(209_690) };
    await expect(put('s', [big, big, big, big, big])).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(put('s', [big, big, big, big])).resolves.toBeDefined();
  });

  it('answers planned failures as the service would, then works again', async () => {
    const standIn = await useStandIn();
    standIn.fail('CreateLogGroup', { status: 400, type: 'ThrottlingException' }, 1);
    standIn.fail('CreateLogGroup', { status: 500, type: 'InternalFailure' }, 1);
    await expect(sdkClient().send(new CreateLogGroupCommand({ logGroupName: GROUP }))).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(sdkClient().send(new CreateLogGroupCommand({ logGroupName: GROUP }))).rejects.toMatchObject({
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
    });
    await expect(sdkClient().send(new CreateLogGroupCommand({ logGroupName: GROUP }))).resolves.toBeDefined();
  });

  it('refuses unsigned requests', async () => {
    const standIn = await useStandIn();
    const response = await fetch(standIn.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.CreateLogGroup' },
      body: JSON.stringify({ logGroupName: GROUP }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
  });
});
