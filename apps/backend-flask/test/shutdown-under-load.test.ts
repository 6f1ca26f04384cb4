import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloudWatchStandIn } from '@cruddur/pino-cloudwatch/stand-in';
import { SERVICE, toXrayTraceId } from '@cruddur/telemetry-conventions';
import { startTraceViewer } from '@cruddur/trace-viewer';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_SAMPLING_RULES_FILE } from '../src/telemetry/xray/sampling-rule.js';
import { startRollbarReceiver } from './rollbar-receiver.js';
import { startServer, waitFor } from './server-process.js';
import { startFakeDaemon } from './xray-daemon.js';

/**
 * The built server with every destination on (OTLP, X-Ray, Rollbar,
 * CloudWatch Logs), each a local stand-in, stopped by SIGTERM in the middle
 * of steady load: whatever it answered must reach all of them.
 */

const REQUESTS = 300;
const CONCURRENCY = 4;
const SIGTERM_AFTER = 120;
/** Every 10th request asks for a 500. */
const FAULT_EVERY = 10;

/** The repository's rule, sampling every request, so every trace must reach X-Ray. */
const sampleEverythingRuleFile = (): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'shutdown-under-load-')), 'xray.json');
  const rule = JSON.parse(readFileSync(DEFAULT_SAMPLING_RULES_FILE, 'utf8')) as { SamplingRule: Record<string, unknown> };
  writeFileSync(file, JSON.stringify({ SamplingRule: { ...rule.SamplingRule, FixedRate: 1 } }));
  return file;
};

/** A W3C trace id made the X-Ray way (epoch second first), so X-Ray takes it. */
const xrayStyleTraceId = () => `${Math.floor(Date.now() / 1000).toString(16)}${randomBytes(12).toString('hex')}`;

interface Answered {
  readonly traceId: string;
  readonly status: number;
}

describe('SIGTERM under load', () => {
  it('exits 0 within seconds, and every answered request reaches CloudWatch, the OTLP destination, X-Ray and (each 500) Rollbar', async () => {
    const viewer = await startTraceViewer({ port: 0 });
    onTestFinished(() => viewer.close());
    const cloudwatch = await startCloudWatchStandIn();
    onTestFinished(() => cloudwatch.close());
    const rollbar = await startRollbarReceiver();
    const daemon = await startFakeDaemon();
    const server = await startServer({
      OTEL_EXPORTER_OTLP_ENDPOINT: viewer.url,
      AWS_XRAY_DAEMON_ADDRESS: daemon.address,
      AWS_XRAY_SAMPLING_RULES_FILE: sampleEverythingRuleFile(),
      ROLLBAR_ACCESS_TOKEN: 'post-server-item-under-load',
      ROLLBAR_ENDPOINT: rollbar.endpoint,
      CRUDDUR_FAULT_INJECTION: '1',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: cloudwatch.url,
    });

    const answered: Answered[] = [];
    let sent = 0;
    // Each worker sends until the total is reached or the server stops taking requests.
    const worker = async () => {
      while (sent < REQUESTS) {
        sent += 1;
        const fault = sent % FAULT_EVERY === 0;
        const traceId = xrayStyleTraceId();
        const headers: Record<string, string> = { traceparent: `00-${traceId}-b7ad6b7169203331-01` };
        if (fault) headers['x-cruddur-fault'] = '500';
        try {
          const response = await fetch(`${server.url}/api/activities/home`, { headers });
          await response.arrayBuffer();
          answered.push({ traceId, status: response.status });
        } catch {
          return;
        }
      }
    };
    const load = Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await waitFor(() => answered.length >= SIGTERM_AFTER, 15_000, () => `${String(answered.length)} requests answered`);
    const stopping = performance.now();
    const exit = await server.stop('SIGTERM');
    const stopMs = performance.now() - stopping;
    await load;

    expect(exit).toEqual({ code: 0, signal: null });
    // Healthy destinations flush in about 0.2 s, even on a busy 2-core machine. 6 s leaves 30 times
    // that, and still fails a shutdown that waits out two of its 3 s flush budgets (or nears the 10 s
    // shutdown timeout, which exits 1).
    expect(stopMs, 'ms from SIGTERM to exit').toBeLessThan(6_000);
    // Mid-load: the signal came before the last request was sent.
    expect(sent).toBeLessThan(REQUESTS);
    expect(answered.map(({ status }) => status).filter((status) => status !== 200 && status !== 500)).toEqual([]);
    const faulted = answered.filter(({ status }) => status === 500).map(({ traceId }) => traceId);
    expect(faulted.length).toBeGreaterThanOrEqual(SIGTERM_AFTER / FAULT_EVERY - CONCURRENCY);

    const [stream, ...otherStreams] = cloudwatch.streams('Cruddur');
    expect(otherStreams).toEqual([]);
    const accessLines = cloudwatch
      .events('Cruddur', stream ?? '')
      .map(({ message }) => JSON.parse(message) as { trace_id?: string; status?: number; duration_ms?: number })
      .filter(({ duration_ms }) => duration_ms !== undefined);
    const serverSpans = viewer.store
      .list()
      .flatMap(({ traceId }) => [...(viewer.store.get(traceId)?.spans.values() ?? [])])
      .filter((span) => span.kind === 'SERVER' && span.resource['service.name'] === SERVICE.backend);
    const segments = daemon.documents().filter(({ name }) => name === SERVICE.backend);
    const byTrace = <T>(items: readonly T[], traceIdOf: (item: T) => string | undefined) => items.map(traceIdOf).sort();
    const expected = answered.map(({ traceId }) => traceId).sort();

    expect(byTrace(accessLines, ({ trace_id }) => trace_id)).toEqual(expected);
    expect(byTrace(serverSpans, ({ traceId }) => traceId)).toEqual(expected);
    expect(daemon.malformed).toEqual([]);
    expect(byTrace(segments, ({ trace_id }) => trace_id)).toEqual(expected.map(toXrayTraceId).sort());
    expect(byTrace(rollbar.received, ({ item }) => item.data.custom?.trace_id as string | undefined)).toEqual([...faulted].sort());
    expect(rollbar.answered()).toBe(faulted.length);
  }, 30_000);
});
