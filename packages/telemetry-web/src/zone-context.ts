// Zone.js patches the browser's async APIs (promises, timers, events) as it
// loads, so it must load before the app: this module is imported first.
import 'zone.js';
import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';

const CONTEXT_KEY = 'cruddur.otel-context';

/**
 * The active context, carried through the browser's async work by Zone.js:
 * `with` runs its function in a child zone that holds the context, and the
 * callbacks scheduled there (timers, promise reactions, listeners) run in
 * that zone again. Ours rather than @opentelemetry/context-zone, whose
 * releases end at 2.x with a peer range below API 1.10. `bind` takes
 * functions only: nothing in the browser binds an event target.
 */
export class ZoneContextManager implements ContextManager {
  #enabled = false;

  active(): Context {
    if (!this.#enabled) return ROOT_CONTEXT;
    return (Zone.current.get(CONTEXT_KEY) as Context | undefined) ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return Zone.current.fork({ name: 'otel', properties: { [CONTEXT_KEY]: context } }).run(fn, thisArg, args);
  }

  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const fn = target as (...args: unknown[]) => unknown;
    const withContext = this.with.bind(this);
    return function (this: unknown, ...args: unknown[]) {
      return withContext(context, () => fn.apply(this, args));
    } as T;
  }

  enable(): this {
    this.#enabled = true;
    return this;
  }

  disable(): this {
    this.#enabled = false;
    return this;
  }
}
