import type { CreateMessageBody } from '@cruddur/api-contract';
import type { FastifyInstance } from 'fastify';
import { WRITE_ROUTE } from '../plugins/write-rate-limit.js';
import type { ServiceContext } from '../services/context.js';
import { createMessage } from '../services/create-message.js';
import { messages } from '../services/messages.js';
import { sendFailure } from './send-failure.js';
import { errorResponses, handleParams, messageListRef, messageRef, stringFieldsBody } from './schemas.js';

export const registerMessageRoutes = (app: FastifyInstance, context: ServiceContext): void => {
  app.get<{ Params: { handle: string } }>(
    '/api/messages/@:handle',
    { schema: { params: handleParams, response: { 200: messageListRef, ...errorResponses } } },
    (request, reply) => {
      const result = messages(context, request.params.handle);
      return result.ok ? result.value : sendFailure(reply, result.failure);
    },
  );

  app.post<{ Body: Partial<CreateMessageBody> }>(
    '/api/messages',
    {
      config: WRITE_ROUTE,
      schema: {
        body: stringFieldsBody('message', 'user_receiver_handle'),
        response: { 201: messageRef, ...errorResponses },
      },
    },
    (request, reply) => {
      const result = createMessage(context, request.body);
      return result.ok ? reply.code(201).send(result.value) : sendFailure(reply, result.failure);
    },
  );
};
