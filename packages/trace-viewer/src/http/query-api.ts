// The query API (see README.md, "Query API"): POST /api/query runs a Honeycomb
// Query Specification and answers as Honeycomb's query results do; POST
// /api/query/traces lists the traces behind a row, point or cell of that
// answer; GET /api/query/columns lists the columns the spans have.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { listColumns } from '../query/column-list.js';
import { matchingTraces, parseSelection } from '../query/matching-traces.js';
import { parseQuerySpec } from '../query/parse-spec.js';
import { runQuery } from '../query/run-query.js';
import { type Query, QuerySpecError } from '../query/spec.js';
import type { TraceStore } from '../store/trace-store.js';
import { BodyError, readBody } from './read-body.js';
import { sendError, sendJson } from './respond.js';

/** A specification is a few hundred bytes; this leaves room for long IN lists. */
export const MAX_QUERY_BODY_BYTES = 64 * 1024;

const NO_STORE = { 'cache-control': 'no-store' };

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const body = await readBody(req, MAX_QUERY_BODY_BYTES);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new BodyError(400, `the body is not JSON: ${(error as Error).message}`);
  }
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A query nested under `query`, its errors named from there: `query.filters[0].op`. */
const nestedQuery = (spec: unknown): Query => {
  try {
    return parseQuerySpec(spec);
  } catch (error) {
    if (error instanceof QuerySpecError && error.field !== 'query') throw new QuerySpecError(`query.${error.field}`, error.reason);
    throw error;
  }
};

/** The traces request: the query under `query`, the selection beside it. */
const tracesAnswer = (body: unknown, store: TraceStore, now: number) => {
  if (!isObject(body)) throw new QuerySpecError('body', 'must be a JSON object {query, group, time, range, limit}');
  const query = nestedQuery(body.query);
  return matchingTraces(store, query, parseSelection(body, query), now);
};

const POSTS: Record<string, (body: unknown, store: TraceStore, now: number) => unknown> = {
  '/api/query': (body, store, now) => runQuery(store, parseQuerySpec(body), now),
  '/api/query/traces': tracesAnswer,
};

export const handleQueryApi = async (req: IncomingMessage, res: ServerResponse, path: string, store: TraceStore): Promise<void> => {
  if (path === '/api/query/columns') {
    if (req.method !== 'GET' && req.method !== 'HEAD') sendError(res, 405, 'method not allowed: use GET', { allow: 'GET' });
    else sendJson(res, 200, { columns: listColumns(store) }, NO_STORE);
    return;
  }
  const answer = POSTS[path];
  if (!answer) {
    sendError(res, 404, `no API at ${path}`);
    return;
  }
  if (req.method !== 'POST') {
    sendError(res, 405, 'method not allowed: use POST', { allow: 'POST' });
    return;
  }
  try {
    sendJson(res, 200, answer(await readJson(req), store, Date.now()), NO_STORE);
  } catch (error) {
    if (error instanceof BodyError) sendError(res, error.status, error.message);
    else if (error instanceof QuerySpecError) sendJson(res, 400, { error: error.message, field: error.field, reason: error.reason });
    else throw error;
  }
};
