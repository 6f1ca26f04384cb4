import { startXrayOtlpStandIn, type XrayOtlpMode } from '@cruddur/stand-ins';
import { decodeProtobufRequest } from '@cruddur/trace-viewer';
import { describe, expect, it, onTestFinished } from 'vitest';
import { awsTestEnv } from './aws-test-env.js';
import { startReceiver } from './otlp-receiver.js';
import { freePort, startServer, waitFor } from './server-process.js';

/**
 * X-Ray's OTLP endpoint failing every way a destination can, one built
 * server per way: every request is still answered well clear of X-Ray's
 * timeout, the trace destination still gets every trace, and the failure
 * is reported in the export-health line with what to check.
 */

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'AKIAXRAYOUTAGETEST01', secretAccessKey: 'xray-outage-test-secret-00000000000000000' };
/** OTEL_BSP_EXPORT_TIMEOUT here: X-Ray's sends give up after it too. */
const EXPORT_TIMEOUT_MS = 2_000;
/** "Never held up": each request answers in under half the timeout it would otherwise wait out. */
const MAX_REQUEST_MS = EXPORT_TIMEOUT_MS / 2;
/** One batch per request (each waits for the last to reach the trace destination): more batches than the 8 sends X-Ray may have open. */
const REQUESTS = 12;
const SCENARIO_TIMEOUT_MS = 40_000;

const xrayEndpoint = async (mode: XrayOtlpMode | 'refused'): Promise<string> => {
  if (mode === 'refused') return `http://127.0.0.1:${String(await freePort())}`;
  const standIn = await startXrayOtlpStandIn({ region: REGION, credentials: CREDENTIALS, mode });
  onTestFinished(() => standIn.close());
  return standIn.endpoint;
};

describe('X-Ray over OTLP failing', () => {
  it.each([
    ['answering 429', 'throttle', 'HTTP 429: destination throttling; spans dropped'],
    ['answering 500', 'fail', 'HTTP 500: destination failing; spans dropped'],
    ['hanging', 'hang', 'timeout: unreachable: check AWS_ENDPOINT_URL_XRAY'],
    ['refusing connections', 'refused', 'ECONNREFUSED: unreachable: check AWS_ENDPOINT_URL_XRAY'],
  ] as const)(
    'when %s: requests answered promptly, the trace destination served, the failure reported',
    async (_case, mode, reason) => {
      const endpoint = await xrayEndpoint(mode);
      const primary = await startReceiver();
      const server = await startServer({
        OTEL_EXPORTER_OTLP_ENDPOINT: primary.url,
        OTEL_BSP_EXPORT_TIMEOUT: String(EXPORT_TIMEOUT_MS),
        OTEL_BSP_SCHEDULE_DELAY: '10',
        // Lines close together, so each outage's shows up while the test watches.
        CRUDDUR_EXPORT_ERROR_INTERVAL_MS: '500',
        ...(await awsTestEnv({ region: REGION, xrayEndpoint: endpoint, credentials: CREDENTIALS })),
      });
      const traced = () => new Set(primary.received.flatMap(({ body }) => decodeProtobufRequest(body)).map(({ traceId }) => traceId)).size;

      const durations: number[] = [];
      for (let i = 1; i <= REQUESTS; i++) {
        const started = performance.now();
        const response = await fetch(`${server.url}/api/activities/home`);
        durations.push(performance.now() - started);
        expect(response.status).toBe(200);
        await waitFor(() => traced() >= i, 10_000, () => `the trace destination has ${String(traced())} of ${String(i)} traces`);
      }
      expect(Math.max(...durations)).toBeLessThan(MAX_REQUEST_MS);
      await waitFor(
        () => server.stderr().includes(`backend-flask: export to X-Ray ${endpoint}/v1/traces failing: ${reason}`),
        10_000,
        () => `no failing line for X-Ray:\n${server.stderr()}`,
      );
      expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      if (mode === 'hang') {
        // 8 sends held open; the batches after them were dropped, not queued.
        expect(server.stderr()).toMatch(/export to X-Ray \S+: \d+ spans dropped \(8 requests already in flight\)/);
      }
      expect(`${server.stdout()}${server.stderr()}`).not.toContain(CREDENTIALS.secretAccessKey);
    },
    SCENARIO_TIMEOUT_MS,
  );
});
