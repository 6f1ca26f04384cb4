import { SERVICE, XrayIdGenerator, type ActionName } from '@cruddur/telemetry-conventions';
import { context, propagation, trace } from '@opentelemetry/api';
import { ZoneContextManager } from '@opentelemetry/context-zone';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ActionTracker } from './action-tracker.js';
import { Actions } from './actions.js';
import { AmbientContextManager } from './ambient-context.js';
import { listenForActions } from './dom-actions.js';
import { setLastAction } from './trace-context.js';
import { defaultExportUrl, exactOriginPattern, originOf } from './urls.js';

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
  /** How long finished spans wait to be sent in one batch, default 250 ms. */
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

  const tracker = new ActionTracker();
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
    spanProcessors: [
      tracker,
      // Its browser build also flushes when the page is hidden or left.
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: exportUrl }),
        scheduledDelayMillis: options.scheduledDelayMillis ?? 250,
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  context.setGlobalContextManager(
    new AmbientContextManager(new ZoneContextManager(), () => tracker.ambientSpan()).enable(),
  );
  // Deprecated for @opentelemetry/browser-instrumentation's fetch, which its
  // newest release (0.6.0) does not ship yet, on the 2.x SDK besides.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const fetchInstrumentation = new FetchInstrumentation({
    propagateTraceHeaderCorsUrls: [exactOriginPattern(backendOrigin)],
    // The exporter calls the unwrapped fetch already; this guards against a
    // span for the export request should it ever go through the wrapper.
    ignoreUrls: [exportUrl],
  });
  fetchInstrumentation.setTracerProvider(provider);

  const actions = new Actions(provider.getTracer(INSTRUMENTATION_NAME), tracker, () => location.pathname);
  setLastAction(() => tracker.lastActionSpan());
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
      fetchInstrumentation.disable();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      setLastAction(undefined);
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
