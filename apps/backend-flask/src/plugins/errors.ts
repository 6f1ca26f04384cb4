import type { RequestError } from '@cruddur/api-contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';

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
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { status, error: status === 404 ? 'not_found' : 'invalid_request', message: error.message ?? 'Bad request' };
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
    void sendProblem(thrown, request, reply, bodyLimit);
  };
