/**
 * The build-time off switch, read by vite.config.ts: `VITE_OTEL_DISABLED=true`
 * builds (or serves) the app without its tracing module. As OTEL_SDK_DISABLED:
 * only "true", in any case, turns tracing off.
 */
export const telemetryEnabled = (disabled: string | undefined): boolean => disabled?.trim().toLowerCase() !== 'true';
