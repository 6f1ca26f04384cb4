import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's log lines, minus the per-request pair ("incoming request",
 * "request completed") that the access log replaces. Not
 * `disableRequestLogging: true`: that would also silence the lines Fastify
 * writes when a response fails after its headers went out.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {
    // The access line is written when the response is done.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) super.requestCompleted(error, request, reply);
  }
}
