import type { FastifyReply } from 'fastify';
import type { Failure } from '../services/result.js';

/** 422 `{errors}` for invalid input, 404 `{error, message}` for a missing resource. */
export const sendFailure = (reply: FastifyReply, failure: Failure): FastifyReply =>
  failure.kind === 'invalid'
    ? reply.code(422).send({ errors: failure.errors })
    : reply.code(404).send({ error: failure.error, message: failure.message });
