import {
  Activity,
  ActivityList,
  CreateActivityBody,
  CreateReplyBody,
  HandleParams,
  SearchQuery,
  UserActivities,
  UuidParams,
} from '@cruddur/api-contract/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
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
import {
  ACTIVITY_NOT_FOUND,
  ANY_ROUTE_ERRORS,
  invalidInput,
  PATH_PARAM_ERRORS,
  QUERY_ERRORS,
  USER_NOT_FOUND,
  WRITE_ERRORS,
} from './error-responses.js';
import { answer } from './answer.js';

const MESSAGE_ERRORS = ['message_blank', 'message_exceed_max_chars'] as const;

/**
 * /api/activities/*. The static paths (home, notifications, search) and the
 * `@handle` prefix take precedence over `:uuid` in Fastify's router, so a
 * uuid route never swallows them.
 */
export const registerActivityRoutes = (app: FastifyInstance, context: ServiceContext): void => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/activities/home',
    { schema: { summary: 'The home feed: live cruds, newest first', response: { 200: ActivityList, ...ANY_ROUTE_ERRORS } } },
    () => homeActivities(context),
  );

  api.get(
    '/api/activities/notifications',
    { schema: { summary: "The current user's notifications", response: { 200: ActivityList, ...ANY_ROUTE_ERRORS } } },
    () => notificationsActivities(context),
  );

  api.get(
    '/api/activities/search',
    {
      schema: {
        summary: 'Live cruds and replies containing the term, ignoring case',
        querystring: SearchQuery,
        response: {
          200: ActivityList,
          ...QUERY_ERRORS,
          ...invalidInput('search_term_blank', 'search_term_exceed_max_chars'),
          ...ANY_ROUTE_ERRORS,
        },
      },
    },
    (request, reply) => answer(reply, searchActivities(context, request.query.term)),
  );

  api.get(
    '/api/activities/@:handle',
    {
      schema: {
        summary: "A user's profile and live cruds, newest first",
        params: HandleParams,
        response: { 200: UserActivities, ...USER_NOT_FOUND, ...PATH_PARAM_ERRORS, ...ANY_ROUTE_ERRORS },
      },
    },
    (request, reply) => answer(reply, userActivities(context, request.params.handle)),
  );

  api.get(
    '/api/activities/:uuid',
    {
      schema: {
        summary: 'One live crud or reply, with its replies',
        params: UuidParams,
        response: { 200: Activity, ...ACTIVITY_NOT_FOUND, ...PATH_PARAM_ERRORS, ...ANY_ROUTE_ERRORS },
      },
    },
    (request, reply) => answer(reply, showActivity(context, request.params.uuid)),
  );

  api.post(
    '/api/activities',
    {
      config: WRITE_ROUTE,
      schema: {
        summary: 'Posts a crud as the current user, expiring after its ttl',
        body: CreateActivityBody,
        response: {
          201: Activity,
          ...WRITE_ERRORS,
          ...invalidInput(...MESSAGE_ERRORS, 'ttl_blank', 'ttl_invalid'),
          ...ANY_ROUTE_ERRORS,
        },
      },
    },
    (request, reply) => answer(reply, createActivity(context, request.body), 201),
  );

  api.post(
    '/api/activities/:uuid/reply',
    {
      config: WRITE_ROUTE,
      schema: {
        summary: 'Replies to a live crud or reply as the current user',
        params: UuidParams,
        body: CreateReplyBody,
        response: {
          201: Activity,
          ...WRITE_ERRORS,
          ...ACTIVITY_NOT_FOUND,
          ...PATH_PARAM_ERRORS,
          ...invalidInput(...MESSAGE_ERRORS),
          ...ANY_ROUTE_ERRORS,
        },
      },
    },
    (request, reply) => answer(reply, createReply(context, request.params.uuid, request.body), 201),
  );
};
