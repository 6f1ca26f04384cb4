import { HEALTH_CHECK_PATH, type HealthCheck } from '@cruddur/api-contract';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from './schemas.js';

const healthCheckSchema = {
  type: 'object',
  required: ['success'],
  properties: { success: { type: 'boolean', const: true } },
} as const;

export const registerHealthRoutes = (app: FastifyInstance): void => {
  app.get(
    HEALTH_CHECK_PATH,
    { schema: { response: { 200: healthCheckSchema, ...errorResponses } } },
    (): HealthCheck => ({ success: true }),
  );
};
