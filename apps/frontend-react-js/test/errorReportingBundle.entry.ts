// What src/errorReporting.ts starts when the build has a token: the
// bundle-size test builds this alone to measure what reporting adds.
import { reportGlobalErrors } from '../src/errors/globalErrorHandlers';
import { createRollbarReporter } from '../src/errors/rollbarReporter';

reportGlobalErrors(
  createRollbarReporter({
    accessToken: 'token',
    endpoint: 'http://localhost/api/1/item/',
    environment: 'test',
    traceIds: () => undefined,
    untraced: (send) => send(),
  }),
);
