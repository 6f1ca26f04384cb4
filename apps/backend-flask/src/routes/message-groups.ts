import { MessageList } from '@cruddur/api-contract/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { messageGroups } from '../services/message-groups.js';
import { ANY_ROUTE_ERRORS } from './error-responses.js';

export const registerMessageGroupRoutes = (app: FastifyInstance, context: ServiceContext): void => {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/message_groups',
    { schema: { summary: "The current user's conversations, each by its newest message", response: { 200: MessageList, ...ANY_ROUTE_ERRORS } } },
    () => messageGroups(context),
  );
};
