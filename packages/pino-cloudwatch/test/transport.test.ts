import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_OVERHEAD_BYTES, MAX_BATCH_BYTES } from '../src/limits.js';
import { captureStderr, GROUP, lineOf, messages, openTransport, pinoLine, STREAM, useStandIn } from './support.js';

const NOW = Date.now();
const linesFrom = (count: number, label = 'line') => Array.from({ length: count }, (_, i) => pinoLine(NOW + i, `${label} ${String(i)}`));
const statuses = (standIn: Awaited<ReturnType<typeof useStandIn>>, operation: string) =>
  standIn.calls.filter((call) => call.operation === operation).map(({ status }) => status);

describe('group and stream', () => {
  it('creates the group and the stream, then sends to that stream', async () => {
    const standIn = await useStandIn();
    const transport = openTransport();
    transport.write(pinoLine(NOW, 'hello'));
    await transport.close();
    expect(standIn.streams(GROUP)).toEqual([STREAM]);
    expect(messages(standIn)).toEqual([pinoLine(NOW, 'hello')]);
  });

  it('takes "already exists" for both as success: a second process, or a group made by infrastructure', async () => {
    const standIn = await useStandIn();
    const first = openTransport();
    await first.close();
    const second = openTransport();
    second.write(pinoLine(NOW, 'from the second'));
    await second.close();

    expect(statuses(standIn, 'CreateLogGroup')).toEqual([200, 400]);
    expect(statuses(standIn, 'CreateLogStream')).toEqual([200, 400]);
    expect(messages(standIn)).toEqual([pinoLine(NOW, 'from the second')]);
  });

  it('names the stream <prefix>/<hostname>/<pid>/<start time> by default', async () => {
    const standIn = await useStandIn();
    const before = new Date().toISOString().slice(0, 13).replaceAll(':', '-');
    await openTransport({ logStreamPrefix: 'backend-flask' }).close();
    const [stream] = standIn.streams(GROUP);
    expect(stream).toMatch(new RegExp(`^backend-flask/[^/:*]+/${String(process.pid)}/${before}[-\\d]+\\.\\d{3}Z$`));
  });

  it('creates them again when PutLogEvents finds the stream gone, and delivers', async () => {
    const standIn = await useStandIn();
    standIn.fail('PutLogEvents', { status: 400, type: 'ResourceNotFoundException' }, 1);
    const transport = openTransport();
    transport.write(...linesFrom(3));
    await transport.close();
    expect(messages(standIn)).toEqual(linesFrom(3));
    expect(standIn.calls.map(({ operation }) => operation)).toEqual([
      'CreateLogGroup',
      'CreateLogStream',
      'PutLogEvents',
      'CreateLogGroup',
      'CreateLogStream',
      'PutLogEvents',
    ]);
  });
});

describe('batches', () => {
  it('hold at most 10,000 events', async () => {
    const standIn = await useStandIn();
    const transport = openTransport({ flushIntervalMs: 60_000, maxBufferedEvents: 30_000 });
    transport.write(...linesFrom(25_000));
    await transport.close();
    expect(standIn.batches.map(({ events }) => events.length)).toEqual([10_000, 10_000, 5_000]);
    expect(messages(standIn)).toEqual(linesFrom(25_000));
  });

  it('count 26 bytes per event towards the 1,048,576 bytes', async () => {
    const standIn = await useStandIn();
    // 256 lines of 4,070 bytes fill a batch exactly; without the overhead 257 would seem to fit,
    // and the stand-in would refuse that batch.
    const lineBytes = MAX_BATCH_BYTES / 256 - EVENT_OVERHEAD_BYTES;
    const lines = Array.from({ length: 600 }, (_, i) => lineOf(NOW + i, lineBytes, String(i)));
    const transport = openTransport({ flushIntervalMs: 60_000 });
    transport.write(...lines);
    await transport.close();
    expect(standIn.batches.map(({ events }) => events.length)).toEqual([256, 256, 88]);
    expect(messages(standIn)).toEqual(lines);
  });

  it('are in time order, whatever order the lines came in', async () => {
    const standIn = await useStandIn();
    const transport = openTransport();
    transport.write(pinoLine(NOW + 20, 'c'), pinoLine(NOW, 'a'), pinoLine(NOW + 10, 'b'));
    await transport.close();
    expect(messages(standIn)).toEqual([pinoLine(NOW, 'a'), pinoLine(NOW + 10, 'b'), pinoLine(NOW + 20, 'c')]);
  });

  it('go out after the flush interval, without waiting for close', async () => {
    const standIn = await useStandIn();
    // Longer than the 1 s default, so a transport that ignored it would send too early.
    const transport = openTransport({ flushIntervalMs: 1_500 });
    transport.write(...linesFrom(3));
    await vi.waitFor(() => {
      expect(messages(standIn), 'no batch before close').toHaveLength(3);
    }, 10_000);
    expect(standIn.batches).toHaveLength(1);
    // The interval starts once the stream exists: the 1.5 s given, not the default (a loaded machine only adds to it).
    const receivedAt = (operation: string) => standIn.calls.find((call) => call.operation === operation)?.receivedAt ?? NaN;
    expect(receivedAt('PutLogEvents') - receivedAt('CreateLogStream'), 'sent before the 1.5 s interval had passed').toBeGreaterThan(1_400);
    await transport.close();
  });

  it('go out at once when a batch is full', async () => {
    const standIn = await useStandIn();
    const transport = openTransport({ flushIntervalMs: 60_000 });
    // Written once the stream exists, when the transport waits out the interval unless a full batch wakes it.
    await vi.waitFor(() => {
      expect(statuses(standIn, 'CreateLogStream'), 'the stream was never created').toEqual([200]);
    }, 10_000);
    transport.write(...linesFrom(10_000));
    // Well under the 60 s interval it would otherwise wait for.
    await vi.waitFor(() => {
      expect(messages(standIn), 'the full batch was not sent before the interval').toHaveLength(10_000);
    }, 10_000);
    await transport.close();
  });

  it('carry a line over 256 KB truncated, with a marker', async () => {
    const standIn = await useStandIn();
    const transport = openTransport();
    const huge = lineOf(NOW, 300_000, 'huge');
    transport.write(huge, pinoLine(NOW + 1, 'after'));
    await transport.close();
    const [truncated, after] = messages(standIn);
    expect(Buffer.byteLength(truncated ?? '') + EVENT_OVERHEAD_BYTES).toBeLessThanOrEqual(256 * 1024);
    expect(truncated).toMatch(/^\{"level":30,"time":\d+,"msg":"hugexxx.*…\[truncated by pino-cloudwatch: 300000 bytes\]$/);
    expect(after).toBe(pinoLine(NOW + 1, 'after'));
  });
});

describe('failures', () => {
  it('retries throttling and 5xx with backoff: everything arrives, once', async () => {
    const standIn = await useStandIn();
    standIn.fail('CreateLogStream', { status: 500, type: 'InternalFailure' }, 1);
    standIn.fail('PutLogEvents', { status: 400, type: 'ThrottlingException' }, 3);
    standIn.fail('PutLogEvents', { status: 503, type: 'ServiceUnavailableException' }, 2);
    const stderr = captureStderr();
    const transport = openTransport();
    transport.write(...linesFrom(100));
    await transport.close();

    expect(messages(standIn)).toEqual(linesFrom(100));
    expect(statuses(standIn, 'PutLogEvents')).toEqual([400, 400, 400, 503, 503, 200]);
    // The first failure at once, the recovery (at close: within the 30 s interval), not one line per attempt.
    expect(stderr).toEqual([
      `pino-cloudwatch: export to CloudWatch Logs ${GROUP}/${STREAM} failing: InternalFailure (HTTP 500): planned InternalFailure: destination failing; log events kept and retried; 1 failure, 0 log events dropped since the last line\n`,
      `pino-cloudwatch: export to CloudWatch Logs ${GROUP}/${STREAM} resumed after 6 failures; 0 log events dropped meanwhile\n`,
    ]);
  });

  it('waits longer after each failed attempt', async () => {
    const standIn = await useStandIn();
    standIn.fail('PutLogEvents', { status: 400, type: 'ThrottlingException' }, 5);
    captureStderr();
    const transport = openTransport({ retryBaseDelayMs: 40, retryMaxDelayMs: 10_000 });
    transport.write(pinoLine(NOW, 'x'));
    await transport.close();

    const times = standIn.calls.filter(({ operation }) => operation === 'PutLogEvents').map(({ receivedAt }) => receivedAt);
    const gaps = times.slice(1).map((time, i) => time - (times[i] ?? 0));
    expect(gaps).toHaveLength(5);
    // Half to all of 40, 80, 160, 320, 640 ms.
    [20, 40, 80, 160, 320].forEach((least, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(least - 2);
    });
    // The last wait is at least 320 ms, the first at most 40: only a first retry held back 280 ms by a loaded machine would reverse them.
    expect(gaps[4]).toBeGreaterThan(gaps[0] ?? Infinity);
  });

  it('keeps a bounded buffer while the service fails, counts what it drops and reports it once sending works', async () => {
    const standIn = await useStandIn();
    standIn.fail('PutLogEvents', { status: 500, type: 'InternalFailure' });
    captureStderr();
    const transport = openTransport({ maxBufferedEvents: 50, flushIntervalMs: 20 });
    transport.write(...linesFrom(120));
    await vi.waitFor(() => {
      expect(statuses(standIn, 'PutLogEvents').length, 'fewer than 3 failed PutLogEvents calls').toBeGreaterThan(2);
    }, 10_000);
    standIn.heal();
    await transport.close();

    const delivered = messages(standIn);
    expect(delivered.slice(0, 50)).toEqual(linesFrom(50));
    expect(delivered).toHaveLength(51);
    expect(JSON.parse(delivered[50] ?? '')).toMatchObject({ level: 40, msg: 'pino-cloudwatch dropped 70 log events', dropped: 70 });
  });

  it('gives up on a batch the service refuses outright, counts it, and reports it with the next batch that passes', async () => {
    const standIn = await useStandIn();
    standIn.fail('PutLogEvents', { status: 400, type: 'InvalidParameterException' }, 1);
    const stderr = captureStderr();
    const transport = openTransport({ flushIntervalMs: 20 });
    transport.write(...linesFrom(5, 'refused'));
    await vi.waitFor(() => {
      expect(statuses(standIn, 'PutLogEvents'), 'no refused PutLogEvents call').toEqual([400]);
    }, 10_000);
    transport.write(...linesFrom(2, 'later'));
    await transport.close();

    expect(stderr.join('')).toContain('failing: InvalidParameterException (HTTP 400): planned InvalidParameterException: refused: the batch is dropped;');
    const delivered = messages(standIn);
    expect(delivered.slice(0, 2)).toEqual(linesFrom(2, 'later'));
    expect(JSON.parse(delivered[2] ?? '')).toMatchObject({ msg: 'pino-cloudwatch dropped 5 log events' });
  });

  it('says the first failure at once, sums up the rest (here at close), and at close how many lines were lost', async () => {
    const standIn = await useStandIn();
    // Each batch: "not found", a new try at creating the group and stream (refused), "not found" again.
    standIn.fail('CreateLogGroup', { status: 400, type: 'AccessDeniedException' });
    standIn.fail('CreateLogStream', { status: 400, type: 'AccessDeniedException' });
    standIn.fail('PutLogEvents', { status: 400, type: 'ResourceNotFoundException' });
    const stderr = captureStderr();
    const transport = openTransport({ flushIntervalMs: 10 });
    for (let round = 0; round < 5; round += 1) {
      transport.write(...linesFrom(4, `round ${String(round)}`));
      await sleep(30);
    }
    await transport.close();

    expect(statuses(standIn, 'PutLogEvents').length).toBeGreaterThan(1);
    const ours = stderr.filter((line) => line.startsWith('pino-cloudwatch:'));
    expect(ours).toEqual([
      'pino-cloudwatch: CreateLogGroup Cruddur failed: AccessDeniedException (HTTP 400): planned AccessDeniedException; going on, the group may exist (create it, or allow logs:CreateLogGroup)\n',
      `pino-cloudwatch: export to CloudWatch Logs ${GROUP}/${STREAM} failing: AccessDeniedException (HTTP 400): planned AccessDeniedException: check the AWS credentials and the logs:PutLogEvents permission; 1 failure, 0 log events dropped since the last line\n`,
      // The rest of the interval, summed up at close.
      expect.stringMatching(
        /^pino-cloudwatch: export to CloudWatch Logs \S+ failing: ResourceNotFoundException \(HTTP 400\): planned ResourceNotFoundException: refused: the batch is dropped; \d+ failures, 20 log events dropped since the last line\n$/,
      ) as unknown,
      `pino-cloudwatch: 20 log events were not delivered to ${GROUP}/${STREAM}\n`,
    ]);
  });

  it('counts events the service rejects as too old among the dropped', async () => {
    const standIn = await useStandIn();
    const fifteenDaysAgo = NOW - 15 * 24 * 60 * 60 * 1000;
    const transport = openTransport({ flushIntervalMs: 60_000 });
    transport.write(pinoLine(fifteenDaysAgo, 'ancient'), pinoLine(fifteenDaysAgo + 1, 'ancient too'), pinoLine(NOW, 'fresh'));
    await transport.close();
    // Fifteen days apart: two batches, the first rejected by the service as too old.
    expect(standIn.batches.map(({ events }) => events.length)).toEqual([0, 2]);
    const delivered = messages(standIn);
    expect(delivered[0]).toBe(pinoLine(NOW, 'fresh'));
    expect(JSON.parse(delivered[1] ?? '')).toMatchObject({ msg: 'pino-cloudwatch dropped 2 log events' });
  });
});

describe('closing', () => {
  it('sends everything still queued before it closes, without waiting for the interval', async () => {
    const standIn = await useStandIn();
    const transport = openTransport({ flushIntervalMs: 60_000 });
    transport.write(...linesFrom(12_345));
    const started = performance.now();
    await transport.close();
    // Well under the 20 s close budget, which would cut short a close that waited for the 60 s interval.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(messages(standIn)).toEqual(linesFrom(12_345));
  });

  it('gives a hanging call requestTimeoutMs, then tries again, and resumes by itself once the service answers', async () => {
    const standIn = await useStandIn();
    standIn.hang();
    const stderr = captureStderr();
    const transport = openTransport({ requestTimeoutMs: 300, flushIntervalMs: 20, problemIntervalMs: 60_000 });
    transport.write(...linesFrom(3));
    // Well under the 10 s default request timeout, which an ignored requestTimeoutMs would leave.
    await vi.waitFor(() => {
      expect(stderr.join(''), 'no timed-out call reported').toContain('failing: ETIMEDOUT: unreachable: check AWS_REGION or AWS_ENDPOINT_URL_CLOUDWATCH_LOGS;');
    }, 5_000);
    // Calls already held stay held; the next attempt gets an answer.
    standIn.heal();
    await vi.waitFor(() => {
      expect(messages(standIn), 'the lines never arrived after the service answered again').toEqual(linesFrom(3));
    }, 10_000);
    await transport.close();
    const ours = stderr.filter((line) => line.startsWith('pino-cloudwatch:'));
    expect(ours).toEqual([
      expect.stringMatching(/failing: ETIMEDOUT: unreachable: check AWS_REGION or AWS_ENDPOINT_URL_CLOUDWATCH_LOGS; 1 failure, 0 log events dropped since the last line\n$/) as unknown,
      // Within the interval: said at close.
      expect.stringMatching(/ resumed after \d+ failures?; 0 log events dropped meanwhile\n$/) as unknown,
    ]);
  });

  // For the 300 ms budgets below: well under the 3 s default closeTimeoutMs an ignored option would leave,
  // and the 10 s request timeout that would otherwise end a hanging call; the rest is room for a loaded machine.
  const CLOSE_BOUND_MS = 2_000;

  it('gives up after closeTimeoutMs when the service hangs, and says how many lines were lost', async () => {
    const standIn = await useStandIn();
    standIn.hang();
    const stderr = captureStderr();
    const transport = openTransport({ closeTimeoutMs: 300 });
    transport.write(...linesFrom(7));
    await vi.waitFor(() => {
      expect(standIn.calls.map(({ operation }) => operation), 'the transport never called the stand-in').toEqual(['CreateLogGroup']);
    }, 10_000);
    const started = performance.now();
    await transport.close();
    const took = performance.now() - started;
    // Closed although the call was never answered.
    expect(standIn.calls.map(({ status }) => status)).toEqual([undefined]);
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took, 'close outlasted its 300 ms budget').toBeLessThan(CLOSE_BOUND_MS);
    expect(stderr.join('')).toContain('pino-cloudwatch: 7 log events were not delivered');
  });

  it('gives up after closeTimeoutMs when the service keeps failing', async () => {
    const standIn = await useStandIn();
    standIn.fail('PutLogEvents', { status: 500, type: 'InternalFailure' });
    const stderr = captureStderr();
    const transport = openTransport({ closeTimeoutMs: 300, flushIntervalMs: 20, retryBaseDelayMs: 50, retryMaxDelayMs: 100 });
    transport.write(...linesFrom(4));
    // Closing while it retries, which it would do for ever.
    await vi.waitFor(() => {
      expect(statuses(standIn, 'PutLogEvents'), 'no failed PutLogEvents call').not.toHaveLength(0);
    }, 10_000);
    const started = performance.now();
    await transport.close();
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took, 'close outlasted its 300 ms budget').toBeLessThan(CLOSE_BOUND_MS);
    expect(stderr.join('')).toContain('pino-cloudwatch: 4 log events were not delivered');
    expect(standIn.batches).toHaveLength(0);
  });
});
