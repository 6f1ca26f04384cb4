import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TraceStore } from '../store/trace-store.js';
import { handleApi } from './api.js';
import { handleOtlpTraces } from './otlp-receiver.js';
import { sendError } from './respond.js';
import { handleStatic } from './static-files.js';

export const DEFAULT_HOST = '127.0.0.1';
/** The standard OTLP/HTTP port, where exporters send by default. */
export const DEFAULT_PORT = 4318;
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface TraceViewerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  maxTraces?: number;
  maxSpans?: number;
  /** Estimated bytes of all spans kept. */
  maxBytes?: number;
  maxSpansPerTrace?: number;
  /** Largest OTLP request body accepted, before and after gunzip. */
  maxBodyBytes?: number;
}

export interface TraceViewer {
  /** Where the page is, e.g. http://127.0.0.1:4318 */
  readonly url: string;
  readonly port: number;
  readonly store: TraceStore;
  close(): Promise<void>;
}

const route = async (
  req: IncomingMessage,
  res: ServerResponse,
  store: TraceStore,
  maxBodyBytes: number,
): Promise<void> => {
  // Prefixing keeps a path such as //evil.example from being read as a host.
  const url = new URL(`http://viewer${req.url ?? '/'}`);
  if (url.pathname === '/v1/traces') await handleOtlpTraces(req, res, store, maxBodyBytes);
  else if (url.pathname === '/api' || url.pathname.startsWith('/api/')) await handleApi(req, res, url, store);
  else await handleStatic(req, res, url);
};

const listen = (server: Server, port: number, host: string): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

/** The address a browser can open: wildcard binds are reached on loopback. */
const displayHost = (host: string): string => {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
};

export const startTraceViewer = async (options: TraceViewerOptions = {}): Promise<TraceViewer> => {
  const host = options.host ?? DEFAULT_HOST;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { maxTraces, maxSpans, maxBytes, maxSpansPerTrace } = options;
  const store = new TraceStore({
    ...(maxTraces === undefined ? {} : { maxTraces }),
    ...(maxSpans === undefined ? {} : { maxSpans }),
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(maxSpansPerTrace === undefined ? {} : { maxSpansPerTrace }),
  });
  const server = createServer((req, res) => {
    route(req, res, store, maxBodyBytes).catch((error: unknown) => {
      console.error('trace viewer: request failed:', error);
      if (res.headersSent) res.destroy();
      else sendError(res, 500, 'internal error');
    });
  });
  await listen(server, options.port ?? DEFAULT_PORT, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${displayHost(host)}:${String(port)}`,
    port,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
};
