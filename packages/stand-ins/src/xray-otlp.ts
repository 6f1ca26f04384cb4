import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { decodeProtobufRequest, type DecodedSpan } from '@cruddur/trace-viewer';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AwsTestCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** The credential scope an Authorization header names: `<key id>/<date>/<region>/<service>/aws4_request`. */
export interface SigningScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

export interface XrayOtlpRequest {
  readonly headers: IncomingHttpHeaders;
  /** The body as it arrived. */
  readonly body: Buffer;
  readonly scope: SigningScope | undefined;
  /** `valid`, or why the signature is not one the stand-in's credentials make for `xray` in its region. */
  readonly signature: string;
  /** The spans, decoded by the trace viewer's OTLP/protobuf decoder; empty when the body is not one. */
  readonly spans: readonly DecodedSpan[];
}

/**
 * `answer`: X-Ray's behaviour, 403 for a bad signature, 200 otherwise;
 * `throttle` 429 and `fail` 500 to every request; `hang` reads each request
 * and never answers (until `close`).
 */
export type XrayOtlpMode = 'answer' | 'throttle' | 'fail' | 'hang';

export interface XrayOtlpStandIn {
  /** For AWS_ENDPOINT_URL_XRAY: the base URL (`http://127.0.0.1:<port>`). */
  readonly endpoint: string;
  readonly port: number;
  /** Every request to POST /v1/traces, in order. */
  readonly received: readonly XrayOtlpRequest[];
  /** Every span of the validly signed requests. */
  spans(): DecodedSpan[];
  setMode(mode: XrayOtlpMode): void;
  close(): Promise<void>;
}

export interface XrayOtlpStandInOptions {
  /** The region requests must be signed for. */
  readonly region: string;
  /** What the client's credentials must be: the stand-in signs again with them. */
  readonly credentials: AwsTestCredentials;
  readonly mode?: XrayOtlpMode;
  /** Port on 127.0.0.1; default one of the OS's choice. */
  readonly port?: number;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/;

const scopeOf = (authorization: string | undefined): { scope: SigningScope; signedHeaders: string[] } | undefined => {
  const match = AUTHORIZATION.exec(authorization ?? '');
  if (!match) return undefined;
  const [, accessKeyId = '', date = '', region = '', service = '', signedHeaders = ''] = match;
  return { scope: { accessKeyId, date, region, service }, signedHeaders: signedHeaders.split(';') };
};

/** `20260102T030405Z` as a Date. */
const amzDate = (value: string | undefined): Date | undefined => {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second));
};

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(',') : value);

/**
 * Signs the request again, as it arrived, with the AWS SDK's own SigV4
 * signer, the stand-in's credentials, service `xray` and region: the
 * signature is valid when both Authorization headers are the same.
 */
const checkSignature = async (request: IncomingMessage, body: Buffer, region: string, credentials: AwsTestCredentials): Promise<{ scope: SigningScope | undefined; signature: string }> => {
  const parsed = scopeOf(request.headers.authorization);
  if (!parsed) return { scope: undefined, signature: 'no SigV4 Authorization header' };
  const signingDate = amzDate(single(request.headers['x-amz-date']));
  if (!signingDate) return { scope: parsed.scope, signature: 'no valid x-amz-date header' };
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = single(request.headers[name]);
    if (value === undefined) return { scope: parsed.scope, signature: `signed header ${name} is missing` };
    headers[name] = value;
  }
  const url = new URL(request.url ?? '/', 'http://stand-in');
  const signer = new SignatureV4({ service: 'xray', region, credentials, sha256: Sha256 });
  const expected = await signer.sign(
    { method: request.method ?? 'POST', protocol: 'http:', hostname: url.hostname, path: url.pathname, headers, body },
    { signingDate },
  );
  return { scope: parsed.scope, signature: expected.headers.authorization === request.headers.authorization ? 'valid' : 'signature mismatch' };
};

const decode = (body: Buffer): DecodedSpan[] => {
  try {
    return decodeProtobufRequest(body);
  } catch {
    return [];
  }
};

/**
 * A stand-in for X-Ray's OTLP endpoint on 127.0.0.1: `POST /v1/traces`
 * with OTLP/protobuf, SigV4-signed for `xray` in `region`. Each request's
 * signature is checked by signing it again with the AWS SDK's signer and
 * the stand-in's credentials; a bad one is answered 403, as X-Ray does.
 */
export const startXrayOtlpStandIn = async ({ region, credentials, mode: initialMode = 'answer', port = 0 }: XrayOtlpStandInOptions): Promise<XrayOtlpStandIn> => {
  const received: XrayOtlpRequest[] = [];
  let mode = initialMode;
  const held = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const handle = async (request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> => {
    if (request.method !== 'POST' || request.url !== '/v1/traces') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      return;
    }
    const { scope, signature } = await checkSignature(request, body, region, credentials);
    received.push({ headers: request.headers, body, scope, signature, spans: decode(body) });
    if (mode === 'hang') {
      held.add(response);
      return;
    }
    if (mode === 'throttle' || mode === 'fail') {
      response.writeHead(mode === 'throttle' ? 429 : 500, { 'content-type': 'application/json' }).end('{"message":"try again later"}');
      return;
    }
    if (signature !== 'valid') {
      response
        .writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/' })
        .end('{"message":"The request signature we calculated does not match the signature you provided."}');
      return;
    }
    // An empty ExportTraceServiceResponse.
    response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void handle(request, response, Buffer.concat(chunks));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${String(bound)}`,
    port: bound,
    received,
    spans: () => received.filter(({ signature }) => signature === 'valid').flatMap(({ spans }) => spans),
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        held.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
};
