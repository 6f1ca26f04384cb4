import { trace, type Context, type ContextManager, type Span } from '@opentelemetry/api';

/**
 * A context manager that falls back to the open user action when the code
 * running has no span of its own. Zone.js cannot follow native `await`, and
 * React runs the effects a click caused outside the click's call stack: in
 * both cases the inner manager answers with a span-less context, and new
 * spans would start traces of their own instead of joining the action.
 */
export class AmbientContextManager implements ContextManager {
  readonly #inner: ContextManager;
  readonly #ambientSpan: () => Span | undefined;

  constructor(inner: ContextManager, ambientSpan: () => Span | undefined) {
    this.#inner = inner;
    this.#ambientSpan = ambientSpan;
  }

  active(): Context {
    const current = this.#inner.active();
    const ambient = this.#ambientSpan();
    if (ambient === undefined || trace.getSpan(current) !== undefined) return current;
    // Set the span on the current context rather than replacing it, so that
    // e.g. suppressed tracing (the exporter's own requests) stays suppressed.
    return trace.setSpan(current, ambient);
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.#inner.with(context, fn, thisArg, ...args);
  }

  bind<T>(context: Context, target: T): T {
    return this.#inner.bind(context, target);
  }

  enable(): this {
    this.#inner.enable();
    return this;
  }

  disable(): this {
    this.#inner.disable();
    return this;
  }
}
