import { startBrowserTelemetry, type BrowserTelemetryOptions } from '@cruddur/telemetry-web';

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
