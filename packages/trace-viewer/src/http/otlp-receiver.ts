// POST /v1/traces, the OTLP/HTTP trace endpoint: binary protobuf or JSON,
// optionally gzipped, answered in the encoding it was sent in. Browsers post
// from the app's origin, so the endpoint also answers CORS preflights.

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { decodeJsonRequest } from '../otlp/decode-json.js';
import { decodeProtobufRequest } from '../otlp/decode-protobuf.js';
import { type DecodedSpan, OtlpDecodeError } from '../otlp/model.js';
import { encodeRpcStatus } from '../protobuf/rpc-status.js';
import type { TraceStore } from '../store/trace-store.js';
import { BodyError, readBody } from './read-body.js';
import { send, sendNoContent } from './respond.js';

type Encoding = 'protobuf' | 'json';

const CONTENT_TYPES: Record<Encoding, string> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};

/** google.rpc.Code values for the Status body of failures. */
const RPC_CODES: Record<number, number> = { 400: 3, 404: 5, 405: 12, 413: 8, 415: 3, 500: 13 };

const CORS: OutgoingHttpHeaders = { 'access-control-allow-origin': '*' };

const requestEncoding = (contentType: string | undefined): Encoding | undefined => {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === CONTENT_TYPES.protobuf) return 'protobuf';
  if (mediaType === CONTENT_TYPES.json) return 'json';
  return undefined;
};

/** A failure as OTLP/HTTP wants it: a google.rpc.Status in the request's encoding (JSON when unknown). */
export const sendOtlpFailure = (
  res: ServerResponse,
  status: number,
  message: string,
  encoding: Encoding = 'json',
  headers: OutgoingHttpHeaders = {},
): void => {
  const code = RPC_CODES[status] ?? 2;
  const body = encoding === 'json' ? JSON.stringify({ code, message }) : encodeRpcStatus(code, message);
  send(res, status, CONTENT_TYPES[encoding], body, { ...CORS, ...headers });
};

const sendSuccess = (res: ServerResponse, encoding: Encoding): void => {
  // An empty ExportTraceServiceResponse: no bytes in protobuf, {} in JSON.
  send(res, 200, CONTENT_TYPES[encoding], encoding === 'json' ? '{}' : new Uint8Array(), CORS);
};

const sendPreflight = (req: IncomingMessage, res: ServerResponse): void => {
  const requested = req.headers['access-control-request-headers'];
  sendNoContent(res, {
    ...CORS,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': requested ?? 'content-type, content-encoding',
    'access-control-max-age': '600',
    ...(req.headers['access-control-request-private-network'] === 'true'
      ? { 'access-control-allow-private-network': 'true' }
      : {}),
  });
};

const decode = (encoding: Encoding, body: Buffer): DecodedSpan[] => {
  if (encoding === 'protobuf') return decodeProtobufRequest(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new OtlpDecodeError(`invalid JSON: ${(error as Error).message}`);
  }
  return decodeJsonRequest(parsed);
};

export const handleOtlpTraces = async (
  req: IncomingMessage,
  res: ServerResponse,
  store: TraceStore,
  maxBodyBytes: number,
): Promise<void> => {
  if (req.method === 'OPTIONS') {
    sendPreflight(req, res);
    return;
  }
  if (req.method !== 'POST') {
    sendOtlpFailure(res, 405, `${req.method ?? ''} is not allowed on /v1/traces: use POST`, 'json', {
      allow: 'POST, OPTIONS',
    });
    return;
  }
  const encoding = requestEncoding(req.headers['content-type']);
  if (!encoding) {
    const given = req.headers['content-type'] ?? 'none';
    sendOtlpFailure(res, 415, `unsupported Content-Type ${given}: use application/x-protobuf or application/json`);
    return;
  }
  let spans: DecodedSpan[];
  try {
    spans = decode(encoding, await readBody(req, maxBodyBytes));
  } catch (error) {
    if (error instanceof BodyError) {
      // Whatever of the body is still coming is read and discarded by Node once this response ends.
      sendOtlpFailure(res, error.status, error.message, encoding);
      return;
    }
    if (error instanceof OtlpDecodeError) {
      sendOtlpFailure(res, 400, error.message, encoding);
      return;
    }
    throw error;
  }
  store.add(spans);
  sendSuccess(res, encoding);
};
