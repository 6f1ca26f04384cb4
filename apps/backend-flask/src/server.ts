import { exportErrorIntervalMs } from '@cruddur/export-health';
import { resolveTraceExport } from '@cruddur/telemetry-config';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { resolveCloudWatchSettings } from './logging/cloudwatch-settings.js';
import { createLogDestination } from './logging/log-destination.js';
import { createShutdown } from './shutdown.js';
import { flushExportHealth } from './telemetry/export-health.js';
import { shutdownTelemetry } from './telemetry/lifecycle.js';

const SHUTDOWN_TIMEOUT_MS = 10_000;
/** Part of the shutdown budget: the last spans get this long to reach the destination. */
const TELEMETRY_FLUSH_TIMEOUT_MS = 3_000;

const start = async (): Promise<void> => {
  const config = loadConfig(process.env);
  // The exporters read it leniently (they start first); a malformed value stops start-up here, in one line.
  exportErrorIntervalMs(process.env);
  const logs = createLogDestination(resolveCloudWatchSettings(process.env));
  const app = await buildApp(config, { relay: { destination: resolveTraceExport(process.env) }, logStream: logs.stream });
  app.log.info(logs.description);

  const shutdown = createShutdown(app, {
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    exit: (code) => process.exit(code),
    afterClose: async () => {
      // Logs close last, so a line about spans that were not sent still reaches CloudWatch.
      await shutdownTelemetry(TELEMETRY_FLUSH_TIMEOUT_MS).catch((error: unknown) => {
        app.log.warn({ err: error }, 'closed, but the last spans were not sent');
        flushExportHealth();
      });
      await logs.close();
    },
  });
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(`Cruddur API listening on ${address} (public URL ${config.backendUrl}, CORS origin ${config.frontendUrl})`);
};

start().catch((error: unknown) => {
  // Bad configuration or a taken port: one clear line, no stack.
  console.error(`backend-flask failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
