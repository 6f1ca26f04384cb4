import { ROOT_CONTEXT, SpanStatusCode, trace, type Context, type HrTime, type Span } from '@opentelemetry/api';
import { millisToHrTime } from '@opentelemetry/core';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace';
import { ATTR } from '@cruddur/telemetry-conventions';

export interface ActionTiming {
  /** How long an action stays open after its last span ended, for fetches that a render it caused starts. */
  quietMillis: number;
  /** Hard cap on an action's duration. */
  maxMillis: number;
}

export const DEFAULT_TIMING: ActionTiming = { quietMillis: 100, maxMillis: 15_000 };

/** An action whose root span is open. */
export interface OpenAction {
  /** The context holding the action's root span. */
  readonly context: Context;
  /** The action's own work is done; it ends once every span of its trace has. */
  readonly settle: () => void;
  /** As `settle`, for work that ended earlier, at `endTime` (the page load's, at its load event). */
  readonly settleAt: (endTime: HrTime) => void;
  /** As `settle`, recording that the action's own work failed. */
  readonly fail: (error: unknown) => void;
}

interface State {
  readonly span: Span;
  /** Spans of the trace started and not yet ended. */
  open: number;
  settled: boolean;
  /** Latest end among the trace's spans and the action's own work. */
  lastEnd: HrTime;
  quiet: ReturnType<typeof setTimeout> | undefined;
  readonly cap: ReturnType<typeof setTimeout>;
}

const now = (): HrTime => millisToHrTime(Date.now());

const later = (a: HrTime, b: HrTime): HrTime => (a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]) ? a : b);

/**
 * Keeps each action's root span open while spans of its trace are: it counts
 * them as the SDK starts and ends them, and ends the root a quiet period
 * after the last one (and the action's own work) ended, dated at that last
 * end so the root's duration reads true. It also names the ambient action:
 * the newest one still open.
 */
export class ActionTracker implements SpanProcessor {
  readonly #timing: ActionTiming;
  readonly #actions = new Map<string, State>();
  readonly #ended: () => void;
  #ambient: Span | undefined;

  /** `ended` runs after each action's root span has ended (and gone to the processors after this one). */
  constructor(timing: ActionTiming = DEFAULT_TIMING, ended: () => void = () => undefined) {
    this.#timing = timing;
    this.#ended = ended;
  }

  /** Root span of the newest open action, parent of the spans that lost their context. */
  ambientSpan(): Span | undefined {
    return this.#ambient;
  }

  /** Tracks an action whose root span was just started; it becomes the ambient one. */
  track(span: Span): OpenAction {
    const traceId = span.spanContext().traceId;
    this.#actions.set(traceId, {
      span,
      open: 0,
      settled: false,
      lastEnd: now(),
      quiet: undefined,
      cap: setTimeout(() => {
        this.#finish(traceId, true);
      }, this.#timing.maxMillis),
    });
    this.#ambient = span;
    return {
      context: trace.setSpan(ROOT_CONTEXT, span),
      settle: () => {
        this.#settle(traceId, now());
      },
      settleAt: (endTime: HrTime) => {
        this.#settle(traceId, endTime);
      },
      fail: (error: unknown) => {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        this.#settle(traceId, now());
      },
    };
  }

  // The root span itself is never counted: its own start comes before
  // `track`, and `#finish` forgets the action before ending it.
  onStart(span: Span): void {
    const state = this.#actions.get(span.spanContext().traceId);
    if (state === undefined) return;
    state.open += 1;
    clearTimeout(state.quiet);
    state.quiet = undefined;
  }

  onEnd(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    const state = this.#actions.get(traceId);
    if (state === undefined) return;
    state.open -= 1;
    state.lastEnd = later(state.lastEnd, span.endTime);
    this.#maybeFinish(traceId, state);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  /** Ends every open action, so that the processors after this one still export them. */
  shutdown(): Promise<void> {
    for (const traceId of [...this.#actions.keys()]) this.#finish(traceId, false);
    return Promise.resolve();
  }

  #settle(traceId: string, endTime: HrTime): void {
    const state = this.#actions.get(traceId);
    if (state === undefined || state.settled) return;
    state.settled = true;
    state.lastEnd = later(state.lastEnd, endTime);
    this.#maybeFinish(traceId, state);
  }

  #maybeFinish(traceId: string, state: State): void {
    if (!state.settled || state.open > 0 || state.quiet !== undefined) return;
    state.quiet = setTimeout(() => {
      this.#finish(traceId, false);
    }, this.#timing.quietMillis);
  }

  #finish(traceId: string, timedOut: boolean): void {
    const state = this.#actions.get(traceId);
    if (state === undefined) return;
    this.#actions.delete(traceId);
    clearTimeout(state.cap);
    clearTimeout(state.quiet);
    if (this.#ambient === state.span) this.#ambient = undefined;
    if (timedOut) {
      state.span.setAttribute(ATTR.timedOut, true);
      state.span.end();
    } else {
      state.span.end(state.lastEnd);
    }
    this.#ended();
  }
}
