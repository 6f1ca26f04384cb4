import { SPAN } from '@cruddur/telemetry-conventions';
import { startTraceViewer } from '@cruddur/trace-viewer';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_SAMPLING_RULES_FILE } from '../src/telemetry/xray/sampling-rule.js';
import type { XrayDocument } from '../src/telemetry/xray/segment.js';
import { closedUdpPort, sendMarker, startFakeDaemon } from './xray-daemon.js';
import { runUntilExit, startServer, waitFor } from './server-process.js';

/**
 * The built server as `pnpm start` runs it, with X-Ray on: segments checked
 * as a daemon on 127.0.0.1 receives them.
 */

const CLEAN_EXIT = { code: 0, signal: null };
const SCENARIO_TIMEOUT_MS = 30_000;
const CALLER_SPAN_ID = 'b7ad6b7169203331';

/** A trace id as the browser's X-Ray id generator makes it: the epoch second first. */
const xrayTraceId = () => `${Math.floor(Date.now() / 1000).toString(16)}5f3ba6c2f3ab41e7a6c0d3f1`;

const getHome = (base: string, traceId: string) =>
  fetch(`${base}/api/activities/home`, { headers: { traceparent: `00-${traceId}-${CALLER_SPAN_ID}-01` } });

/** The OTLP destination: the local viewer, which must get every span whatever X-Ray samples. */
const startViewer = async () => {
  const viewer = await startTraceViewer({ port: 0 });
  onTestFinished(() => viewer.close());
  return viewer;
};

const walk = (document: XrayDocument): XrayDocument[] => [document, ...(document.subsegments ?? []).flatMap(walk)];

describe('X-Ray from the built server', () => {
  it(
    'sends the request as one backend-flask segment under the caller span, with the mock-data subsegment',
    async () => {
      const daemon = await startFakeDaemon();
      const viewer = await startViewer();
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: viewer.url, AWS_XRAY_DAEMON_ADDRESS: daemon.address });
      expect(server.stdout()).toContain(`backend-flask: X-Ray via the daemon at udp:${daemon.address}, sampling rule Cruddur (5/s, then 10 %)`);

      const traceId = xrayTraceId();
      const response = await getHome(server.url, traceId);
      expect(response.status).toBe(200);
      const body = await response.text();
      // Batched for 200 ms, as the OTLP export.
      await waitFor(() => daemon.received.length > 0, 2_000, () => 'no segment within 2 s');
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      expect(daemon.malformed).toEqual([]);
      expect(daemon.received.map(({ header }) => header)).toEqual(['{"format":"json","version":1}']);
      const [segment] = daemon.documents();
      if (!segment) throw new Error('no segment');
      expect(segment).toMatchObject({
        name: 'backend-flask',
        trace_id: `1-${traceId.slice(0, 8)}-${traceId.slice(8)}`,
        parent_id: CALLER_SPAN_ID,
        http: {
          request: { method: 'GET', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/activities\/home$/) as unknown, client_ip: '127.0.0.1' },
          response: { status: 200, content_length: Buffer.byteLength(body) },
        },
      });
      expect(segment.id).toMatch(/^[0-9a-f]{16}$/);
      expect(segment.end_time).toBeGreaterThan(segment.start_time);
      expect(segment.error ?? segment.fault ?? segment.throttle).toBeUndefined();

      const mockData = walk(segment).find(({ name }) => name === SPAN.homeActivitiesMockData);
      expect(mockData).toMatchObject({
        annotations: { app_user_handle: 'andrewbrown', app_result_length: 3 },
        metadata: { default: { 'app.user_handle': 'andrewbrown', 'app.result_length': 3 } },
      });
      expect(typeof mockData?.annotations?.app_now).toBe('string');
      expect(walk(segment).map(({ name }) => name)).toEqual(['backend-flask', SPAN.homeActivitiesMockData]);
      // The same spans reached the OTLP destination too.
      expect(viewer.store.get(traceId)?.spans.size).toBe(2);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'gives a request that starts its own trace an X-Ray id of now, and a segment without parent',
    async () => {
      const daemon = await startFakeDaemon();
      const viewer = await startViewer();
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: viewer.url, AWS_XRAY_DAEMON_ADDRESS: daemon.address });
      const before = Math.floor(Date.now() / 1000);
      expect((await fetch(`${server.url}/api/activities/home`)).status).toBe(200);
      await waitFor(() => daemon.received.length > 0, 2_000, () => 'no segment within 2 s');
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);

      const [segment] = daemon.documents();
      const [version, epoch, rest] = segment?.trace_id?.split('-') ?? [];
      expect(version).toBe('1');
      expect(Number.parseInt(epoch ?? '', 16)).toBeGreaterThanOrEqual(before);
      expect(Number.parseInt(epoch ?? '', 16)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
      expect(rest).toMatch(/^[0-9a-f]{24}$/);
      expect(segment?.parent_id).toBeUndefined();
      // The OTLP destination has the same trace under the W3C form of that id.
      expect(viewer.store.get(`${epoch ?? ''}${rest ?? ''}`)?.spans.size).toBe(2);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'flushes the queued segments on SIGTERM',
    async () => {
      const daemon = await startFakeDaemon();
      const viewer = await startViewer();
      // A minute's batching: anything the daemon gets came from the shutdown flush.
      const server = await startServer({
        OTEL_EXPORTER_OTLP_ENDPOINT: viewer.url,
        OTEL_BSP_SCHEDULE_DELAY: '60000',
        AWS_XRAY_DAEMON_ADDRESS: `udp:${daemon.address}`,
      });
      expect((await getHome(server.url, xrayTraceId())).status).toBe(200);
      // Nothing went before SIGTERM. The server answers the next request only after the first one's
      // span has ended, so a segment sent as it ended would be at the daemon ahead of the marker.
      expect((await fetch(`${server.url}/api/health-check`)).status).toBe(200);
      await sendMarker(daemon, 'marker');
      expect(daemon.documents().map(({ name }) => name)).toEqual(['marker']);

      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);
      // Sent before the process exited: only this process's reading of it may lag.
      await waitFor(() => daemon.received.length > 1, 5_000, () => 'no segment arrived after SIGTERM');
      expect(daemon.documents().map(({ name }) => name)).toEqual(['marker', 'backend-flask']);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'answers every request when no daemon listens',
    async () => {
      const viewer = await startViewer();
      const port = await closedUdpPort();
      const server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: viewer.url, AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${String(port)}` });
      expect((await getHome(server.url, xrayTraceId())).status).toBe(200);
      // The kernel's "port unreachable" for the first segment comes back as an error on the socket.
      await waitFor(
        () => server.stderr().includes('failing: ECONNREFUSED: unreachable: check AWS_XRAY_DAEMON_ADDRESS'),
        5_000,
        () => `the server never said the daemon refused:\n${server.stderr()}`,
      );
      for (let i = 0; i < 5; i++) expect((await getHome(server.url, xrayTraceId())).status).toBe(200);
      expect(await server.stop('SIGTERM')).toEqual(CLEAN_EXIT);
    },
    SCENARIO_TIMEOUT_MS,
  );

  const badRuleFile = (): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'xray-wire-')), 'xray.json');
    const rule = JSON.parse(readFileSync(DEFAULT_SAMPLING_RULES_FILE, 'utf8')) as { SamplingRule: Record<string, unknown> };
    writeFileSync(file, JSON.stringify({ SamplingRule: { ...rule.SamplingRule, FixedRate: 10 } }));
    return file;
  };

  it.each([
    ['a daemon address without port', () => ({ AWS_XRAY_DAEMON_ADDRESS: 'xray-daemon' }), 'AWS_XRAY_DAEMON_ADDRESS must be host:port'],
    [
      'a missing rule file',
      () => ({ AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000', AWS_XRAY_SAMPLING_RULES_FILE: '/nowhere/xray.json' }),
      'X-Ray sampling rule file /nowhere/xray.json cannot be read: ENOENT',
    ],
    [
      'a rule out of range',
      () => ({ AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000', AWS_XRAY_SAMPLING_RULES_FILE: badRuleFile() }),
      'X-Ray sampling rule file \\S+ is invalid: SamplingRule.FixedRate must be a number from 0 to 1, got 10',
    ],
  ])(
    'refuses to start on %s, with one line',
    async (_case, env, message) => {
      const run = await runUntilExit(env());
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^backend-flask failed to start: ${message}[^\\n]*\\n$`));
      expect(run.stdout).not.toContain('listening');
    },
    SCENARIO_TIMEOUT_MS,
  );
});
