import { HEALTH_CHECK_PATH } from '@cruddur/api-contract';
import { HealthCheck } from '@cruddur/api-contract/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ANY_ROUTE_ERRORS } from './error-responses.js';

export const registerHealthRoutes = (app: FastifyInstance): void => {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    HEALTH_CHECK_PATH,
    { schema: { summary: 'Answers while the API is up', response: { 200: HealthCheck, ...ANY_ROUTE_ERRORS } } },
    () => ({ success: true }) as const,
  );
};
