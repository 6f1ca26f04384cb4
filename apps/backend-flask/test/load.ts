import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';

/** What one request of the load asked for. */
export type LoadKind = 'home' | 'post' | 'fault';

export interface LoadSample {
  /** Which of the servers (`urls`) it went to. */
  readonly target: number;
  readonly kind: LoadKind;
  /** The phase current when the request was sent. */
  readonly phase: string;
  /** performance.now() when it was sent. */
  readonly sentAt: number;
  /** Until the whole response was read; NaN if it failed. */
  readonly latencyMs: number;
  /** 0 when there was no answer. */
  readonly status: number;
  readonly error?: string;
  /** The trace the request started (its `traceparent`), X-Ray style so X-Ray takes it. */
  readonly traceId: string;
}

export interface LoadOptions {
  /** The servers: each gets the same load, its requests interleaved with the others'. */
  readonly urls: readonly string[];
  /** Requests per second to each server, sent on schedule whatever the answers take (an open loop). */
  readonly ratePerSecond: number;
  /** Labels each request with the phase current when it is sent. */
  readonly phase: () => string;
  /** Every n-th request is `POST /api/activities`. */
  readonly postEvery: number;
  /** Every n-th request asks for a 500 (`x-cruddur-fault: 500`), so Rollbar gets items. */
  readonly faultEvery: number;
  /** A request unanswered this long counts as failed. */
  readonly timeoutMs?: number;
}

const xrayStyleTraceId = (): string => `${Math.floor(Date.now() / 1000).toString(16)}${randomBytes(12).toString('hex')}`;

const POST_BODY = JSON.stringify({ message: 'steady load', ttl: '1-hour' });

/**
 * A steady load at a fixed rate on each server: a mix of `GET
 * /api/activities/home`, `POST /api/activities` and faults, the same
 * sequence for each. Requests go out on a schedule (every 1/rate s, caught
 * up each 5 ms tick), not when the previous one returns, so a slow server
 * meets the same load and its slowness shows in the latencies.
 */
export const startLoad = ({ urls, ratePerSecond, phase, postEvery, faultEvery, timeoutMs = 10_000 }: LoadOptions) => {
  const targets = urls.map((url) => new URL(url));
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const samples: LoadSample[] = [];
  let inFlight = 0;
  let sent = 0;
  let settledAll: (() => void) | undefined;

  const send = (targetIndex: number): void => {
    const target = targets[targetIndex] as URL;
    const kind: LoadKind = sent % faultEvery === 0 ? 'fault' : sent % postEvery === 0 ? 'post' : 'home';
    const traceId = xrayStyleTraceId();
    const headers: Record<string, string> = { traceparent: `00-${traceId}-b7ad6b7169203331-01` };
    if (kind === 'fault') headers['x-cruddur-fault'] = '500';
    if (kind === 'post') headers['content-type'] = 'application/json';
    const label = phase();
    const sentAt = performance.now();
    inFlight += 1;
    let done = false;
    const finish = (status: number, error?: string): void => {
      if (done) return;
      done = true;
      inFlight -= 1;
      samples.push({ target: targetIndex, kind, phase: label, sentAt, latencyMs: error === undefined ? performance.now() - sentAt : NaN, status, traceId, ...(error ? { error } : {}) });
      if (inFlight === 0) settledAll?.();
    };
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        method: kind === 'post' ? 'POST' : 'GET',
        path: kind === 'post' ? '/api/activities' : '/api/activities/home',
        headers,
        agent,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          finish(res.statusCode ?? 0);
        });
        res.on('error', (error) => {
          finish(0, error.message);
        });
      },
    );
    req.setTimeout(timeoutMs, () => {
      req.destroy(new Error(`no answer within ${String(timeoutMs)} ms`));
    });
    req.on('error', (error) => {
      finish(0, error.message);
    });
    req.end(kind === 'post' ? POST_BODY : undefined);
  };

  const started = performance.now();
  const tick = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * ratePerSecond);
    while (sent < due) {
      sent += 1;
      for (let index = 0; index < targets.length; index += 1) send(index);
    }
  }, 5);

  return {
    samples,
    /** Stops sending; resolves with every sample once the requests in flight are answered. */
    stop: async (): Promise<LoadSample[]> => {
      clearInterval(tick);
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          settledAll = resolve;
        });
      }
      agent.destroy();
      return samples;
    },
  };
};

/** The p-th percentile (0–100) of `values`, nearest rank. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? NaN;
};
