import type { FastifyInstance } from 'fastify';

/**
 * Response headers for a JSON API that no browser should render, frame,
 * sniff, cache or embed. Every answer gets them: success, 4xx, 5xx, 404,
 * CORS preflights and the trace relay's.
 *
 * - `Cross-Origin-Resource-Policy: same-origin` blocks only *no-cors* loads
 *   (an `<img>` or `<script>` pointing at the API from another site). The
 *   web app's `fetch` calls are CORS requests, which CORP does not apply to
 *   (Fetch standard, "cross-origin resource policy check"), so the app on
 *   :3000 keeps working.
 * - `Content-Security-Policy` forbids everything: a response opened as a
 *   document (say, a 404 echoing a crafted URL) can run or load nothing and
 *   cannot be framed.
 * - `Cache-Control: no-store`: answers carry the user's feed and messages;
 *   no shared or browser cache keeps them.
 *
 * A hook of ours rather than @fastify/helmet: helmet's defaults are written
 * for HTML pages (HSTS on plain http, COOP/COEP, a page CSP, X-DNS-Prefetch,
 * ...) and it sets no Cache-Control; these are the six headers we mean,
 * in one place the tests read.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
});

/** Sets SECURITY_HEADERS on every response; drops `X-Powered-By` should anything add it. */
export const registerSecurityHeaders = (app: FastifyInstance): void => {
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    reply.removeHeader('x-powered-by');
    done(null, payload);
  });
};
