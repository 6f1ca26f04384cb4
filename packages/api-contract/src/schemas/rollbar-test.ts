import Type from 'typebox';

/** What `GET /rollbar/test` sends to Rollbar as a warning, and answers as text/plain. */
export const ROLLBAR_TEST_MESSAGE = 'Hello World!';

export const RollbarTestAnswer = {
  description: `"${ROLLBAR_TEST_MESSAGE}", the warning sent to Rollbar (or not sent, with Rollbar off)`,
  content: { 'text/plain': { schema: Type.Literal(ROLLBAR_TEST_MESSAGE) } },
} as const;
