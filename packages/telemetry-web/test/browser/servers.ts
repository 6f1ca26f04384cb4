// Loopback servers for the browser tests, each on a port the OS picks: the
// page's static server, the cross-origin API (which also receives the
// browser's OTLP/JSON export, as Cruddur's API relays it) and a third origin.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseOtlpJson, type ReceivedSpan } from './otlp.js';

export interface RecordedRequest {
  method: string;
  path: string;
  traceparent: string | undefined;
  tracestate: string | undefined;
}

export interface Running {
  origin: string;
  close(): Promise<void>;
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const closer = (server: Server) => (): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => {
      resolve();
    });
  });

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/** Serves the built fixture, with index.html for every route of the app. */
export const startStaticServer = async (dir: string): Promise<Running> => {
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = extname(path) === '' ? 'index.html' : path;
    readFile(join(dir, file)).then(
      (body) => {
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => {
        response.writeHead(404).end();
      },
    );
  });
  return { origin: await listen(server), close: closer(server) };
};

export interface ApiServer extends Running {
  /** Every request but the preflights, in the order they came. */
  readonly requests: RecordedRequest[];
  /** The preflights: path and the headers they asked to send. */
  readonly preflights: { path: string; headers: string }[];
  /** Spans received on /v1/traces. */
  readonly spans: ReceivedSpan[];
  /** When the last request to each path was answered, by the clock of `ReceivedSpan.receivedAt`. */
  readonly answeredAt: ReadonlyMap<string, number>;
}

/**
 * A JSON API allowing CORS from the page's origin alone, recording the
 * trace headers it gets; `?delay=ms` delays an answer. POST /v1/traces takes
 * OTLP/JSON.
 */
export const startApiServer = async (pageOrigin: string): Promise<ApiServer> => {
  const requests: RecordedRequest[] = [];
  const preflights: { path: string; headers: string }[] = [];
  const spans: ReceivedSpan[] = [];
  const answeredAt = new Map<string, number>();
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://x');
    const cors: Record<string, string> = {};
    if (request.headers.origin === pageOrigin) {
      cors['access-control-allow-origin'] = pageOrigin;
      cors['timing-allow-origin'] = pageOrigin;
      cors.vary = 'Origin';
    }
    if (request.method === 'OPTIONS') {
      preflights.push({ path: url.pathname, headers: request.headers['access-control-request-headers'] ?? '' });
      response.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type, traceparent, tracestate',
        // No preflight cache: every traced request is preflighted.
        'access-control-max-age': '0',
      });
      response.end();
      return;
    }
    requests.push({
      method: request.method ?? '',
      path: url.pathname,
      traceparent: request.headers.traceparent as string | undefined,
      tracestate: request.headers.tracestate as string | undefined,
    });
    const body = await readBody(request);
    if (url.pathname === '/v1/traces') {
      spans.push(...parseOtlpJson(body, Date.now()));
    } else {
      await sleep(Number(url.searchParams.get('delay') ?? '0'));
      answeredAt.set(url.pathname, Date.now());
    }
    response.writeHead(200, { ...cors, 'content-type': 'application/json' });
    response.end(JSON.stringify({ path: url.pathname }));
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.writeHead(500).end();
    });
  });
  return { origin: await listen(server), close: closer(server), requests, preflights, spans, answeredAt };
};
