import { fork } from 'node:child_process';
import { ownScript } from './paths.js';
import { track } from './processes.js';
import type { ViewerResults } from './results.js';

export type ViewerMessage = Omit<ViewerResults, 'query' | 'queries'>;

/** Traces of four spans: 100,000 spans, as the goal states. */
const TRACES = 25_000;
const WARMUP_QUERIES = 5;
const QUERIES = 20;

/** The goal's query: P90 and HEATMAP of duration_ms, one filter, one breakdown, over every span sent. */
export const VIEWER_QUERY = {
  calculations: [
    { op: 'P90', column: 'duration_ms' },
    { op: 'HEATMAP', column: 'duration_ms' },
  ],
  filters: [{ column: 'service.name', op: '=', value: 'backend-flask' }],
  breakdowns: ['name'],
  time_range: 3600,
};

/**
 * The local trace viewer with 100,000 spans, in a process of its own (the
 * heap it measures is the viewer's alone): heap per stored span against the
 * store's own estimate, then the query's round trip over HTTP.
 */
export const measureViewerQuery = async (): Promise<ViewerResults> => {
  const request = { traces: TRACES, warmupQueries: WARMUP_QUERIES, queries: QUERIES, query: VIEWER_QUERY };
  const child = track(fork(ownScript('viewer-query-worker.js'), [JSON.stringify(request)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const message = await new Promise<ViewerMessage>((resolve, reject) => {
    child.once('message', (result: ViewerMessage) => {
      resolve(result);
    });
    child.once('exit', (code) => {
      reject(new Error(`the viewer benchmark exited ${String(code)} without a result: ${stderr}`));
    });
  });
  return { ...message, query: VIEWER_QUERY, queries: QUERIES };
};
