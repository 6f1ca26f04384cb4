/**
 * The hand-off between instrumentation.ts, which starts tracing before the
 * app loads, and the app: server.ts stops tracing once the app has closed so
 * the last requests' spans are sent, and the trace relay flushes. They all
 * import this module; ESM loads it once.
 */
let stop: (() => Promise<void>) | undefined;
let flush: (() => Promise<void>) | undefined;
let relayedToXray: XraySink | undefined;

/** Where X-Ray over OTLP takes the relayed spans (XrayOtlpCopy). */
export interface XraySink {
  /** Sends an OTLP/protobuf request of `spans` spans; never waits, never throws. */
  send(body: Uint8Array, spans: number): void;
}

export const setTelemetryShutdown = (fn: () => Promise<void>): void => {
  stop = fn;
};

export const setTelemetryFlush = (fn: () => Promise<void>): void => {
  flush = fn;
};

/** X-Ray over OTLP (AWS_XRAY_OTLP=true) takes the spans the relay forwards too, as OTLP/protobuf. */
export const setRelayedToXray = (sink: XraySink): void => {
  relayedToXray = sink;
};

/** Where the relay hands X-Ray its copy of the browser's spans; undefined when X-Ray over OTLP is off or has stopped. */
export const xrayCopyOfRelayed = (): XraySink | undefined => relayedToXray;

/**
 * Sends the spans waiting in the batch now, without waiting for it; a no-op
 * when tracing never started or has stopped. A failed export is reported by
 * the exporter's own health lines (otlp-export.ts), so nothing is thrown.
 */
export const flushTelemetry = (): void => {
  flush?.().catch(() => undefined);
};

/**
 * Flushes the spans still queued and stops tracing; a no-op when tracing
 * never started. Rejects after `timeoutMs` so an unreachable destination
 * cannot hold the process up.
 */
export const shutdownTelemetry = async (timeoutMs: number): Promise<void> => {
  const current = stop;
  stop = undefined;
  flush = undefined;
  relayedToXray = undefined;
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
