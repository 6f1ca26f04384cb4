import { ROLLBAR_TEST_MESSAGE, RollbarTestAnswer } from '@cruddur/api-contract/schemas';
import type { FastifyInstance } from 'fastify';
import type { Notifier } from '../rollbar/notifier.js';
import { requestSpanContext } from '../rollbar/request-span.js';
import { ANY_ROUTE_ERRORS } from './error-responses.js';

/**
 * `GET /rollbar/test`, as the course's Flask app has it: sends the warning
 * "Hello World!" to Rollbar and answers the same text. With Rollbar off it
 * still answers, and logs that nothing was sent.
 */
export const registerRollbarTestRoute = (app: FastifyInstance, notifier: Notifier | undefined): void => {
  app.get('/rollbar/test', { schema: { summary: 'Sends a test warning to Rollbar', response: { 200: RollbarTestAnswer, ...ANY_ROUTE_ERRORS } } }, (request, reply) => {
    if (notifier) {
      notifier.send('warning', ROLLBAR_TEST_MESSAGE, { span: requestSpanContext() });
    } else {
      request.log.info('Rollbar off: /rollbar/test sent nothing');
    }
    return reply.type('text/plain; charset=utf-8').send(ROLLBAR_TEST_MESSAGE);
  });
};
