import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { isIP } from 'node:net';
import type { HttpBlock } from './segment.js';

/**
 * The response size, which server-span.ts does not record: set by its own
 * Fastify hook (response-size.ts), only when X-Ray is on. `http.response.body.size`
 * is still in semantic-conventions' incubating set, too big to load for one key.
 */
export const ATTR_HTTP_RESPONSE_BODY_SIZE = 'http.response.body.size';

/** The span attributes the `http` block takes; they stay out of metadata. */
export const HTTP_KEYS: ReadonlySet<string> = new Set([
  'http.request.method',
  'url.full',
  'url.scheme',
  'url.path',
  'url.query',
  'server.address',
  'server.port',
  'user_agent.original',
  'client.address',
  'network.peer.address',
  'http.response.status_code',
  ATTR_HTTP_RESPONSE_BODY_SIZE,
]);

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };

/** `url.full`, else the URL put back together from its parts, as the collector does. */
const requestUrl = (attributes: ReadableSpan['attributes']): string | undefined => {
  const full = str(attributes['url.full']);
  if (full) return full;
  const host = str(attributes['server.address']);
  if (!host) return undefined;
  const scheme = str(attributes['url.scheme']) ?? 'http';
  const port = num(attributes['server.port']);
  const query = str(attributes['url.query']);
  const portPart = port === undefined || port === DEFAULT_PORTS[scheme] ? '' : `:${String(port)}`;
  return `${scheme}://${host}${portPart}${str(attributes['url.path']) ?? '/'}${query ? `?${query.replace(/^\?/, '')}` : ''}`;
};

/** The `http` block of a SERVER or CLIENT span; undefined for a span that is no HTTP call. */
export const httpBlock = (span: ReadableSpan): HttpBlock | undefined => {
  const { attributes } = span;
  const method = str(attributes['http.request.method']);
  const status = num(attributes['http.response.status_code']);
  if (method === undefined && status === undefined) return undefined;

  // Who called: on a SERVER span only (a CLIENT span's peer is the server).
  // Addresses only, as X-Ray's client_ip takes no host names.
  const peer = str(attributes['network.peer.address']);
  const clientIp =
    span.kind === SpanKind.SERVER
      ? [str(attributes['client.address']), peer].find((address) => address !== undefined && isIP(address) !== 0)
      : undefined;
  const request = {
    method,
    url: requestUrl(attributes),
    user_agent: str(attributes['user_agent.original']),
    client_ip: clientIp,
    // The address came from a forwarding header rather than the socket.
    x_forwarded_for: clientIp !== undefined && clientIp !== peer ? (true as const) : undefined,
  };
  return { request, response: { status, content_length: num(attributes[ATTR_HTTP_RESPONSE_BODY_SIZE]) } };
};
