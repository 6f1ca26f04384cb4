import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export const send = (
  res: ServerResponse,
  status: number,
  contentType: string | undefined,
  body: string | Uint8Array,
  headers: OutgoingHttpHeaders = {},
): void => {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    ...headers,
    ...(contentType === undefined ? {} : { 'content-type': contentType }),
    'content-length': bytes.length,
    'x-content-type-options': 'nosniff',
  });
  res.end(bytes);
};

export const sendJson = (res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void => {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
};

export const sendNoContent = (res: ServerResponse, headers: OutgoingHttpHeaders = {}): void => {
  res.writeHead(204, headers);
  res.end();
};

export const sendError = (res: ServerResponse, status: number, message: string, headers: OutgoingHttpHeaders = {}): void => {
  sendJson(res, status, { error: message }, headers);
};
