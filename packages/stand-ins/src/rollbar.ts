import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RollbarTrace {
  readonly exception: { readonly class: string; readonly message: string };
  readonly frames: readonly { readonly filename: string; readonly lineno?: number; readonly colno?: number; readonly method?: string }[];
}

/** The parts of Rollbar's item JSON the tests read. */
export interface RollbarItem {
  readonly access_token?: string;
  readonly data: {
    readonly environment: string;
    readonly level: string;
    readonly uuid: string;
    readonly context?: string;
    readonly body: {
      /** The Node SDK sends errors as a chain (the error, then its causes). */
      readonly trace_chain?: readonly RollbarTrace[];
      /** The web app sends one error. */
      readonly trace?: RollbarTrace;
      readonly message?: { readonly body: string };
    };
    readonly request?: {
      readonly url: string;
      readonly method: string;
      readonly headers: Record<string, string>;
      readonly user_ip?: string;
      readonly [bodyByMethod: string]: unknown;
    };
    readonly custom?: Readonly<Record<string, unknown>>;
  };
}

export interface ReceivedItem {
  readonly headers: IncomingHttpHeaders;
  /** The body as sent: search it for secrets. */
  readonly raw: string;
  readonly item: RollbarItem;
}

/** `answer` as Rollbar does; `hang` reads the item and never answers; `throttle` answers 429 as Rollbar does over a rate limit. */
export type RollbarReceiverMode = 'answer' | 'hang' | 'throttle';

export interface RollbarReceiverOptions {
  /** How items are answered, `answer` by default; `setMode` changes it. */
  readonly mode?: RollbarReceiverMode;
  /** Delay before answering. */
  readonly delayMs?: number;
  /** Port on 127.0.0.1; default one of the OS's choice. */
  readonly port?: number;
}

export interface RollbarReceiver {
  /** For `ROLLBAR_ENDPOINT`. */
  readonly endpoint: string;
  /** Every item received, in order. */
  readonly received: readonly ReceivedItem[];
  /** How many items were answered so far (with 200). */
  answered(): number;
  /** How later items are answered; those already held by `hang` stay held. */
  setMode(mode: RollbarReceiverMode): void;
  /** Closes the server and its connections. */
  close(): Promise<void>;
}

/** Rollbar's API answers browsers as this: any origin may post JSON items and read the answer. */
const CORS_PREFLIGHT = {
  'access-control-allow-methods': 'POST',
  'access-control-allow-headers': 'content-type,x-rollbar-access-token',
};

/**
 * A stand-in for Rollbar's item API on 127.0.0.1: `POST /api/1/item/`
 * answered `{"err":0,"result":{"id":…,"uuid":…}}`, every item recorded;
 * a browser's CORS preflight is answered as Rollbar's API answers it.
 */
export const startRollbarReceiver = async ({ mode: initialMode = 'answer', delayMs = 0, port = 0 }: RollbarReceiverOptions = {}): Promise<RollbarReceiver> => {
  const received: ReceivedItem[] = [];
  let answered = 0;
  let mode = initialMode;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.setHeader('access-control-allow-origin', '*');
      if (req.method === 'OPTIONS' && req.url === '/api/1/item/') {
        res.writeHead(204, CORS_PREFLIGHT).end();
        return;
      }
      if (req.method !== 'POST' || req.url !== '/api/1/item/') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"err":1,"message":"not found"}');
        return;
      }
      const raw = Buffer.concat(chunks).toString();
      const item = JSON.parse(raw) as RollbarItem;
      received.push({ headers: req.headers, raw, item });
      if (mode === 'hang') return;
      if (mode === 'throttle') {
        res.writeHead(429, { 'content-type': 'application/json' }).end('{"err":1,"message":"rate limit exceeded"}');
        return;
      }
      setTimeout(() => {
        const result = { id: received.length, uuid: item.data.uuid };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ err: 0, result }));
        answered += 1;
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${String(address.port)}/api/1/item/`,
    received,
    answered: () => answered,
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};
