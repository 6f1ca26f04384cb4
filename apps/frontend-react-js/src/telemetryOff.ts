// What main.tsx's `import './telemetry'` loads in a VITE_OTEL_DISABLED=true
// build (vite.config.ts swaps it in): no tracing code, Zone.js included, so
// the bundle is the app alone.
export {};
