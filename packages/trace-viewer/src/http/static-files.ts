// The page: index.html for / and /trace/<id>, and the flat files beside it in
// static/ (scripts, styles, icon), read from disk on each request.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { send, sendError } from './respond.js';

/** static/ sits at the package root, two levels above both src/http and dist/http. */
const STATIC_DIR = new URL('../../static/', import.meta.url);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The chart library (uPlot), served from its package: its minified build and stylesheet. */
const require = createRequire(import.meta.url);
const VENDOR = new Map([
  ['/vendor/uplot.min.js', require.resolve('uplot/dist/uPlot.iife.min.js')],
  ['/vendor/uplot.min.css', require.resolve('uplot/dist/uPlot.min.css')],
]);

const ASSET = /^\/([a-z0-9-]+\.(?:js|css|svg))$/;
const PAGE = /^\/(?:trace\/[^/]+\/?)?$/;

const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

export const handleStatic = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
  const vendor = VENDOR.get(url.pathname);
  const file = PAGE.test(url.pathname) ? 'index.html' : (ASSET.exec(url.pathname)?.[1] ?? vendor);
  if (file === undefined) {
    send(res, 404, 'text/plain; charset=utf-8', `Not found: ${url.pathname}\n`);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'method not allowed: use GET', { allow: 'GET' });
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(vendor ?? new URL(file, STATIC_DIR));
  } catch (error) {
    if (!isMissing(error)) throw error;
    send(res, 404, 'text/plain; charset=utf-8', `Not found: ${url.pathname}\n`);
    return;
  }
  send(res, 200, CONTENT_TYPES[extname(file)], body, PAGE_HEADERS);
};
