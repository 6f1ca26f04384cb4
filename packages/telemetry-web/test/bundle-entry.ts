// What the frontend's main.tsx does with the library: the bundle-size test
// builds this alone to measure what tracing adds to the app.
import { ACTION } from '@cruddur/telemetry-conventions';
import { startBrowserTelemetry, traceAction } from '../src/index.js';

const telemetry = startBrowserTelemetry({ backendUrl: 'http://localhost:4567' });
telemetry.startPageLoad();
telemetry.instrumentActions();
void traceAction(ACTION.search, () => fetch('http://localhost:4567/api/activities/search'));
