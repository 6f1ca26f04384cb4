import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it, onTestFinished } from 'vitest';
import { XraySpanProcessor, type XrayProcessorOptions } from '../src/telemetry/xray/processor.js';
import { DEFAULT_SAMPLING_RULES_FILE, loadSamplingRule } from '../src/telemetry/xray/sampling-rule.js';
import { sendMarker, startFakeDaemon } from './xray-daemon.js';
import { browserParent, spanFactory } from './xray-spans.js';
import { waitFor } from './server-process.js';

const RULE = loadSamplingRule(DEFAULT_SAMPLING_RULES_FILE);
const NOW = 1_800_000_000_000;
const EPOCH = Math.floor(NOW / 1000);

/** A random source that answers from `draws` and counts its calls; throws when the test planned fewer. */
const plannedDraws = (...draws: number[]) => {
  let calls = 0;
  return {
    random: () => {
      calls++;
      const next = draws.shift();
      if (next === undefined) throw new Error('random() called once more than the test planned');
      return next;
    },
    calls: () => calls,
  };
};

/**
 * The processor in front of a fake daemon, on a real SDK's spans. `arrived`
 * flushes and waits for `count` datagrams; `allSent` returns every document
 * the processor sent: its shutdown waits until each datagram has left the
 * socket, and the daemon reads a marker sent after them last.
 */
const processorTo = async (options: Partial<XrayProcessorOptions> = {}) => {
  const daemon = await startFakeDaemon();
  const warnings: string[] = [];
  const processor = new XraySpanProcessor({
    address: { host: '127.0.0.1', port: daemon.port },
    rule: RULE,
    warn: (message) => warnings.push(message),
    now: () => NOW,
    batch: { scheduledDelayMillis: 10 },
    ...options,
  });
  onTestFinished(() => processor.shutdown());
  const arrived = async (count: number) => {
    await processor.forceFlush();
    await waitFor(() => daemon.received.length >= count, 2_000, () => `${String(daemon.received.length)} of ${String(count)} datagrams`);
  };
  const allSent = async () => {
    await processor.shutdown();
    await sendMarker(daemon, 'marker');
    return daemon.documents().filter(({ name }) => name !== 'marker');
  };
  return { warnings, spans: spanFactory([processor]), arrived, allSent };
};

const traceIdNumber = (i: number) => `${browserParent(EPOCH).traceId.slice(0, 24)}${(0x10000000 + i).toString(16)}`;

describe('X-Ray sampling when the SERVER span starts', () => {
  it('samples per the rule: 5 traces in the same second, then 10 % of the rest; only those reach the daemon', async () => {
    // One draw under 10 %, the others over it.
    const draws = plannedDraws(0.05, 0.5, 0.5, 0.5, 0.5);
    const { spans, allSent } = await processorTo({ random: draws.random });
    for (let i = 0; i < 10; i++) spans.request({ traceId: traceIdNumber(i), spanId: 'b7ad6b7169203331' }).endAll();
    const documents = await allSent();
    expect(documents).toHaveLength(6);
    expect(draws.calls()).toBe(5);
    // Each sampled request whole: its use case span went with it.
    for (const document of documents) {
      expect([document.name, ...(document.subsegments ?? []).map(({ name }) => name)]).toEqual(['backend-flask', 'home-activities-mock-data']);
    }
  });

  it('decides at the start: a span ending after the response still follows its request', async () => {
    const { spans, arrived, allSent } = await processorTo({ rule: { ...RULE, reservoirSize: 1, fixedRate: 0 }, random: () => 0.5 });
    const kept = spans.request(browserParent(EPOCH));
    const dropped = spans.request({ traceId: traceIdNumber(1), spanId: 'b7ad6b7169203331' });
    const lateKept = spans.start('after-response', SpanKind.INTERNAL, {}, kept.server);
    const lateDropped = spans.start('after-response', SpanKind.INTERNAL, {}, dropped.server);
    kept.endAll();
    dropped.endAll();
    await arrived(1);
    lateKept.end();
    lateDropped.end();
    expect((await allSent()).map(({ name, type, parent_id }) => [name, type, parent_id])).toEqual([
      ['backend-flask', undefined, 'b7ad6b7169203331'],
      ['after-response', 'subsegment', kept.server.spanContext().spanId],
    ]);
  });

  it('decides once per trace: a second request of the same click follows the first, either way', async () => {
    const draws = plannedDraws(0.5, 0.05);
    // No reservoir: every decision is a draw.
    const { spans, allSent } = await processorTo({ rule: { ...RULE, reservoirSize: 0 }, random: draws.random });
    const unsampled = browserParent(EPOCH);
    spans.request(unsampled).endAll();
    spans.request({ ...unsampled, spanId: 'c0ffee0000000001' }).endAll();
    const sampled = { traceId: traceIdNumber(7), spanId: 'c0ffee0000000002' };
    spans.request(sampled).endAll();
    spans.request({ ...sampled, spanId: 'c0ffee0000000003' }).endAll();
    const documents = await allSent();
    expect(draws.calls()).toBe(2);
    expect(documents.map(({ parent_id }) => parent_id)).toEqual(['c0ffee0000000002', 'c0ffee0000000003']);
  });

  it('never sends spans outside a request', async () => {
    const { spans, allSent } = await processorTo({ random: () => 0 });
    spans.start('background-job', SpanKind.INTERNAL).end();
    spans.start('GET', SpanKind.CLIENT, { 'server.address': 'example.com' }).end();
    expect(await allSent()).toEqual([]);
  });

  it('skips traces whose id X-Ray would refuse, and says so', async () => {
    const { spans, allSent, warnings } = await processorTo({ random: () => 0 });
    // A caller without an X-Ray id generator: its "epoch" is 1995.
    spans.request({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' }).endAll();
    expect(await allSent()).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('skipped traces whose id X-Ray refuses') as unknown]);
  });
});
