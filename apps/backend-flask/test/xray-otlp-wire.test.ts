import { startXrayOtlpStandIn, type AwsTestCredentials } from '@cruddur/stand-ins';
import { SERVICE, SPAN } from '@cruddur/telemetry-conventions';
import { decodeProtobufRequest } from '@cruddur/trace-viewer';
import { describe, expect, it, onTestFinished } from 'vitest';
import { awsTestEnv } from './aws-test-env.js';
import { jsonBody, recordSpans } from './browser-spans.js';
import { startReceiver } from './otlp-receiver.js';
import { runUntilExit, startServer, waitFor } from './server-process.js';
import { sendMarker, startFakeDaemon } from './xray-daemon.js';

/**
 * The built server with AWS_XRAY_OTLP=true, pointed through
 * AWS_ENDPOINT_URL_XRAY at a stand-in of X-Ray's OTLP endpoint that signs
 * each request again with the AWS SDK's signer and the test's credentials.
 */

const CLEAN_EXIT = { code: 0, signal: null };
const SCENARIO_TIMEOUT_MS = 30_000;
const REGION = 'eu-west-1';
const CREDENTIALS: AwsTestCredentials = {
  accessKeyId: 'AKIAXRAYOTLPTEST0001',
  secretAccessKey: 'xray-otlp-test-secret/abcdefghijklmnopqrstuv',
  sessionToken: 'xray-otlp-test-session-token-0123456789',
};
const CALLER_SPAN_ID = 'b7ad6b7169203331';
const FRONTEND = 'http://localhost:3000';
const HOST_TO_LOOPBACK = new URL('./xray-host-to-loopback.ts', import.meta.url).href;

const xrayTraceId = () => `${Math.floor(Date.now() / 1000).toString(16)}${Math.random().toString(16).slice(2, 10).padEnd(8, '0')}f3ab41e7a6c0d3f1`;

const getHome = (base: string, traceId: string) =>
  fetch(`${base}/api/activities/home`, { headers: { traceparent: `00-${traceId}-${CALLER_SPAN_ID}-01` } });

/** The browser's export of one action, as the relay takes it (OTLP/JSON); resolves with its trace id once answered. */
const relayBrowserSpans = async (base: string): Promise<string> => {
  const spans = await recordSpans({ 'service.name': SERVICE.frontend }, ['open-home']);
  const response = await fetch(`${base}/v1/traces`, { method: 'POST', headers: { origin: FRONTEND, 'content-type': 'application/json' }, body: jsonBody(spans) });
  expect(response.status).toBe(200);
  const [span] = spans;
  if (!span) throw new Error('no browser span');
  return span.spanContext().traceId;
};

const startStandIn = async (credentials = CREDENTIALS) => {
  const standIn = await startXrayOtlpStandIn({ region: REGION, credentials });
  onTestFinished(() => standIn.close());
  return standIn;
};

const awsEnv = (xrayEndpoint: string, credentials: AwsTestCredentials = CREDENTIALS) => awsTestEnv({ region: REGION, xrayEndpoint, credentials });

const spanIdsOf = (bodies: readonly Buffer[], traceId: string): string[] =>
  bodies
    .flatMap((body) => decodeProtobufRequest(body))
    .filter((span) => span.traceId === traceId)
    .map(({ spanId }) => spanId)
    .sort();

describe('X-Ray over OTLP from the built server', () => {
  it(
    'signs each batch for xray in the configured region, and sends X-Ray the very bytes the trace destination gets',
    async () => {
      const xray = await startStandIn();
      const primary = await startReceiver();
      // Docker compose always sets the daemon's address: over OTLP, the daemon goes unused.
      const daemon = await startFakeDaemon();
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: primary.url, AWS_XRAY_DAEMON_ADDRESS: daemon.address, ...(await awsEnv(xray.endpoint)) });
      expect(server.stdout()).toContain(
        `backend-flask: X-Ray over OTLP to ${xray.endpoint}/v1/traces, signed for xray in ${REGION} with the AWS SDK's default credentials`,
      );
      expect(server.stdout()).toContain('backend-flask: AWS_XRAY_OTLP=true: the X-Ray daemon at AWS_XRAY_DAEMON_ADDRESS is not used');

      const traceId = xrayTraceId();
      const response = await getHome(server.url, traceId);
      expect(response.status).toBe(200);
      await waitFor(
        () => xray.spans().filter((span) => span.traceId === traceId).length === 2,
        10_000,
        () => `X-Ray has not the trace's 2 spans; its requests' signatures: ${xray.received.map(({ signature }) => signature).join(', ')}`,
      );
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);
      // The process is gone, so whatever it sent the daemon is there before the marker.
      await sendMarker(daemon, 'marker');
      expect(daemon.documents().map(({ name }) => name)).toEqual(['marker']);

      expect(xray.received.map(({ signature }) => signature)).toEqual(xray.received.map(() => 'valid'));
      for (const { scope, headers } of xray.received) {
        expect(scope).toMatchObject({ accessKeyId: CREDENTIALS.accessKeyId, region: REGION, service: 'xray' });
        expect(headers['content-type']).toBe('application/x-protobuf');
        expect(headers['x-amz-security-token']).toBe(CREDENTIALS.sessionToken);
      }
      const spans = xray.spans().filter((span) => span.traceId === traceId);
      expect(spans.map(({ name }) => name).sort()).toEqual(['GET /api/activities/home', SPAN.homeActivitiesMockData].sort());
      expect(spans.find(({ parentSpanId }) => parentSpanId === CALLER_SPAN_ID)?.resource['service.name']).toBe('backend-flask');

      // Encoded once: every body X-Ray got is, byte for byte, one the trace destination got.
      const primaryBodies = primary.received.filter(({ url }) => url === '/v1/traces').map(({ body }) => body.toString('base64'));
      for (const { body } of xray.received) expect(primaryBodies).toContain(body.toString('base64'));
      expect(spanIdsOf(primary.received.map(({ body }) => body), traceId)).toEqual(spans.map(({ spanId }) => spanId).sort());

      const output = `${server.stdout()}${server.stderr()}`;
      expect(output).not.toContain(CREDENTIALS.secretAccessKey);
      expect(output).not.toContain(CREDENTIALS.sessionToken);
      expect(output).not.toContain(CREDENTIALS.accessKeyId);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "relays the browser's spans to X-Ray too, as OTLP/protobuf under the same trace id, signed",
    async () => {
      const xray = await startStandIn();
      const primary = await startReceiver();
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: primary.url, ...(await awsEnv(xray.endpoint)) });
      const traceId = await relayBrowserSpans(server.url);
      await waitFor(() => xray.spans().some((span) => span.traceId === traceId), 10_000, () => `X-Ray never got the browser's trace ${traceId}`);
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      const relayed = xray.received.filter(({ spans }) => spans.some((span) => span.traceId === traceId));
      expect(relayed.map(({ signature, headers }) => [signature, headers['content-type']])).toEqual([['valid', 'application/x-protobuf']]);
      expect(relayed[0]?.spans.map(({ name, resource }) => [name, resource['service.name']])).toEqual([['open-home', SERVICE.frontend]]);
      // The trace destination got them as the browser sent them, JSON.
      const forwarded = primary.received.filter(({ headers }) => headers['content-type'] === 'application/json');
      expect(forwarded.map(({ body }) => body.toString('utf8'))).toEqual([expect.stringContaining(`"traceId":"${traceId}"`)]);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'signs the same way for X-Ray named as the trace destination in OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, relayed spans included',
    async () => {
      const xray = await startStandIn();
      const aws = await awsTestEnv({ region: REGION, credentials: CREDENTIALS });
      const endpoint = `http://xray.${REGION}.amazonaws.com:${String(xray.port)}/v1/traces`;
      const server = await startServer({ ...aws, NODE_OPTIONS: `--import=${HOST_TO_LOOPBACK}`, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint });
      expect(server.stdout()).toContain(`to xray: ${endpoint} (http/protobuf)`);

      const traceId = xrayTraceId();
      expect((await getHome(server.url, traceId)).status).toBe(200);
      const browserTraceId = await relayBrowserSpans(server.url);
      await waitFor(
        () => [traceId, browserTraceId].every((id) => xray.spans().some((span) => span.traceId === id)),
        10_000,
        () => `X-Ray lacks a trace; its requests' signatures: ${xray.received.map(({ signature }) => signature).join(', ')}`,
      );
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);
      expect(xray.received.map(({ signature }) => signature)).toEqual(xray.received.map(() => 'valid'));
      expect(xray.received.map(({ scope }) => scope?.region)).toEqual(xray.received.map(() => REGION));
      expect(`${server.stdout()}${server.stderr()}`).not.toContain(CREDENTIALS.secretAccessKey);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'reports a refused signature (403) like any destination, naming what to check and never the credentials, while every request is answered',
    async () => {
      const xray = await startStandIn();
      const viewerLike = await startReceiver();
      const wrong = { ...CREDENTIALS, secretAccessKey: 'a-different-secret-0000000000000000000000' };
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: viewerLike.url, CRUDDUR_EXPORT_ERROR_INTERVAL_MS: '60000', ...(await awsEnv(xray.endpoint, wrong)) });
      const traceId = xrayTraceId();
      expect((await getHome(server.url, traceId)).status).toBe(200);
      await waitFor(
        () => server.stderr().includes(`export to X-Ray ${xray.endpoint}/v1/traces failing: HTTP 403: check the AWS credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)`),
        10_000,
        () => `no 403 line:\n${server.stderr()}`,
      );
      expect(xray.received.every(({ signature }) => signature === 'signature mismatch')).toBe(true);
      // The trace destination still got the spans.
      expect(spanIdsOf(viewerLike.received.map(({ body }) => body), traceId)).toHaveLength(2);
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);
      const output = `${server.stdout()}${server.stderr()}`;
      expect(output).not.toContain(wrong.secretAccessKey);
      expect(output).not.toContain(CREDENTIALS.sessionToken);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'says when the AWS SDK finds no credentials, without sending anything',
    async () => {
      const xray = await startStandIn();
      const primary = await startReceiver();
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: primary.url, ...(await awsTestEnv({ region: REGION, xrayEndpoint: xray.endpoint })) });
      expect((await getHome(server.url, xrayTraceId())).status).toBe(200);
      await waitFor(
        () => /failing: no AWS credentials \(\w+\): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE; 1 failure, 2 spans dropped/.test(server.stderr()),
        10_000,
        () => `no credentials line:\n${server.stderr()}`,
      );
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);
      expect(xray.received).toEqual([]);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it.each([
    ['AWS_XRAY_OTLP=true without a region', { AWS_XRAY_OTLP: 'true' }, 'AWS_XRAY_OTLP=true needs an AWS region: set AWS_REGION'],
    ['a switch that is not true or false', { AWS_XRAY_OTLP: 'on', AWS_REGION: REGION }, 'AWS_XRAY_OTLP must be true or false, got "on"'],
    ['an endpoint that is no URL', { AWS_XRAY_OTLP: 'true', AWS_REGION: REGION, AWS_ENDPOINT_URL_XRAY: 'localhost:4566' }, 'AWS_ENDPOINT_URL_XRAY must be an http\\(s\\) URL'],
  ])(
    'refuses to start on %s, with one line',
    async (_case, env, message) => {
      const run = await runUntilExit(env);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^backend-flask failed to start: ${message}[^\\n]*\\n$`));
    },
    SCENARIO_TIMEOUT_MS,
  );
});
