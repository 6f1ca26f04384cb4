import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';

/** How long any one network check may take before it counts as "could not reach". */
export const DEFAULT_TIMEOUT_MS = 2_000;

/** Bodies are read for their JSON fields only; anything longer is cut. */
const MAX_BODY_BYTES = 64 * 1024;

export type HttpOutcome =
  | { readonly kind: 'answered'; readonly status: number; readonly headers: IncomingHttpHeaders; readonly body: string }
  /** No HTTP answer: refused, unknown host, timeout... `reason` is fit to print (no URL, no secret). */
  | { readonly kind: 'unreachable'; readonly reason: string };

export interface HttpRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

/** A network error in words, from its code only: error messages may repeat a URL. */
export const networkReason = (error: unknown, timeoutMs: number): string => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'ETIMEDOUT':
    case 'DOCTOR_TIMEOUT':
      return `no answer within ${String(timeoutMs)} ms`;
    case 'ECONNRESET':
      return 'connection reset';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'network unreachable';
    default:
      return code ?? 'network error';
  }
};

const timeoutError = (): NodeJS.ErrnoException => Object.assign(new Error('timed out'), { code: 'DOCTOR_TIMEOUT' });

/**
 * One HTTP(S) request, never longer than `timeoutMs` in all (connect, answer
 * and body), never throwing: an unreachable host is an outcome. No
 * connection pooling, so nothing keeps the CLI alive afterwards.
 */
export const fetchOnce = (url: string, { method = 'GET', headers = {}, body, timeoutMs }: HttpRequest): Promise<HttpOutcome> =>
  new Promise((resolve) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) }, agent: false });
    const timer = setTimeout(() => req.destroy(timeoutError()), timeoutMs);
    const settle = (outcome: HttpOutcome): void => {
      clearTimeout(timer);
      resolve(outcome);
    };
    req.on('error', (error) => {
      settle({ kind: 'unreachable', reason: networkReason(error, timeoutMs) });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => {
        settle({ kind: 'answered', status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY_BYTES) });
      });
      res.on('error', (error) => {
        settle({ kind: 'unreachable', reason: networkReason(error, timeoutMs) });
      });
    });
    req.end(body);
  });

export type TcpOutcome = { readonly kind: 'open' } | { readonly kind: 'refused' } | { readonly kind: 'unreachable'; readonly reason: string };

/** Whether something accepts a TCP connection at host:port, within `timeoutMs`. */
export const probeTcp = (host: string, port: number, timeoutMs: number): Promise<TcpOutcome> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    const settle = (outcome: TcpOutcome): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      settle({ kind: 'unreachable', reason: networkReason(timeoutError(), timeoutMs) });
    }, timeoutMs);
    socket.once('connect', () => {
      settle({ kind: 'open' });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      settle(error.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'unreachable', reason: networkReason(error, timeoutMs) });
    });
  });
