#!/usr/bin/env node
// `pnpm dev` / `pnpm start`: run the viewer unless traces are configured to go
// elsewhere. Under `turbo run dev` every task shares one run, so the cases
// where the viewer need not or cannot start exit 0 with one clear line instead
// of failing the other tasks; only a malformed setting exits non-zero.

import { get } from 'node:http';
import { ConfigError, otherDestination, readCliConfig } from './config.js';
import { startTraceViewer } from './http/server.js';

const isAddressInUse = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'EADDRINUSE';

const PROBE_TIMEOUT_MS = 1000;
const PROBE_MAX_BYTES = 64 * 1024;

/** Whether a trace viewer already answers at `url` (node:http, whose timeout keeps the process alive to report). */
const viewerAnswers = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const req = get(`${url}/api/health`, { timeout: PROBE_TIMEOUT_MS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > PROBE_MAX_BYTES) req.destroy();
      });
      res.on('end', () => {
        try {
          resolve((JSON.parse(body) as { ok?: unknown }).ok === true);
        } catch {
          resolve(false);
        }
      });
      res.on('error', () => {
        resolve(false);
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => {
      resolve(false);
    });
  });

const main = async (): Promise<void> => {
  const config = readCliConfig(process.env);
  const destination = otherDestination(process.env, config.port);
  if (destination) {
    console.log(`Trace viewer not started: traces go to ${destination}.`);
    return;
  }
  const address = `${config.host.includes(':') ? `[${config.host}]` : config.host}:${String(config.port)}`;
  let viewer;
  try {
    viewer = await startTraceViewer(config);
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    if (await viewerAnswers(`http://${address}`)) {
      console.log(`Trace viewer already running: http://${address} (not starting a second one).`);
    } else {
      console.log(
        `Trace viewer not started: ${address} is in use by another program, which receives the traces ` +
          '(an OpenTelemetry Collector?). Stop it, or set TRACE_VIEWER_PORT and point the exporters there.',
      );
    }
    return;
  }
  console.log(`Trace viewer: ${viewer.url}`);
  console.log(`OTLP/HTTP receiver: ${viewer.url}/v1/traces`);
  const shutdown = (): void => {
    viewer.close().catch((error: unknown) => {
      console.error('Trace viewer: error while closing:', error);
      process.exitCode = 1;
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Trace viewer: ${error.message}` : error);
  process.exitCode = 1;
});
