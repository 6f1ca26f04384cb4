import { ACTION } from '@cruddur/telemetry-conventions';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, StackContextManager, TracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionTracker } from '../../src/action-tracker.js';
import { Actions } from '../../src/actions.js';
import { AmbientContextManager } from '../../src/ambient-context.js';
import { currentTraceIds } from '../../src/trace-context.js';

const QUIET = 100;

let exporter: InMemorySpanExporter;
let actions: Actions;
let tracer: ReturnType<TracerProvider['getTracer']>;

beforeEach(() => {
  vi.useFakeTimers();
  exporter = new InMemorySpanExporter();
  const tracker = new ActionTracker({ quietMillis: QUIET, maxMillis: 15_000 });
  const provider = new TracerProvider({ spanProcessors: [tracker, new SimpleSpanProcessor({ exporter })] });
  context.setGlobalContextManager(new AmbientContextManager(new StackContextManager(), () => tracker.ambientSpan()).enable());
  tracer = provider.getTracer('test');
  actions = new Actions(tracer, tracker, () => '/home');
});

afterEach(() => {
  context.disable();
  vi.useRealTimers();
});

const idsOf = (span: ReadableSpan | undefined) => span && { traceId: span.spanContext().traceId, spanId: span.spanContext().spanId };
const ended = (name: string) => exporter.getFinishedSpans().find((span) => span.name === name);

describe('currentTraceIds', () => {
  it('is undefined with the telemetry off, even inside what would be an action', () => {
    context.disable();
    actions.run(ACTION.search, () => {
      expect(currentTraceIds()).toBeUndefined();
    });
  });

  it('is undefined before the first action', () => {
    expect(currentTraceIds()).toBeUndefined();
  });

  it('gives the open action’s root span, even where the code has no context of its own', async () => {
    let inside: unknown;
    let later: unknown;
    void actions.run(ACTION.search, () => {
      inside = currentTraceIds();
      // A timer loses StackContextManager's context: the ambient action stands in.
      setTimeout(() => (later = currentTraceIds()), 10);
      return new Promise((resolve) => setTimeout(resolve, 20));
    });
    await vi.advanceTimersByTimeAsync(20 + QUIET);

    expect(inside).toEqual(idsOf(ended(ACTION.search)));
    expect(later).toEqual(idsOf(ended(ACTION.search)));
  });

  it('gives the active span of the action, when there is one', () => {
    let ids: unknown;
    actions.run(ACTION.postCrud, () => {
      tracer.startActiveSpan('render', (span) => {
        ids = currentTraceIds();
        span.end();
      });
    });
    vi.advanceTimersByTime(QUIET);

    expect(ids).toEqual(idsOf(ended('render')));
    expect(ended('render')?.spanContext().traceId).toBe(ended(ACTION.postCrud)?.spanContext().traceId);
  });

  it('is undefined once the action has ended: an error then is outside any action', () => {
    actions.run(ACTION.openHome, () => undefined);
    vi.advanceTimersByTime(QUIET / 2);
    const open = currentTraceIds();
    vi.advanceTimersByTime(QUIET);

    expect(open).toEqual(idsOf(ended(ACTION.openHome)));
    expect(trace.getActiveSpan()).toBeUndefined();
    expect(currentTraceIds()).toBeUndefined();
  });
});
