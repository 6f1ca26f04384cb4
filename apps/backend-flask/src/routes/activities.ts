import type { CreateActivityBody, CreateReplyBody } from '@cruddur/api-contract';
import type { FastifyInstance } from 'fastify';
import { WRITE_ROUTE } from '../plugins/write-rate-limit.js';
import type { ServiceContext } from '../services/context.js';
import { createActivity } from '../services/create-activity.js';
import { createReply } from '../services/create-reply.js';
import { homeActivities } from '../services/home-activities.js';
import { notificationsActivities } from '../services/notifications-activities.js';
import { searchActivities } from '../services/search-activities.js';
import { showActivity } from '../services/show-activity.js';
import { userActivities } from '../services/user-activities.js';
import { sendFailure } from './send-failure.js';
import {
  activityListRef,
  activityRef,
  errorResponses,
  handleParams,
  stringFieldsBody,
  uuidParams,
} from './schemas.js';

const userActivitiesSchema = {
  type: 'object',
  required: ['profile', 'activities'],
  properties: {
    profile: {
      type: 'object',
      required: ['display_name', 'handle', 'cruds_count'],
      properties: {
        display_name: { type: 'string' },
        handle: { type: 'string' },
        cruds_count: { type: 'integer' },
      },
    },
    activities: activityListRef,
  },
} as const;

/**
 * /api/activities/*. The static paths (home, notifications, search) and the
 * `@handle` prefix take precedence over `:uuid` in Fastify's router, so a
 * uuid route never swallows them.
 */
export const registerActivityRoutes = (app: FastifyInstance, context: ServiceContext): void => {
  app.get(
    '/api/activities/home',
    { schema: { response: { 200: activityListRef, ...errorResponses } } },
    () => homeActivities(context),
  );

  app.get(
    '/api/activities/notifications',
    { schema: { response: { 200: activityListRef, ...errorResponses } } },
    () => notificationsActivities(context),
  );

  app.get<{ Querystring: { term?: string } }>(
    '/api/activities/search',
    {
      schema: {
        querystring: { type: 'object', properties: { term: { type: 'string' } } },
        response: { 200: activityListRef, ...errorResponses },
      },
    },
    (request, reply) => {
      const result = searchActivities(context, request.query.term);
      return result.ok ? result.value : sendFailure(reply, result.failure);
    },
  );

  app.get<{ Params: { handle: string } }>(
    '/api/activities/@:handle',
    { schema: { params: handleParams, response: { 200: userActivitiesSchema, ...errorResponses } } },
    (request, reply) => {
      const result = userActivities(context, request.params.handle);
      return result.ok ? result.value : sendFailure(reply, result.failure);
    },
  );

  // Any string is accepted as a uuid: one that matches nothing, well-formed or not, is a 404.
  app.get<{ Params: { uuid: string } }>(
    '/api/activities/:uuid',
    { schema: { params: uuidParams, response: { 200: activityRef, ...errorResponses } } },
    (request, reply) => {
      const result = showActivity(context, request.params.uuid);
      return result.ok ? result.value : sendFailure(reply, result.failure);
    },
  );

  app.post<{ Body: Partial<CreateActivityBody> }>(
    '/api/activities',
    { config: WRITE_ROUTE, schema: { body: stringFieldsBody('message', 'ttl'), response: { 201: activityRef, ...errorResponses } } },
    (request, reply) => {
      const result = createActivity(context, request.body);
      return result.ok ? reply.code(201).send(result.value) : sendFailure(reply, result.failure);
    },
  );

  app.post<{ Params: { uuid: string }; Body: Partial<CreateReplyBody> }>(
    '/api/activities/:uuid/reply',
    {
      config: WRITE_ROUTE,
      schema: {
        params: uuidParams,
        body: stringFieldsBody('message'),
        response: { 201: activityRef, ...errorResponses },
      },
    },
    (request, reply) => {
      const result = createReply(context, request.params.uuid, request.body);
      return result.ok ? reply.code(201).send(result.value) : sendFailure(reply, result.failure);
    },
  );
};
