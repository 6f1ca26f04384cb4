import { ACTION, ATTR, type ActionName } from '@cruddur/telemetry-conventions';
import { context, SpanStatusCode, trace, type HrTime } from '@opentelemetry/api';
import { millisToHrTime } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  StackContextManager,
  TracerProvider,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionTracker } from '../../src/action-tracker.js';
import { Actions } from '../../src/actions.js';
import { AmbientContextManager } from '../../src/ambient-context.js';

const QUIET = 100;
const CAP = 15_000;

let exporter: InMemorySpanExporter;
let tracker: ActionTracker;
let actions: Actions;
let tracer: ReturnType<TracerProvider['getTracer']>;

beforeEach(() => {
  vi.useFakeTimers();
  exporter = new InMemorySpanExporter();
  tracker = new ActionTracker({ quietMillis: QUIET, maxMillis: CAP });
  const provider = new TracerProvider({ spanProcessors: [tracker, new SimpleSpanProcessor({ exporter })] });
  // StackContextManager loses its context across `await`, as Zone.js does
  // across a native await: what the ambient fallback is there for.
  context.setGlobalContextManager(
    new AmbientContextManager(new StackContextManager(), () => tracker.ambientSpan()).enable(),
  );
  tracer = provider.getTracer('test');
  actions = new Actions(tracer, tracker, () => '/home');
});

afterEach(() => {
  context.disable();
  vi.useRealTimers();
});

const finished = (name: string): ReadableSpan | undefined =>
  exporter.getFinishedSpans().find((span) => span.name === name);

const root = (name: ActionName): ReadableSpan => {
  const span = finished(name);
  if (span === undefined) throw new Error(`${name} has not ended`);
  return span;
};

const traceIds = (): Set<string> => new Set(exporter.getFinishedSpans().map((span) => span.spanContext().traceId));

const isChildOf = (child: ReadableSpan, parent: ReadableSpan): boolean =>
  child.spanContext().traceId === parent.spanContext().traceId &&
  child.parentSpanContext?.spanId === parent.spanContext().spanId;

const inMillis = (millis: number): HrTime => millisToHrTime(Date.now() + millis);

describe('an action', () => {
  it('is a root span named by the action, with its action and route', () => {
    actions.run(ACTION.search, () => undefined);
    vi.advanceTimersByTime(QUIET);

    const span = root(ACTION.search);
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.attributes[ATTR.action]).toBe(ACTION.search);
    expect(span.attributes[ATTR.route]).toBe('/home');
  });

  it('with no spans ends a quiet period after its work settles, dated when it settled', () => {
    const settledAt = Date.now();
    actions.run(ACTION.search, () => undefined);

    vi.advanceTimersByTime(QUIET - 1);
    expect(finished(ACTION.search)).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(root(ACTION.search).endTime).toEqual(millisToHrTime(settledAt));
  });

  it('stays open while a child span is, and ends when the last child ended', () => {
    const child = actions.run(ACTION.openHome, () => tracer.startSpan('GET'));
    vi.advanceTimersByTime(5_000);
    expect(finished(ACTION.openHome)).toBeUndefined();

    // A fetch span ends once the browser reports its timing, dated back to the response.
    const responseEnd = inMillis(-10);
    child.end(responseEnd);
    vi.advanceTimersByTime(QUIET - 1);
    expect(finished(ACTION.openHome)).toBeUndefined();
    vi.advanceTimersByTime(1);

    const span = root(ACTION.openHome);
    expect(isChildOf(root('GET' as ActionName), span)).toBe(true);
    expect(span.endTime).toEqual(responseEnd);
  });

  it('settled late for work that ended earlier (a page load, at its load event) is dated by its last end', () => {
    const action = actions.start(ACTION.pageLoad);
    if (action === undefined) throw new Error('not started');
    const child = context.with(action.context, () => tracer.startSpan('GET'));
    vi.advanceTimersByTime(10);
    const loadedAt = inMillis(0);
    vi.advanceTimersByTime(20);
    const responseEnd = inMillis(0);
    child.end(responseEnd);
    // Idle only now, 30 ms after the fetch ended: the root still ends with it.
    vi.advanceTimersByTime(30);
    action.settleAt(loadedAt);
    vi.advanceTimersByTime(QUIET);
    expect(root(ACTION.pageLoad).endTime).toEqual(responseEnd);
  });

  it('waits for its own work too when that settles after its spans ended', async () => {
    let finish = (): void => undefined;
    const work = actions.run(ACTION.signIn, () => {
      tracer.startSpan('GET').end();
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    vi.advanceTimersByTime(1_000);
    expect(finished(ACTION.signIn)).toBeUndefined();

    const settledAt = Date.now();
    finish();
    await work;
    vi.advanceTimersByTime(QUIET);
    expect(root(ACTION.signIn).endTime).toEqual(millisToHrTime(settledAt));
  });

  it('stays open when a span starts in its quiet period (a fetch from an effect after the render)', () => {
    actions.run(ACTION.openNotifications, () => {
      tracer.startSpan('click handler work').end();
    });
    vi.advanceTimersByTime(QUIET / 2);
    const effectFetch = tracer.startSpan('GET');
    vi.advanceTimersByTime(1_000);
    expect(finished(ACTION.openNotifications)).toBeUndefined();

    const responseEnd = inMillis(0);
    effectFetch.end(responseEnd);
    vi.advanceTimersByTime(QUIET);

    expect(isChildOf(root('GET' as ActionName), root(ACTION.openNotifications))).toBe(true);
    expect(root(ACTION.openNotifications).endTime).toEqual(responseEnd);
    expect(traceIds().size).toBe(1);
  });

  it('keeps a span started after a native await as its child (the context manager lost it)', async () => {
    const work = actions.run(ACTION.openProfile, async () => {
      await Promise.resolve();
      const lost = new StackContextManager().enable().active();
      expect(trace.getSpan(lost)).toBeUndefined();
      tracer.startSpan('GET after await').end();
    });
    await work;
    vi.advanceTimersByTime(QUIET);

    expect(isChildOf(root('GET after await' as ActionName), root(ACTION.openProfile))).toBe(true);
  });

  it('keeps a span started outside its call stack (an effect) as its child', () => {
    actions.run(ACTION.openMessages, () => undefined);
    setTimeout(() => {
      tracer.startSpan('GET from effect').end();
    }, QUIET / 2);
    vi.advanceTimersByTime(QUIET * 3);

    expect(isChildOf(root('GET from effect' as ActionName), root(ACTION.openMessages))).toBe(true);
    expect(traceIds().size).toBe(1);
  });

  it('counts a child started late and dated in the past (a CORS preflight under its fetch)', () => {
    const fetchSpan = actions.run(ACTION.postCrud, () => tracer.startSpan('POST'));
    vi.advanceTimersByTime(300);
    const preflight = tracer.startSpan(
      'CORS Preflight',
      { startTime: inMillis(-290) },
      trace.setSpan(context.active(), fetchSpan),
    );
    preflight.end(inMillis(-250));
    vi.advanceTimersByTime(QUIET * 2);
    expect(finished(ACTION.postCrud)).toBeUndefined();

    const responseEnd = inMillis(-5);
    fetchSpan.end(responseEnd);
    vi.advanceTimersByTime(QUIET);

    const post = root('POST' as ActionName);
    expect(isChildOf(root('CORS Preflight' as ActionName), post)).toBe(true);
    expect(isChildOf(post, root(ACTION.postCrud))).toBe(true);
    expect(root(ACTION.postCrud).endTime).toEqual(responseEnd);
    expect(traceIds().size).toBe(1);
  });

  it('is ended by the hard cap when a span never ends, marked as timed out', () => {
    actions.run(ACTION.openActivity, () => tracer.startSpan('GET that hangs'));
    vi.advanceTimersByTime(CAP - 1);
    expect(finished(ACTION.openActivity)).toBeUndefined();
    vi.advanceTimersByTime(1);

    const span = root(ACTION.openActivity);
    expect(span.attributes[ATTR.timedOut]).toBe(true);
    expect(tracker.ambientSpan()).toBeUndefined();
  });

  it('records a failure of its work and still ends', async () => {
    const failure = new Error('refused');
    await expect(actions.run(ACTION.sendMessage, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(() =>
      actions.run(ACTION.reply, () => {
        throw failure;
      }),
    ).toThrow(failure);
    vi.advanceTimersByTime(QUIET);

    for (const name of [ACTION.sendMessage, ACTION.reply]) {
      const span = root(name);
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'refused' });
      expect(span.events.map((event) => event.name)).toEqual(['exception']);
    }
  });
});

describe('the ambient action', () => {
  it('is replaced by a newer action; the older one still waits for its own spans', () => {
    const first = actions.run(ACTION.search, () => tracer.startSpan('GET first'));
    actions.run(ACTION.search, () => undefined);
    const fromSecond = tracer.startSpan('GET second');
    vi.advanceTimersByTime(1_000);
    fromSecond.end();
    vi.advanceTimersByTime(QUIET);

    const ended = exporter.getFinishedSpans().filter((span) => span.name === ACTION.search);
    expect(ended).toHaveLength(1);
    expect(isChildOf(root('GET second' as ActionName), ended[0] as ReadableSpan)).toBe(true);

    first.end();
    vi.advanceTimersByTime(QUIET);
    const roots = exporter.getFinishedSpans().filter((span) => span.name === ACTION.search);
    expect(roots).toHaveLength(2);
    expect(isChildOf(root('GET first' as ActionName), roots[1] as ReadableSpan)).toBe(true);
    expect(traceIds().size).toBe(2);
  });

  it('is gone once its action ended: later spans start their own traces', () => {
    actions.run(ACTION.search, () => undefined);
    vi.advanceTimersByTime(QUIET);
    tracer.startSpan('GET later').end();

    expect(root('GET later' as ActionName).parentSpanContext).toBeUndefined();
    expect(traceIds().size).toBe(2);
  });

  it('does not lift suppressed tracing', async () => {
    const { suppressTracing } = await import('@opentelemetry/core');
    actions.run(ACTION.search, () => undefined);
    context.with(suppressTracing(context.active()), () => {
      tracer.startSpan('export request').end();
    });
    vi.advanceTimersByTime(QUIET);

    expect(finished('export request')).toBeUndefined();
  });
});

describe('action names', () => {
  it('outside ACTION are refused with a warning, and the work still runs', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(actions.start('made-up')).toBeUndefined();
    expect(actions.run('made-up' as ActionName, () => 42)).toBe(42);
    vi.advanceTimersByTime(QUIET);

    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toMatch(/unknown action "made-up"/);
  });
});
