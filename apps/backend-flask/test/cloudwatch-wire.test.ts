import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloudWatchStandIn, type CloudWatchStandIn } from '@cruddur/pino-cloudwatch/stand-in';
import { SERVICE } from '@cruddur/telemetry-conventions';
import { startTraceViewer } from '@cruddur/trace-viewer';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runUntilExit, startServer, waitFor } from './server-process.js';

/**
 * The built server as `pnpm start` runs it, its AWS SDK pointed at a local
 * CloudWatch Logs stand-in through AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, with
 * dummy credentials.
 */

const CLEAN_EXIT = { code: 0, signal: null };
const SCENARIO_TIMEOUT_MS = 30_000;
const GROUP = 'Cruddur';
const SECRET = 'Bearer secret-token-never-logged';

const useStandIn = async (): Promise<CloudWatchStandIn> => {
  const standIn = await startCloudWatchStandIn();
  onTestFinished(() => standIn.close());
  return standIn;
};

/** Dummy credentials and the stand-in's address; the region is up to each test. */
const awsEnv = (standIn: CloudWatchStandIn) => ({
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: standIn.url,
});

interface LogLine {
  readonly msg?: string;
  readonly trace_id?: string;
  readonly span_id?: string;
  readonly status?: number;
  readonly path?: string;
}

/** Every line of the API's one stream. */
const delivered = (standIn: CloudWatchStandIn): string[] => {
  const streams = standIn.streams(GROUP);
  expect(streams).toHaveLength(1);
  return standIn.events(GROUP, streams[0] ?? '').map(({ message }) => message);
};

const accessLines = (lines: readonly string[]): LogLine[] =>
  lines.map((line) => JSON.parse(line) as LogLine & { duration_ms?: number }).filter((line) => line.duration_ms !== undefined);

const traceparent = (traceId: string) => `00-${traceId}-b7ad6b7169203331-01`;

describe('CloudWatch Logs from the built server', () => {
  it(
    "delivers every line it writes to stdout, access lines carrying the request's trace and SERVER span ids; its AWS calls make no spans",
    async () => {
      const viewer = await startTraceViewer({ port: 0 });
      onTestFinished(() => viewer.close());
      const standIn = await useStandIn();
      const server = await startServer({ ...awsEnv(standIn), AWS_REGION: 'us-east-1', OTEL_EXPORTER_OTLP_ENDPOINT: viewer.url });
      expect(server.stdout()).toMatch(
        new RegExp(
          `"CloudWatch Logs on: group Cruddur, stream backend-flask/[^/]+/\\d+/[\\dT.Z-]+, region us-east-1, credentials from environment variables, endpoint ${standIn.url}"`,
        ),
      );

      const traceIds = ['4bf92f3577b34da6a3ce929d0e0e4736', '5af7651916cd43dd8448eb211c80319c', '6e0c63257de34c92bf9efcd03927272e'];
      for (const [index, traceId] of traceIds.entries()) {
        const url = index === 2 ? `${server.url}/api/nowhere` : `${server.url}/api/activities/home`;
        const response = await fetch(url, { headers: { traceparent: traceparent(traceId), authorization: SECRET } });
        expect(response.status).toBe(index === 2 ? 404 : 200);
      }
      // The worker is up and sending: had it loaded the instrumentation, its
      // start-up line would be on stdout by now.
      await waitFor(() => standIn.calls.some(({ operation }) => operation === 'PutLogEvents'), 5_000, () => 'no PutLogEvents');
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      const lines = delivered(standIn);
      // The same lines as stdout, the start-up ones included; none carries the secret.
      const stdoutLines = server.stdout().split('\n').filter((line) => line.startsWith('{'));
      expect([...lines].sort()).toEqual([...stdoutLines].sort());
      expect(lines.join('\n')).not.toContain('secret-token');

      const serverSpans = viewer.store
        .list()
        .flatMap(({ traceId }) => [...(viewer.store.get(traceId)?.spans.values() ?? [])])
        .filter((span) => span.resource['service.name'] === SERVICE.backend);
      const access = accessLines(lines);
      expect(access.map(({ msg }) => msg)).toEqual(['GET /api/activities/home 200', 'GET /api/activities/home 200', 'GET /api/nowhere 404']);
      for (const [index, traceId] of traceIds.entries()) {
        const serverSpan = serverSpans.find((span) => span.traceId === traceId && span.kind === 'SERVER');
        expect(serverSpan, `SERVER span of ${traceId}`).toBeDefined();
        expect(access[index]).toMatchObject({ trace_id: traceId, span_id: serverSpan?.spanId });
      }

      // No feedback loop: the only spans are the three requests' (no CLIENT
      // span, no trace of a PutLogEvents), and the worker did not start a
      // second tracer (it would print its own start-up line).
      expect(new Set(serverSpans.map(({ traceId }) => traceId))).toEqual(new Set(traceIds));
      expect(serverSpans.filter(({ kind }) => kind === 'CLIENT')).toEqual([]);
      const attributeValues = serverSpans.flatMap(({ attributes }) => Object.values(attributes).map(String));
      expect(attributeValues.filter((value) => value.includes(standIn.url.replace('http://', '')))).toEqual([]);
      expect(server.stdout().match(/backend-flask: tracing as/g)).toHaveLength(1);
      expect(standIn.calls.some(({ operation }) => operation === 'PutLogEvents')).toBe(true);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'on SIGTERM, delivers every line still queued before exiting 0 (region from AWS_DEFAULT_REGION)',
    async () => {
      const standIn = await useStandIn();
      const server = await startServer({ ...awsEnv(standIn), AWS_DEFAULT_REGION: 'eu-west-2', OTEL_SDK_DISABLED: 'true' });
      expect(server.stdout()).toContain('region eu-west-2');

      for (let batch = 0; batch < 10; batch += 1) {
        const responses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${server.url}/api/activities/home`)));
        expect(responses.map(({ status }) => status)).toEqual(responses.map(() => 200));
      }
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      const lines = delivered(standIn);
      expect(accessLines(lines)).toHaveLength(200);
      expect(lines.at(-1)).toContain('shutting down: finishing in-flight requests');
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'never holds a request up when CloudWatch hangs, and still exits 0 after the 3-second close budget',
    async () => {
      const standIn = await useStandIn();
      standIn.hang();
      const server = await startServer({ ...awsEnv(standIn), AWS_REGION: 'us-east-1', OTEL_SDK_DISABLED: 'true' });
      // The worker's first call (CreateLogGroup, as it starts) is held: every request below runs while it hangs.
      await waitFor(() => standIn.calls.length > 0, 10_000, () => 'the CloudWatch worker never called the stand-in');

      for (let i = 0; i < 50; i += 1) {
        const started = performance.now();
        expect((await fetch(`${server.url}/api/activities/home`)).status).toBe(200);
        // A request that waited on CloudWatch would take the SDK's 10 s timeout, or forever;
        // half of that leaves a loaded machine ample room.
        expect(performance.now() - started, `request ${String(i + 1)}`).toBeLessThan(5_000);
      }

      const stopping = performance.now();
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);
      const took = performance.now() - stopping;
      expect(took).toBeGreaterThan(2_500);
      expect(took).toBeLessThan(9_000);
      expect(server.stderr()).toMatch(/pino-cloudwatch: \d+ log events were not delivered to Cruddur\/backend-flask\//);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'stays off without a region, saying so in one line, and sends nothing',
    async () => {
      const standIn = await useStandIn();
      const server = await startServer({ ...awsEnv(standIn), OTEL_SDK_DISABLED: 'true' });
      expect((await fetch(`${server.url}/api/activities/home`)).status).toBe(200);
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      expect(server.stdout().match(/CloudWatch Logs (on|off)[^"]*/g)).toEqual([
        'CloudWatch Logs off: no AWS region (set AWS_REGION or AWS_DEFAULT_REGION); logging to stdout only',
      ]);
      expect(server.stdout()).toContain('GET /api/activities/home 200');
      expect(standIn.calls).toEqual([]);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'stays off without credentials (no keys, profile or shared files)',
    async () => {
      const standIn = await useStandIn();
      const home = mkdtempSync(join(tmpdir(), 'cruddur-home-'));
      const server = await startServer({ AWS_REGION: 'us-east-1', HOME: home, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: standIn.url, OTEL_SDK_DISABLED: 'true' });
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);
      expect(server.stdout()).toContain(
        'CloudWatch Logs off: no AWS credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE); logging to stdout only',
      );
      expect(standIn.calls).toEqual([]);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'refuses to start on a malformed CLOUDWATCH_LOG_GROUP with one line naming it',
    async () => {
      const run = await runUntilExit({ CLOUDWATCH_LOG_GROUP: 'not a group!', OTEL_SDK_DISABLED: 'true' });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^backend-flask failed to start: CLOUDWATCH_LOG_GROUP must be [^\n]*\n$/);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
