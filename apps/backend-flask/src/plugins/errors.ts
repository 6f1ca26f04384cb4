import type { RequestError } from '@cruddur/api-contract';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { SECURITY_HEADERS } from './security-headers.js';

interface Problem {
  readonly status: number;
  readonly error: RequestError;
  readonly message: string;
}

/** "body.message must be string", "body has unknown field \"foo\"": names the offending field. */
const describeValidation = (issues: readonly FastifySchemaValidationError[], context: string | undefined): string => {
  const issue = issues[0];
  if (!issue) return 'Request is invalid';
  const where = `${context ?? 'request'}${issue.instancePath.replaceAll('/', '.')}`;
  if (issue.keyword === 'additionalProperties') {
    return `${where} has unknown field ${JSON.stringify(issue.params.additionalProperty)}`;
  }
  return `${where} ${issue.message ?? 'is invalid'}`;
};

const problemFor = (thrown: unknown, bodyLimit: number): Problem => {
  const error: Partial<FastifyError> = thrown instanceof Error ? thrown : {};
  if (error.validation) {
    return { status: 400, error: 'invalid_request', message: describeValidation(error.validation, error.validationContext) };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      // Fastify's secure-json-parse also lands here for __proto__ and constructor.prototype keys.
      return { status: 400, error: 'invalid_json', message: 'Request body is not valid JSON or contains a forbidden key' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, error: 'invalid_json', message: 'Request body is empty but its content-type is JSON' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, error: 'unsupported_media_type', message: 'Request bodies must be sent as application/json' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, error: 'payload_too_large', message: `Request body exceeds ${String(bodyLimit)} bytes` };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // Fastify's own message repeats the whole URL, however long.
      return { status: 414, error: 'invalid_request', message: 'A path parameter exceeds 100 characters' };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code: RequestError = status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : 'invalid_request';
    return { status, error: code, message: error.message ?? 'Bad request' };
  }
  // Anything else is our fault: say so without details.
  return { status: 500, error: 'internal_error', message: 'Something went wrong on our side' };
};

const sendProblem = (thrown: unknown, request: FastifyRequest, reply: FastifyReply, bodyLimit: number): FastifyReply => {
  const problem = problemFor(thrown, bodyLimit);
  if (problem.status >= 500) request.log.error({ err: thrown }, 'request failed');
  return reply.code(problem.status).send({ error: problem.error, message: problem.message });
};

/** Every error becomes `{"error": code, "message": text}`; stacks stay in the logs. */
export const registerErrorHandlers = (app: FastifyInstance, bodyLimit: number): void => {
  app.setErrorHandler((thrown, request, reply) => sendProblem(thrown, request, reply, bodyLimit));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `No route for ${request.method} ${request.url}` }),
  );
};

/** For Fastify's `frameworkErrors` option: malformed URLs and the like, before routing. */
export const frameworkErrorHandler =
  (bodyLimit: number) =>
  (thrown: unknown, request: FastifyRequest, reply: FastifyReply): void => {
    // Sent before any hook is set up for the request, onSend included.
    reply.headers(SECURITY_HEADERS);
    void sendProblem(thrown, request, reply, bodyLimit);
  };

/** What Node's parser refused, by its error code: Fastify's default answers, in our body shape. */
const clientProblem = (code: string | undefined): Problem => {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, error: 'invalid_request', message: 'Request headers exceed 16 KiB' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, error: 'invalid_request', message: 'Request not received in time' };
    default:
      return { status: 400, error: 'invalid_request', message: 'Request is not valid HTTP' };
  }
};

/**
 * For Fastify's `clientErrorHandler` option: a request Node's HTTP parser
 * refuses (headers over its 16 KiB limit, bytes HTTP forbids) never reaches
 * Fastify's routing or hooks, so this writes the whole answer itself, as
 * Fastify's default does, but with `{"error", "message"}` and the security
 * headers. Then the connection is closed: the parser cannot resync.
 */
export function clientErrorHandler(this: FastifyInstance, thrown: Error & { code?: string }, socket: Socket): void {
  if (thrown.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = clientProblem(thrown.code);
  // The code only: Node's error carries the raw request bytes (rawPacket), credentials included.
  this.log.debug({ code: thrown.code }, `client error: ${problem.message}`);
  if (socket.writable) {
    const body = JSON.stringify({ error: problem.error, message: problem.message });
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
      ...SECURITY_HEADERS,
    };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.end(`HTTP/1.1 ${String(problem.status)} ${STATUS_CODES[problem.status] ?? ''}\r\n${head}\r\n${body}`);
    // Lingering close: the client may still be sending (the rest of 64 KiB of headers, say). Closing
    // with those bytes unread makes the kernel answer with a reset, which can destroy the answer
    // before the client reads it. Read and drop them until the client closes, a second at most.
    socket.on('data', discard);
    socket.setTimeout(LINGER_MS, () => socket.destroy());
    return;
  }
  socket.destroy(thrown);
}

const LINGER_MS = 1_000;
const discard = (): void => undefined;
