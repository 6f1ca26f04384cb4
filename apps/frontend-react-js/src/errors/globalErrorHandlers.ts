import type { ErrorReporter } from './rollbarReporter';

type RejectionHook = (this: unknown, rejection: unknown) => void;

interface ZoneGlobal {
  __symbol__(name: string): string;
  [hook: string]: unknown;
}

/** Zone.js wraps a rejection in an error holding it as `rejection`, unless told to throw the original. */
const reasonOf = (rejection: unknown): unknown =>
  typeof rejection === 'object' && rejection !== null && 'rejection' in rejection ? rejection.rejection : rejection;

/**
 * Zone.js (loaded by the tracing) replaces Promise: an unhandled rejection
 * then never reaches window's `unhandledrejection` event; Zone.js calls this
 * hook of its own instead. Returns a function that restores the hook.
 */
const hookZoneRejections = (report: (reason: unknown) => void): (() => void) => {
  const zone = (globalThis as { Zone?: ZoneGlobal }).Zone;
  if (zone === undefined) return () => undefined;
  const key = zone.__symbol__('unhandledPromiseRejectionHandler');
  const previous = zone[key];
  const hook: RejectionHook = function (this: unknown, rejection) {
    report(reasonOf(rejection));
    if (typeof previous === 'function') (previous as RejectionHook).call(this, rejection);
  };
  zone[key] = hook;
  return () => {
    zone[key] = previous;
  };
};

/** Reports what no code caught: uncaught errors and unhandled promise rejections. Returns a function that stops. */
export const reportGlobalErrors = (reporter: ErrorReporter, target: Window = window): (() => void) => {
  const onError = (event: ErrorEvent): void => {
    reporter.report(event.error ?? event.message, 'window.error');
  };
  const onRejection = (event: PromiseRejectionEvent): void => {
    reporter.report(event.reason, 'unhandledrejection');
  };
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  const unhookZone = hookZoneRejections((reason) => reporter.report(reason, 'unhandledrejection'));
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
    unhookZone();
  };
};
