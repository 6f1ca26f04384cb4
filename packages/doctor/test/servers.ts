import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { onTestFinished } from 'vitest';

/** A request as a stand-in received it. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

const close = (server: Server, sockets: Set<Socket>): Promise<void> =>
  new Promise((resolve) => {
    sockets.forEach((socket) => socket.destroy());
    server.close(() => {
      resolve();
    });
  });

const tracked = (server: Server): Set<Socket> => {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
};

/** An HTTP server on 127.0.0.1:<OS-assigned port> answering `answer(request)`; closed when the test ends. */
export const startHttp = async (answer: (request: Received) => Answer) => {
  const received: Received[] = [];
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      const { status, headers = {}, body = '' } = answer(request);
      res.writeHead(status, headers).end(body);
    });
  });
  const sockets = tracked(server);
  const port = await listen(server);
  onTestFinished(() => close(server, sockets));
  return { url: `http://127.0.0.1:${String(port)}`, port, received };
};

/** A TCP listener that accepts connections, reads and never says a word: a hung server. */
export const startSilent = async () => {
  let received = '';
  const server = createTcpServer((socket) => socket.on('data', (chunk: Buffer) => (received += chunk.toString())));
  const sockets = tracked(server);
  const port = await listen(server);
  onTestFinished(() => close(server, sockets));
  return { url: `http://127.0.0.1:${String(port)}`, port, received: () => received };
};

/** A port nothing listens on: bound by the OS, then released. */
export const closedPort = async (): Promise<number> => {
  const server = createTcpServer();
  const port = await listen(server);
  await close(server, new Set());
  return port;
};

export const json = (status: number, body: unknown): Answer => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Honeycomb's GET /1/auth answer for an ingest key (shape as in Honeycomb's API reference). */
export const authAnswer = (overrides: { events?: boolean; environment?: { name: string; slug: string }; team?: { name: string; slug: string } } = {}) => ({
  id: 'kid123',
  type: 'ingest',
  api_key_access: { events: overrides.events ?? true, markers: false, triggers: false, boards: false, queries: false, columns: false, createDatasets: true, slos: false, recipients: false, privateBoards: false },
  environment: overrides.environment ?? { name: 'Cruddur dev', slug: 'cruddur-dev' },
  team: overrides.team ?? { name: 'Bootcamp', slug: 'bootcamp' },
});
