import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { startXrayDaemon, type XrayDaemon } from '@cruddur/stand-ins';
import { onTestFinished } from 'vitest';
import type { XrayDocument } from '../src/telemetry/xray/segment.js';

/**
 * `healthy` answers 200 and records the SERVER spans; `401` and `503` answer
 * that status; `hang` reads the request and never answers; `refused` closes
 * the port, so connections are refused (the same port opens again for any
 * other mode).
 */
export type OtlpMode = 'healthy' | '401' | '503' | 'hang' | 'refused';

interface JsonSpan {
  readonly traceId?: string;
  readonly kind?: number;
}
interface JsonExport {
  readonly resourceSpans?: readonly { readonly scopeSpans?: readonly { readonly spans?: readonly JsonSpan[] }[] }[];
}

/** OTLP's SpanKind in JSON: 2 is SERVER. */
const SERVER = 2;

/**
 * An OTLP/HTTP (JSON) trace endpoint whose behaviour switches with
 * `setMode`, on one port for the whole test. Closed, with its connections,
 * when the test ends.
 */
export const startSwitchableOtlp = async () => {
  let mode: OtlpMode = 'healthy';
  const requests: Record<OtlpMode, number> = { healthy: 0, '401': 0, '503': 0, hang: 0, refused: 0 };
  /** Trace id → when its SERVER span arrived (performance.now()). */
  const serverSpans = new Map<string, number>();
  /** Every export answered 200: when it arrived (performance.now()) and how many spans it carried. */
  const batches: { readonly at: number; readonly spans: number }[] = [];
  const held = new Set<ServerResponse>();

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const now = mode;
      requests[now] += 1;
      if (now === 'hang') {
        held.add(res);
        return;
      }
      if (now === '401' || now === '503') {
        res.writeHead(Number(now), { 'content-type': 'application/json' }).end('{"message":"no"}');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as JsonExport;
      const arrived = performance.now();
      let spans = 0;
      for (const resource of body.resourceSpans ?? []) {
        for (const scope of resource.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            spans += 1;
            if (span.kind === SERVER && span.traceId !== undefined && !serverSpans.has(span.traceId)) serverSpans.set(span.traceId, arrived);
          }
        }
      }
      batches.push({ at: arrived, spans });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  };

  const sockets = new Set<Socket>();
  let server = createServer(handle);
  const listen = async (port: number): Promise<number> => {
    server = createServer(handle);
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        resolve();
      });
    });
    return (server.address() as AddressInfo).port;
  };
  const close = async (): Promise<void> => {
    held.clear();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  };

  const port = await listen(0);
  let listening = true;
  onTestFinished(async () => {
    if (listening) await close();
  });

  return {
    url: `http://127.0.0.1:${String(port)}`,
    requests,
    serverSpans,
    batches,
    mode: () => mode,
    setMode: async (next: OtlpMode): Promise<void> => {
      if (next === 'refused' && listening) {
        listening = false;
        await close();
      } else if (next !== 'refused' && !listening) {
        await listen(port);
        listening = true;
      }
      // Requests held by `hang` stay unanswered, as a real hang would leave them: the client's timeout ends them.
      mode = next;
    },
  };
};

/**
 * The X-Ray daemon stand-in on one UDP port that can go away (`absent`: the
 * port is closed, so the kernel answers "port unreachable") and come back.
 */
export const startSwitchableDaemon = async () => {
  let daemon: XrayDaemon<XrayDocument> | undefined = await startXrayDaemon<XrayDocument>();
  const port = daemon.port;
  /** Documents from every incarnation, with when they arrived. */
  const documents: { readonly at: number; readonly document: XrayDocument }[] = [];
  let seen = 0;
  const collect = (): void => {
    if (daemon === undefined) return;
    for (const { document } of daemon.received.slice(seen)) documents.push({ at: performance.now(), document });
    seen = daemon.received.length;
  };
  const poll = setInterval(collect, 50);
  onTestFinished(async () => {
    clearInterval(poll);
    await daemon?.close();
  });
  return {
    address: `127.0.0.1:${String(port)}`,
    documents,
    present: () => daemon !== undefined,
    setPresent: async (present: boolean): Promise<void> => {
      if (present && daemon === undefined) {
        daemon = await startXrayDaemon<XrayDocument>({ port });
        seen = 0;
      } else if (!present && daemon !== undefined) {
        collect();
        const closing = daemon;
        daemon = undefined;
        await closing.close();
      }
    },
  };
};
