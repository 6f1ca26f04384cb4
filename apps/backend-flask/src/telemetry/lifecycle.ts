/**
 * The hand-off between instrumentation.ts, which starts tracing before the
 * app loads, and server.ts, which stops it once the app has closed so the
 * last requests' spans are sent. Both import this module; ESM loads it once.
 */
let stop: (() => Promise<void>) | undefined;

export const setTelemetryShutdown = (fn: () => Promise<void>): void => {
  stop = fn;
};

/**
 * Flushes the spans still queued and stops tracing; a no-op when tracing
 * never started. Rejects after `timeoutMs` so an unreachable destination
 * cannot hold the process up.
 */
export const shutdownTelemetry = async (timeoutMs: number): Promise<void> => {
  const current = stop;
  stop = undefined;
  if (!current) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`spans not sent within ${String(timeoutMs)} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([current(), timeout]);
  } finally {
    clearTimeout(timer);
  }
};
