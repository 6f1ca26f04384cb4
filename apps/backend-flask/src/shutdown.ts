import type { FastifyInstance } from 'fastify';

export interface ShutdownOptions {
  /** How long in-flight requests (and `afterClose`) get before the process gives up on them. */
  readonly timeoutMs: number;
  readonly exit: (code: number) => void;
  /** Runs once the app has closed, e.g. to send the last spans. Its failure is logged, not fatal. */
  readonly afterClose?: () => Promise<void>;
}

/**
 * A signal handler: the first signal closes the app (no new connections,
 * in-flight requests finish), runs `afterClose` and exits 0; a second
 * signal, a failed close or the timeout exits 1 at once.
 */
export const createShutdown = (app: FastifyInstance, { timeoutMs, exit, afterClose }: ShutdownOptions) => {
  let closing = false;
  let exited = false;
  let timer: NodeJS.Timeout | undefined;
  const finish = (code: number): void => {
    if (exited) return;
    exited = true;
    clearTimeout(timer);
    exit(code);
  };
  return (signal: string): void => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting without waiting');
      finish(1);
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    timer = setTimeout(() => {
      app.log.error({ timeoutMs }, 'in-flight requests did not finish in time: exiting');
      finish(1);
    }, timeoutMs);
    app.close().then(
      async () => {
        await afterClose?.().catch((error: unknown) => {
          app.log.warn({ err: error }, 'closed, but the last step failed');
        });
        finish(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'closing failed');
        finish(1);
      },
    );
  };
};
