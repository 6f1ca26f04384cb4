import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string | number>;
  /** One buffer is sent with Content-Length; a list of chunks is sent chunked. */
  body?: Uint8Array | string | Uint8Array[];
}

/** A request with full control over headers and framing, which fetch does not give. */
export const send = (url: string, { method = 'GET', headers = {}, body }: RawRequest = {}): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const length = body === undefined || Array.isArray(body) ? undefined : Buffer.byteLength(body);
    const allHeaders = length === undefined ? headers : { 'content-length': length, ...headers };
    const req = httpRequest(url, { method, headers: allHeaders }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk);
    else if (body !== undefined) req.write(body);
    req.end();
  });
