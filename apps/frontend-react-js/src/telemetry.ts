// Browser tracing, started on import. main.tsx imports this module first, so
// Zone.js (loaded by telemetry-web) patches promises and timers before React
// and the router load, and the page load's action is open before the first
// render.
//
// Off switch, read at build time like the backend URL:
//   VITE_OTEL_DISABLED=true pnpm build
// ships a bundle that registers nothing: no spans, no listeners, no fetch
// wrapper (Zone.js still loads, inert without a span).
import { startBrowserTelemetry, type BrowserTelemetryOptions } from '@cruddur/telemetry-web';
import { backendUrl } from './api/client';

/** As OTEL_SDK_DISABLED: only "true", in any case, turns tracing off. */
export const telemetryEnabled = (disabled: string | undefined): boolean => disabled?.trim().toLowerCase() !== 'true';

/** Starts tracing; should that throw, the app runs untraced rather than not at all. */
export const startTelemetry = (options: BrowserTelemetryOptions): boolean => {
  try {
    const telemetry = startBrowserTelemetry(options);
    telemetry.startPageLoad();
    telemetry.instrumentActions();
    return telemetry.enabled;
  } catch (error) {
    console.warn('Cruddur: tracing failed to start, so this page is not traced.', error);
    return false;
  }
};

startTelemetry({ backendUrl, enabled: telemetryEnabled(import.meta.env.VITE_OTEL_DISABLED) });
