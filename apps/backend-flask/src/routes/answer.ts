import type { RequestErrorBody, ValidationErrorBody } from '@cruddur/api-contract';
import type { FastifyReply } from 'fastify';
import type { Result } from '../services/result.js';

/**
 * What a handler returns for its use case's result: the value, answered with
 * `status`; or, for a failure, nothing, the answer already sent: 422
 * `{errors}` for invalid input, 404 `{error, message}` for a missing resource.
 */
export const answer = <T>(reply: FastifyReply, result: Result<T>, status = 200): T | undefined => {
  if (result.ok) {
    reply.code(status);
    return result.value;
  }
  const { failure } = result;
  if (failure.kind === 'invalid') void reply.code(422).send({ errors: [...failure.errors] } satisfies ValidationErrorBody);
  else void reply.code(404).send({ error: failure.error, message: failure.message } satisfies RequestErrorBody);
  return undefined;
};
