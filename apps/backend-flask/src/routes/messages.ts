import { CreateMessageBody, HandleParams, Message, MessageList } from '@cruddur/api-contract/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { WRITE_ROUTE } from '../plugins/write-rate-limit.js';
import type { ServiceContext } from '../services/context.js';
import { createMessage } from '../services/create-message.js';
import { messages } from '../services/messages.js';
import { ANY_ROUTE_ERRORS, invalidInput, PATH_PARAM_ERRORS, USER_NOT_FOUND, WRITE_ERRORS } from './error-responses.js';
import { answer } from './answer.js';

export const registerMessageRoutes = (app: FastifyInstance, context: ServiceContext): void => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/messages/@:handle',
    {
      schema: {
        summary: 'The conversation between the current user and this user, oldest first',
        params: HandleParams,
        response: { 200: MessageList, ...USER_NOT_FOUND, ...PATH_PARAM_ERRORS, ...ANY_ROUTE_ERRORS },
      },
    },
    (request, reply) => answer(reply, messages(context, request.params.handle)),
  );

  api.post(
    '/api/messages',
    {
      config: WRITE_ROUTE,
      schema: {
        summary: 'Sends a direct message as the current user',
        body: CreateMessageBody,
        response: {
          201: Message,
          ...WRITE_ERRORS,
          ...USER_NOT_FOUND,
          ...invalidInput('message_blank', 'message_exceed_max_chars', 'user_receiver_handle_blank'),
          ...ANY_ROUTE_ERRORS,
        },
      },
    },
    (request, reply) => answer(reply, createMessage(context, request.body), 201),
  );
};
