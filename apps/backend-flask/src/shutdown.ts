import type { FastifyInstance } from 'fastify';

export interface ShutdownOptions {
  /** How long in-flight requests get before the process gives up on them. */
  readonly timeoutMs: number;
  readonly exit: (code: number) => void;
}

/**
 * A signal handler: the first signal closes the app (no new connections,
 * in-flight requests finish) and exits 0; a second signal, a failed close or
 * the timeout exits 1 at once.
 */
export const createShutdown = (app: FastifyInstance, { timeoutMs, exit }: ShutdownOptions) => {
  let closing = false;
  return (signal: string): void => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting without waiting');
      exit(1);
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error({ timeoutMs }, 'in-flight requests did not finish in time: exiting');
      exit(1);
    }, timeoutMs);
    app.close().then(
      () => {
        clearTimeout(timer);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        app.log.error({ err: error }, 'closing failed');
        exit(1);
      },
    );
  };
};
