// Child process forked by load.ts: warm-up, then the measured run, with
// autocannon's API so latencies keep their fractions of a millisecond (its
// histograms round to whole ones). Reports over IPC.
import { performance } from 'node:perf_hooks';
import autocannon, { type Result } from 'autocannon';
import type { LoadLength, LoadMessage, LoadRequest } from './load.js';
import { percentileOfSorted } from './stats.js';

const request = JSON.parse(process.argv[2] ?? '') as LoadRequest;
const send = (message: LoadMessage) => new Promise<void>((resolve) => process.send?.(message, () => { resolve(); }));

/** When the latest answer of the measured part arrived. */
let lastAnswerAt = 0;

const run = (length: LoadLength, latencies?: number[]) =>
  new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        method: request.method,
        connections: request.connections,
        ...('seconds' in length ? { duration: length.seconds } : { amount: length.requests }),
        ...(request.body === undefined ? {} : { body: request.body, headers: { 'content-type': 'application/json' } }),
      },
      (error, result) => {
        if (error) reject(error);
        else resolve(result);
      },
    );
    if (latencies) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        lastAnswerAt = performance.now();
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      });
    }
  });

const warmup = await run(request.warmup);
await send({ type: 'measuring' });
const latencies: number[] = [];
// Timed here, to the last answer: autocannon notices the end of a run only at
// its next once-a-second sample, and reports its duration that coarsely.
const started = performance.now();
const measured = await run(request.measured, latencies);
const seconds = (lastAnswerAt - started) / 1000;
latencies.sort((a, b) => a - b);

await send({
  type: 'done',
  rps: measured['2xx'] / seconds,
  p50Ms: percentileOfSorted(latencies, 50),
  p99Ms: percentileOfSorted(latencies, 99),
  requests: measured['2xx'],
  warmupRequests: warmup['2xx'],
  failures: {
    errors: warmup.errors + measured.errors,
    timeouts: warmup.timeouts + measured.timeouts,
    non2xx: warmup.non2xx + measured.non2xx,
  },
});
process.disconnect?.();
