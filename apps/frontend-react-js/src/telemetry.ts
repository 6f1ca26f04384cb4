// Browser tracing, started on import. main.tsx imports this module first, so
// Zone.js (loaded by telemetry-web) patches promises and timers before React
// and the router load, and the page load's action is open before the first
// render.
//
// Off switch, read at build time like the backend URL:
//   VITE_OTEL_DISABLED=true pnpm build
// builds the app with telemetryOff.ts in this module's place (vite.config.ts):
// no spans, no listeners, no fetch wrapper, and none of their code.
import { backendUrl } from './api/client';
import { startTelemetry } from './startTelemetry';

startTelemetry({ backendUrl });
