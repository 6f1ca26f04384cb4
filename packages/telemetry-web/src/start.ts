import { SERVICE, XrayIdGenerator, type ActionName } from '@cruddur/telemetry-conventions';
import { context, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ActionTracker, DEFAULT_TIMING } from './action-tracker.js';
import { Actions } from './actions.js';
import { AmbientContextManager } from './ambient-context.js';
import { listenForActions } from './dom-actions.js';
import { traceFetch } from './fetch-tracing.js';
import { ResourceTimings } from './resource-timing.js';
import { defaultExportUrl, originOf } from './urls.js';
import { ZoneContextManager } from './zone-context.js';

export interface BrowserTelemetryOptions {
  /** The API as the browser reaches it; only requests to its exact origin carry `traceparent`. */
  backendUrl: string;
  /** Where spans are sent as OTLP/JSON, default `${backendUrl}/v1/traces`: the API relays them, so no key is ever in the browser. */
  exportUrl?: string;
  /** `service.name`, default SERVICE.frontend. */
  serviceName?: string;
  /**
   * When false nothing is registered: no provider, no listeners, no fetch
   * wrapper. (Zone.js, loaded with this module, still patches the browser's
   * async APIs, inert without a context.) Default true.
   */
  enabled?: boolean;
  /**
   * How long finished spans wait to be sent in one batch, default 250 ms.
   * An action's spans do not wait: they are sent as soon as it ends.
   */
  scheduledDelayMillis?: number;
}

export interface BrowserTelemetry {
  readonly enabled: boolean;
  /** Opens an action per click on `[data-action]` and per submit of `form[data-action]` under `root`; returns a function that stops. */
  instrumentActions(root?: Document | Element): () => void;
  /** Runs `fn` as one action: a trace whose root lasts until `fn` settles and the requests it caused end. */
  traceAction<T>(name: ActionName, fn: () => T): T;
  /** Opens the first page load's action; call once at start-up, before the first render. */
  startPageLoad(): void;
  /** Sends the spans that have ended. */
  forceFlush(): Promise<void>;
  /** Ends open actions, sends what is left and unregisters everything. */
  shutdown(): Promise<void>;
}

const INSTRUMENTATION_NAME = '@cruddur/telemetry-web';
/** The longest a fetch span waits for the browser's timing of its request (for a body nobody reads). */
const TIMING_WAIT_MS = 300;

const disabled: BrowserTelemetry = {
  enabled: false,
  instrumentActions: () => () => undefined,
  traceAction: (_name, fn) => fn(),
  startPageLoad: () => undefined,
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

let running: BrowserTelemetry | undefined;

/**
 * Starts tracing in the browser: every user action becomes one trace, its
 * requests to the API children of it, continued there through `traceparent`.
 */
export const startBrowserTelemetry = (options: BrowserTelemetryOptions): BrowserTelemetry => {
  if (options.enabled === false) return disabled;
  if (running !== undefined) {
    console.warn('telemetry-web: already started; the running instance is returned.');
    return running;
  }
  const backendOrigin = originOf('backendUrl', options.backendUrl);
  const exportUrl = new URL(options.exportUrl ?? defaultExportUrl(options.backendUrl), location.href).href;

  // Its browser build also flushes when the page is hidden or left.
  const batch = new BatchSpanProcessor({
    exporter: new OTLPTraceExporter({ url: exportUrl }),
    scheduledDelayMillis: options.scheduledDelayMillis ?? 250,
  });
  // An action's trace is whole once its root has ended: send it then, rather
  // than a batch delay later. Export failures are the exporter's to report.
  const tracker = new ActionTracker(DEFAULT_TIMING, () => {
    batch.forceFlush().catch(() => undefined);
  });
  // The SDK's own provider: sdk-trace-web's WebTracerProvider ends at 2.x,
  // and only wrapped it to read OTEL_* variables (none in a browser) and to
  // register defaults replaced below, for over 2 KB gzip.
  const provider = new TracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName ?? SERVICE.frontend }),
    ),
    // Trace ids X-Ray accepts as they are (first 8 hex digits: epoch seconds),
    // the same generator as the API's, so the click's trace id is its X-Ray id.
    idGenerator: new XrayIdGenerator(),
    // The tracker comes first: on shutdown it ends the open actions while
    // the batch processor still takes spans.
    spanProcessors: [tracker, batch],
  });
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(
    new AmbientContextManager(new ZoneContextManager(), () => tracker.ambientSpan()).enable(),
  );
  const tracer = provider.getTracer(INSTRUMENTATION_NAME);
  // Our own, not instrumentation-fetch: that one is deprecated (its
  // successor has no fetch yet) and ends every fetch span 300 ms after the
  // answer, a fixed wait for the timing entry that held each action open.
  const timings = typeof PerformanceObserver === 'undefined' ? undefined : new ResourceTimings(TIMING_WAIT_MS);
  const untraceFetch = traceFetch({ tracer, propagateTo: backendOrigin, ignoreUrl: exportUrl, timings });

  const actions = new Actions(tracer, tracker, () => location.pathname);
  const listeners = new Set<() => void>();

  const telemetry: BrowserTelemetry = {
    enabled: true,
    instrumentActions: (root = document) => {
      const stop = listenForActions(root, (name, event) => {
        actions.startFromEvent(name, event);
      });
      listeners.add(stop);
      return () => {
        listeners.delete(stop);
        stop();
      };
    },
    traceAction: (name, fn) => actions.run(name, fn),
    startPageLoad: () => {
      actions.startPageLoad();
    },
    forceFlush: () => provider.forceFlush(),
    shutdown: async () => {
      for (const stop of listeners) stop();
      listeners.clear();
      untraceFetch();
      timings?.disconnect();
      await provider.shutdown();
      trace.disable();
      context.disable();
      running = undefined;
    },
  };
  running = telemetry;
  return telemetry;
};

/**
 * Runs `fn` as the action `name` with the telemetry started; without it (or
 * with it disabled), just runs `fn`. For actions no `data-action` click or
 * submit stands for.
 */
export const traceAction = <T>(name: ActionName, fn: () => T): T =>
  running === undefined ? fn() : running.traceAction(name, fn);
