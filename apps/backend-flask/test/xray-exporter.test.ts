import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isTimelyTraceId, XraySpanExporter, type XrayExporterOptions } from '../src/telemetry/xray/exporter.js';
import { closedUdpPort, startFakeDaemon } from './xray-daemon.js';
import { browserParent, spanFactory } from './xray-spans.js';
import { waitFor } from './server-process.js';

const exporterTo = (port: number, options: Partial<XrayExporterOptions> = {}) => {
  const warnings: string[] = [];
  const exporter = new XraySpanExporter({
    address: { host: '127.0.0.1', port },
    warn: (message) => warnings.push(message),
    ...options,
  });
  onTestFinished(() => exporter.shutdown());
  return { exporter, warnings };
};

const exportNow = (exporter: XraySpanExporter, spans: ReadableSpan[]): Promise<ExportResult> =>
  new Promise((resolve) => {
    exporter.export(spans, resolve);
  });

const requests = (count: number, parent = browserParent()) => {
  const spans = spanFactory();
  for (let i = 0; i < count; i++) spans.request({ ...parent, traceId: `${parent.traceId.slice(0, 24)}${(0x10000000 + i).toString(16)}` }).endAll();
  return spans.finished();
};

describe('the X-Ray exporter over real UDP', () => {
  // What it is handed was sampled already (see xray-processor.test.ts): it sends all of it.
  it('sends one segment per request it is handed to the daemon address', async () => {
    const daemon = await startFakeDaemon();
    const { exporter, warnings } = exporterTo(daemon.port);
    const parent = browserParent();
    const spans = spanFactory();
    spans.request(parent).endAll();

    expect(await exportNow(exporter, spans.finished())).toEqual({ code: ExportResultCode.SUCCESS });
    await exporter.forceFlush();
    await waitFor(() => daemon.received.length > 0, 2_000, () => 'no datagram arrived');
    expect(daemon.malformed).toEqual([]);
    expect(daemon.documents()).toMatchObject([
      { name: 'backend-flask', trace_id: `1-${parent.traceId.slice(0, 8)}-${parent.traceId.slice(8)}`, parent_id: parent.spanId },
    ]);
    expect(warnings).toEqual([]);
  });

  it('succeeds when no daemon listens, and reports the failures at most once per interval', async () => {
    const port = await closedUdpPort();
    let now = Date.now();
    const { exporter, warnings } = exporterTo(port, { now: () => now });
    for (let i = 0; i < 5; i++) {
      expect(await exportNow(exporter, requests(1))).toEqual({ code: ExportResultCode.SUCCESS });
      await exporter.forceFlush();
    }
    // Nothing listens: the kernel answers "port unreachable", and the socket reports it a moment later.
    await waitFor(() => warnings.length > 0, 3_000, () => 'no failure was reported');
    // Then at most one line per interval, however many of the five failed.
    expect(warnings).toEqual([
      expect.stringMatching(/^backend-flask: export to the X-Ray daemon at udp:127\.0\.0\.1:\d+ failing: ECONNREFUSED: unreachable: check AWS_XRAY_DAEMON_ADDRESS; /) as unknown,
    ]);
    now += 60_000;
    await exporter.shutdown();
    expect(warnings.length).toBeLessThanOrEqual(2);
  });

  it('reports a daemon host that does not resolve at once, then sums up at shutdown', async () => {
    const warnings: string[] = [];
    const exporter = new XraySpanExporter({
      address: { host: 'xray-daemon.invalid', port: 2000 },
      warn: (message) => warnings.push(message),
    });
    for (let i = 0; i < 3; i++) {
      expect(await exportNow(exporter, requests(1))).toEqual({ code: ExportResultCode.SUCCESS });
      await exporter.forceFlush();
    }
    // The connect fails (the name does not resolve): one line with the reason; the next two sends, within
    // the 5 s before it tries again, are counted as dropped.
    expect(warnings).toEqual([
      expect.stringMatching(
        /^backend-flask: export to the X-Ray daemon at udp:xray-daemon\.invalid:2000 failing: (ENOTFOUND|EAI_AGAIN): unreachable: check AWS_XRAY_DAEMON_ADDRESS; 1 failure, 1 segments dropped since the last line$/,
      ) as unknown,
    ]);
    await exporter.shutdown();
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/ failing: (ENOTFOUND|EAI_AGAIN): unreachable: check AWS_XRAY_DAEMON_ADDRESS; 0 failures, 2 segments dropped since the last line$/);
    // Name resolution may take the resolver's time on a machine without network.
  }, 15_000);

  it('sends what is handed over before shutdown resolves', async () => {
    const daemon = await startFakeDaemon();
    const { exporter } = exporterTo(daemon.port);
    await exportNow(exporter, requests(3));
    await exporter.shutdown();
    await waitFor(() => daemon.received.length === 3, 2_000, () => `${String(daemon.received.length)} of 3 datagrams`);
  });
});

describe('trace ids X-Ray accepts', () => {
  const now = 1_800_000_000_000;
  const id = (epochSeconds: number) => `${epochSeconds.toString(16).padStart(8, '0')}${'a'.repeat(24)}`;
  it.each([
    [id(now / 1000), true],
    [id(now / 1000 - 28 * 24 * 3600), true],
    [id(now / 1000 - 28 * 24 * 3600 - 1), false],
    [id(now / 1000 + 300), true],
    [id(now / 1000 + 301), false],
    ['0af7651916cd43dd8448eb211c80319c', false],
  ])('%s: %s', (traceId, expected) => {
    expect(isTimelyTraceId(traceId, now)).toBe(expected);
  });
});
