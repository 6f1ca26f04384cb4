// The JSON API the page and the end-to-end tests read (see README.md).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { traceView } from '../store/span-view.js';
import type { ListOptions, TraceStore } from '../store/trace-store.js';
import { handleQueryApi } from './query-api.js';
import { sendError, sendJson, sendNoContent } from './respond.js';

export const DEFAULT_LIST_LIMIT = 100;

const NO_STORE = { 'cache-control': 'no-store' };

class QueryError extends Error {}

const listOptions = (query: URLSearchParams, maxLimit: number): ListOptions => {
  const options: ListOptions = { limit: DEFAULT_LIST_LIMIT };
  const service = query.get('service');
  if (service) options.service = service;
  const limit = query.get('limit');
  if (limit !== null && limit !== '') {
    const value = Number(limit);
    if (!Number.isSafeInteger(value) || value < 1) throw new QueryError('limit must be a positive integer');
    options.limit = Math.min(value, maxLimit);
  }
  const since = query.get('since');
  if (since !== null && since !== '') {
    const value = Number(since);
    if (!Number.isFinite(value) || value < 0) throw new QueryError('since must be a time in ms since the epoch');
    options.since = value;
  }
  return options;
};

const methodNotAllowed = (res: ServerResponse, allow: string): void => {
  sendError(res, 405, `method not allowed: use ${allow}`, { allow });
};

export const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL, store: TraceStore): Promise<void> => {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/api/health') {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      methodNotAllowed(res, 'GET');
      return;
    }
    sendJson(res, 200, { ok: true, ...store.stats }, NO_STORE);
    return;
  }
  if (path === '/api/query' || path.startsWith('/api/query/')) {
    await handleQueryApi(req, res, path, store);
    return;
  }
  if (path === '/api/traces') {
    if (req.method === 'DELETE') {
      store.clear();
      sendNoContent(res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      methodNotAllowed(res, 'GET, DELETE');
      return;
    }
    try {
      sendJson(res, 200, store.list(listOptions(url.searchParams, store.maxTraces)), NO_STORE);
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      sendError(res, 400, error.message);
    }
    return;
  }
  const match = /^\/api\/traces\/([^/]+)$/.exec(path);
  if (match?.[1] !== undefined) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      methodNotAllowed(res, 'GET');
      return;
    }
    const trace = store.get(match[1].toLowerCase());
    if (trace) sendJson(res, 200, traceView(trace), NO_STORE);
    else sendError(res, 404, `no trace ${match[1]}`, NO_STORE);
    return;
  }
  sendError(res, 404, `no API at ${url.pathname}`);
};
