import { ACTION, ATTR, isActionName, type ActionName } from '@cruddur/telemetry-conventions';
import { context, type TimeInput, type Tracer } from '@opentelemetry/api';
import { millisToHrTime } from '@opentelemetry/core';
import type { ActionTracker, OpenAction } from './action-tracker.js';

/** The longest the page load waits for an idle main thread after the load event. */
const IDLE_WAIT_MS = 2_000;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

/** Starts user actions: each one the root span of a trace of its own. */
export class Actions {
  readonly #tracer: Tracer;
  readonly #tracker: ActionTracker;
  readonly #route: () => string;

  constructor(tracer: Tracer, tracker: ActionTracker, route: () => string) {
    this.#tracer = tracer;
    this.#tracker = tracker;
    this.#route = route;
  }

  /** Opens an action, or refuses a name that is not in ACTION (with a warning). */
  start(name: string, startTime?: TimeInput): OpenAction | undefined {
    if (!isActionName(name)) {
      console.warn(`telemetry-web: unknown action ${JSON.stringify(name)} not traced; use a name from ACTION.`);
      return undefined;
    }
    const span = this.#tracer.startSpan(name, {
      root: true,
      attributes: { [ATTR.action]: name, [ATTR.route]: this.#route() },
      ...(startTime === undefined ? {} : { startTime }),
    });
    return this.#tracker.track(span);
  }

  /** Runs `fn` as the action `name`, which lasts until `fn` settles and the spans it caused end. */
  run<T>(name: ActionName, fn: () => T): T {
    const action = this.start(name);
    if (action === undefined) return fn();
    let result: T;
    try {
      result = context.with(action.context, fn);
    } catch (error) {
      action.fail(error);
      throw error;
    }
    if (isThenable(result)) {
      void result.then(action.settle, action.fail);
    } else {
      action.settle();
    }
    return result;
  }

  /** Opens the action for an event: it settles once the event's own handlers (React's among them) have run. */
  startFromEvent(name: string, event: Event): void {
    const action = this.start(name, event.timeStamp);
    if (action !== undefined) setTimeout(action.settle, 0);
  }

  /**
   * Opens the first page load's action, dated from navigation start, and
   * settles it once the window has loaded and the main thread is idle: the
   * first render (which React schedules as a task of its own, possibly after
   * the load event) and the fetches its effects start join it as children.
   */
  startPageLoad(): void {
    const action = this.start(ACTION.pageLoad, 0);
    if (action === undefined) return;
    const settleWhenIdle = (): void => {
      // The page's own work ended at its load; waiting for idle only lets the first render's fetches join.
      const loadedAt = millisToHrTime(Date.now());
      const settle = (): void => {
        action.settleAt(loadedAt);
      };
      // Safari has no requestIdleCallback: a task after the pending ones.
      if (typeof requestIdleCallback === 'function') requestIdleCallback(settle, { timeout: IDLE_WAIT_MS });
      else setTimeout(settle, 0);
    };
    if (document.readyState === 'complete') settleWhenIdle();
    else window.addEventListener('load', settleWhenIdle, { once: true });
  }
}
