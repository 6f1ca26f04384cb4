import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { messageGroups } from '../services/message-groups.js';
import { errorResponses, messageListRef } from './schemas.js';

export const registerMessageGroupRoutes = (app: FastifyInstance, context: ServiceContext): void => {
  app.get(
    '/api/message_groups',
    { schema: { response: { 200: messageListRef, ...errorResponses } } },
    () => messageGroups(context),
  );
};
