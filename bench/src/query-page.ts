import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromiumLaunchOptions } from '@cruddur/chromium';
import { chromium, type Page } from '@playwright/test';
import { installProbe, type QueryPageProbe } from './query-page-probe.js';
import { clickSample, interleavedSegments, summarizePhase, type ClickMarks, type ClickSample, type Phase, type SegmentRecord } from './query-page-stats.js';
import type { QueryPagePhase, QueryPageResults } from './results.js';
import { startSpanStream, type StreamCount, streamRate } from './span-stream.js';
import { startViewer, type ViewerProcess } from './viewer-process.js';
import { SPANS_PER_TRACE } from './viewer-spans.js';

/** Traces of four spans: 100,000 spans, as in the viewer's query goal. */
const LOAD_TRACES = 25_000;

/** The page's seed query: the week-2 heatmap and P90 of the API's spans, by route, over the last two hours (the spans loaded start in the last 30 minutes, the streamed ones as they are sent). */
export const QUERY_PAGE_QUERY = {
  calculations: [
    { op: 'HEATMAP', column: 'duration_ms' },
    { op: 'P90', column: 'duration_ms' },
  ],
  filters: [{ column: 'service.name', op: '=', value: 'backend-flask' }],
  breakdowns: ['http.route'],
  time_range: 7200,
};

/** Between one answer painted and the next click. */
const GAP_MS = 200;
/** From the stream's start to the streaming phase's first click: the sender and the viewer in their stride. */
const SETTLE_MS = 1000;
const CLICK_TIMEOUT_MS = 15_000;
const FIRST_ANSWER_TIMEOUT_MS = 30_000;

interface Health {
  readonly spans: number;
  readonly evictedSpans: number;
}

const health = async (viewerUrl: string): Promise<Health> => {
  const res = await fetch(`${viewerUrl}/api/health`);
  if (!res.ok) throw new Error(`${viewerUrl}/api/health: ${String(res.status)}`);
  return (await res.json()) as Health;
};

type ProbeWindow = { __queryPageProbe: QueryPageProbe };

/**
 * Where to click `Run query`: found by its role once, then clicked with the
 * mouse at its centre. Playwright's locator click would run its own script
 * in the page before every click (finding the button by role across the
 * whole document, waiting for it to be stable, hit-testing it): main-thread
 * work of the bench's, not the page's, which showed up as long tasks. The
 * button stays where it is, since re-running the same query redraws only
 * the results below it; the probe checks that each click lands on it.
 */
const runQueryButton = async (page: Page): Promise<{ x: number; y: number }> => {
  const button = page.getByRole('button', { name: 'Run query', exact: true });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (!box) throw new Error('the Run query button is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** One click of `Run query`, timed in the page. */
const clickOnce = async (page: Page, at: { x: number; y: number }): Promise<ClickSample> => {
  await page.evaluate((timeoutMs) => {
    (globalThis as unknown as ProbeWindow).__queryPageProbe.arm(timeoutMs);
  }, CLICK_TIMEOUT_MS);
  await page.mouse.click(at.x, at.y);
  const marks: ClickMarks = await page.evaluate(() => (globalThis as unknown as ProbeWindow).__queryPageProbe.sample());
  return clickSample(marks);
};

const pageNow = (page: Page): Promise<number> => page.evaluate(() => (globalThis as unknown as ProbeWindow).__queryPageProbe.now());
const takeRecords = (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeWindow).__queryPageProbe.take());

/** `clicks` clicks, each GAP_MS after the previous answer was painted, with what the page recorded meanwhile. */
const runSegment = async (page: Page, at: { x: number; y: number }, clicks: number, viewer: ViewerProcess): Promise<SegmentRecord> => {
  const spansBefore = (await health(viewer.url)).spans;
  // Drops what was recorded before the segment.
  await takeRecords(page);
  const [cpuBefore, wallBefore] = [await viewer.cpuTimeMs(), performance.now()];
  const start = await pageNow(page);
  const samples: ClickSample[] = [];
  for (let click = 0; click < clicks; click++) {
    await sleep(GAP_MS);
    samples.push(await clickOnce(page, at));
  }
  const end = await pageNow(page);
  const [cpuAfter, wallAfter] = [await viewer.cpuTimeMs(), performance.now()];
  const { frames, longTasks } = await takeRecords(page);
  return {
    samples,
    window: { start, end },
    frames,
    longTasks,
    spansBefore,
    spansAfter: (await health(viewer.url)).spans,
    viewerCpuMs: cpuAfter - cpuBefore,
    wallMs: wallAfter - wallBefore,
  };
};

const describePhase = (name: string, phase: QueryPagePhase): string =>
  `${name}: click to chart median ${phase.medianMs.toFixed(1)} ms (p90 ${phase.p90Ms.toFixed(1)}), ` +
  `${String(phase.longTasks)} long tasks (longest ${phase.longestTaskMs.toFixed(0)} ms), longest frame gap ${phase.longestFrameGapMs.toFixed(0)} ms`;

/**
 * The viewer's query page in Debian's Chromium, over a viewer process with
 * its default limits holding 100,000 spans: `Run query` clicked `clicks`
 * times with the viewer quiet, then as many times while another process
 * sends it `spansPerSec` spans a second, each click timed in the page from
 * the click to the frame that shows its answer.
 */
export const measureQueryPage = async (clicks: number, spansPerSec: number, progress: (line: string) => void): Promise<QueryPageResults> => {
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const viewer = await startViewer();
    cleanups.push(() => viewer.stop());
    const stream = startSpanStream({ viewerUrl: viewer.url, loadTraces: LOAD_TRACES, spansPerSec });
    cleanups.push(() => stream.kill());
    // Chromium starts while the spans load; a failure is reported where it is awaited.
    const launching = chromium.launch(chromiumLaunchOptions);
    launching.catch(() => undefined);
    cleanups.push(async () => (await launching).close());
    const loaded = await stream.loaded;
    const held = await health(viewer.url);
    if (held.spans !== LOAD_TRACES * SPANS_PER_TRACE || held.evictedSpans > 0) {
      throw new Error(`the viewer holds ${String(held.spans)} spans and evicted ${String(held.evictedSpans)}: its default limits should hold them all`);
    }
    progress(`query page: ${held.spans.toLocaleString('en-US')} spans loaded in ${(loaded.ms / 1000).toFixed(1)} s`);

    const page = await (await launching).newPage();
    await page.addInitScript(installProbe);
    await page.goto(`${viewer.url}/#/query?q=${encodeURIComponent(JSON.stringify(QUERY_PAGE_QUERY))}`);
    await page.locator('#query-results[data-state="done"][data-run="1"]').waitFor({ timeout: FIRST_ANSWER_TIMEOUT_MS });
    if (!(await page.evaluate(() => '__queryPageProbe' in globalThis))) throw new Error('the probe did not install itself in the query page');
    const warmupClicks = Math.ceil(clicks / 4);
    const at = await runQueryButton(page);
    for (let click = 0; click < warmupClicks; click++) {
      await sleep(GAP_MS);
      await clickOnce(page, at);
    }

    const records: Record<Phase, SegmentRecord[]> = { quiet: [], streaming: [] };
    /** The stream's counts as each streaming segment's clicks started and ended (for the rate); its totals, settling included. */
    const stretches: { from: StreamCount; to: StreamCount }[] = [];
    let streamed = { spans: 0, requests: 0, seconds: 0, skippedTicks: 0 };
    for (const { phase, clicks: segmentClicks } of interleavedSegments(clicks)) {
      if (phase === 'quiet') {
        records.quiet.push(await runSegment(page, at, segmentClicks, viewer));
        continue;
      }
      stream.start();
      await sleep(SETTLE_MS);
      const from = await stream.count();
      records.streaming.push(await runSegment(page, at, segmentClicks, viewer));
      const to = await stream.count();
      const stopped = await stream.stop();
      stretches.push({ from, to });
      streamed = {
        spans: streamed.spans + stopped.spans,
        requests: streamed.requests + stopped.requests,
        seconds: streamed.seconds + stopped.seconds,
        skippedTicks: streamed.skippedTicks + stopped.skippedTicks,
      };
    }
    const quiet = summarizePhase(records.quiet);
    const streaming = summarizePhase(records.streaming);
    const { spansPerSec: rate, cpuShare: senderCpuShare } = streamRate(stretches);
    progress(`query page: ${describePhase('quiet', quiet)}`);
    progress(`query page: ${describePhase(`while ${rate.toFixed(0)} spans/s stream in`, streaming)}`);
    const end = await health(viewer.url);
    return {
      query: QUERY_PAGE_QUERY,
      spansLoaded: loaded.spans,
      warmupClicks,
      clickGapMs: GAP_MS,
      quiet,
      streaming,
      stream: {
        targetSpansPerSec: spansPerSec,
        spansPerSec: rate,
        spans: streamed.spans,
        requests: streamed.requests,
        seconds: streamed.seconds,
        skippedTicks: streamed.skippedTicks,
        senderCpuShare,
      },
      evictedSpans: end.evictedSpans,
    };
  } finally {
    // Each one runs even if an earlier one failed.
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => {
        progress(`query page: cleanup failed: ${String(error)}`);
      });
    }
  }
};
