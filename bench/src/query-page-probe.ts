// Runs in the query page (Playwright's addInitScript, before the page's own
// scripts): times each click of `Run query` to the frame that shows its
// answer, and records animation frames and long tasks all along. Everything
// is timed on the page's clock, so neither Playwright's round trips nor the
// bench's own event loop are in the numbers.
import type { ClickMarks, LongTask } from './query-page-stats.js';

/** What the bench calls in the page, as `window.__queryPageProbe`. */
export interface QueryPageProbe {
  /** Readies the next sample: the next click, until data-run goes past its value now. */
  arm(timeoutMs: number): void;
  /** The armed sample, once its answer is painted; rejects if the page shows an error or nothing comes in time. */
  sample(): Promise<ClickMarks>;
  /** The page's clock now. */
  now(): number;
  /** Frames (their rAF timestamps) and long tasks recorded since the last call, handed over and forgotten. */
  take(): { frames: number[]; longTasks: LongTask[] };
}

/**
 * Installs the probe. Self-contained, since Playwright sends its source to
 * the page: no imports, no helpers from this module. The DOM's types are
 * not in this package's (Node's) lib, so the few used are spelled out.
 */
export const installProbe = (): void => {
  interface Attributes {
    readonly dataset: Record<string, string | undefined>;
  }
  interface PageGlobals {
    readonly document: {
      getElementById(id: string): Attributes | null;
    };
    addEventListener(
      type: 'click',
      listener: (event: { readonly timeStamp: number; readonly target: { closest?(selector: string): { readonly textContent: string | null } | null } | null }) => void,
      capture: boolean,
    ): void;
    requestAnimationFrame(callback: (time: number) => void): number;
    readonly MutationObserver: new (callback: () => void) => {
      observe(target: unknown, options: { subtree: boolean; attributes: boolean; attributeFilter: string[] }): void;
    };
    readonly PerformanceObserver: new (callback: (list: { getEntries(): LongTask[] }) => void) => {
      observe(options: { type: string; buffered: boolean }): void;
    };
    readonly MessageChannel: new () => {
      readonly port1: { onmessage: (() => void) | null };
      readonly port2: { postMessage(message: unknown): void };
    };
    readonly performance: {
      now(): number;
      getEntriesByType(type: 'resource'): { readonly name: string; readonly startTime: number; readonly responseEnd: number }[];
      clearResourceTimings(): void;
    };
    __queryPageProbe?: QueryPageProbe;
  }
  const page = globalThis as unknown as PageGlobals;

  let frames: number[] = [];
  let longTasks: LongTask[] = [];
  const onFrame = (time: number) => {
    frames.push(time);
    page.requestAnimationFrame(onFrame);
  };
  page.requestAnimationFrame(onFrame);
  new page.PerformanceObserver((list) => {
    for (const { startTime, duration } of list.getEntries()) longTasks.push({ startTime, duration });
  }).observe({ type: 'longtask', buffered: true });

  interface Pending {
    readonly runBefore: number;
    clickAt?: number;
    handlerAt?: number;
    answerAt?: number;
    readonly done: Promise<ClickMarks>;
    resolve(marks: ClickMarks): void;
    reject(error: Error): void;
  }
  let pending: Pending | undefined;
  const results = () => page.document.getElementById('query-results');
  /** The latest request to `path` sent since `since`, as Resource Timing has it once answered. */
  const request = (path: string, since: number) => {
    const found = page.performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname === path && entry.startTime >= since)
      .at(-1);
    return found ? { start: found.startTime, end: found.responseEnd } : null;
  };

  // Capturing on the window: before the page's own listeners, and before the form's submit that runs the query.
  page.addEventListener(
    'click',
    (event) => {
      if (!pending || pending.clickAt !== undefined) return;
      const handlerAt = page.performance.now();
      if (event.target?.closest?.('button')?.textContent !== 'Run query') {
        pending.reject(new Error('the click missed the Run query button'));
        return;
      }
      pending.clickAt = event.timeStamp;
      pending.handlerAt = handlerAt;
    },
    true,
  );

  new page.MutationObserver(() => {
    const current = pending;
    const shown = results();
    if (!current || current.handlerAt === undefined || current.answerAt !== undefined || !shown) return;
    if (shown.dataset.state === 'error') {
      current.reject(new Error('the query page shows an error'));
      return;
    }
    if (Number(shown.dataset.run) <= current.runBefore) return;
    current.answerAt = page.performance.now();
    page.requestAnimationFrame(() => {
      // A task queued from the frame's callback runs once that frame's rendering is done.
      const channel = new page.MessageChannel();
      channel.port1.onmessage = () => {
        const paintedAt = page.performance.now();
        const { clickAt, handlerAt, answerAt } = current;
        if (clickAt === undefined || handlerAt === undefined || answerAt === undefined) return;
        const queryRequest = request('/api/query', handlerAt);
        if (!queryRequest) {
          current.reject(new Error('no Resource Timing entry for the POST /api/query of this run'));
          return;
        }
        current.resolve({ clickAt, handlerAt, queryRequest, answerAt, paintedAt });
      };
      channel.port2.postMessage(null);
    });
    // On the document itself: its element may not exist yet when this runs.
  }).observe(page.document, { subtree: true, attributes: true, attributeFilter: ['data-run', 'data-state'] });

  page.__queryPageProbe = {
    arm: (timeoutMs) => {
      const runBefore = Number(results()?.dataset.run ?? NaN);
      if (!Number.isFinite(runBefore)) throw new Error('the query page has no #query-results[data-run]');
      // Resource Timing keeps 250 entries by default: only this run's are needed.
      page.performance.clearResourceTimings();
      let resolve: (marks: ClickMarks) => void = () => undefined;
      let reject: (error: Error) => void = () => undefined;
      const done = new Promise<ClickMarks>((resolveDone, rejectDone) => {
        resolve = resolveDone;
        reject = rejectDone;
      });
      // Settled in the page, awaited (or not) by the bench: never an unhandled rejection meanwhile.
      done.catch(() => undefined);
      const timer = setTimeout(() => {
        reject(new Error(`data-run did not go past ${String(runBefore)} within ${String(timeoutMs)} ms of arming`));
      }, timeoutMs);
      pending = {
        runBefore,
        done,
        resolve: (marks) => {
          clearTimeout(timer);
          resolve(marks);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    },
    sample: () => pending?.done ?? Promise.reject(new Error('no sample armed')),
    now: () => page.performance.now(),
    take: () => {
      const taken = { frames, longTasks };
      frames = [];
      longTasks = [];
      return taken;
    },
  };
};
