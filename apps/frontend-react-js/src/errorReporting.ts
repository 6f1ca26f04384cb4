// Browser errors to Rollbar, joined to their traces: on only when the build
// has VITE_ROLLBAR_CLIENT_TOKEN, a `post_client_item` token (public by
// design: it can post items, nothing else). Without it nothing is
// registered and nothing is sent: a build without it leaves this code out.
//
//   VITE_ROLLBAR_CLIENT_TOKEN=…          the token; unset: off
//   VITE_ROLLBAR_ENDPOINT=…              default https://api.rollbar.com/api/1/item/
//   VITE_ROLLBAR_ENVIRONMENT=…           default development
import { currentTraceIds, untraced } from '@cruddur/telemetry-web';
import { reportGlobalErrors } from './errors/globalErrorHandlers';
import { createRollbarReporter, ROLLBAR_API_ENDPOINT, type ErrorReporter } from './errors/rollbarReporter';

export interface ErrorReportingSettings {
  readonly token: string | undefined;
  readonly endpoint: string | undefined;
  readonly environment: string | undefined;
}

/** Starts reporting uncaught errors when the token is set; returns the reporter, or undefined. */
export const startErrorReporting = ({ token, endpoint, environment }: ErrorReportingSettings): ErrorReporter | undefined => {
  const accessToken = token?.trim();
  if (!accessToken) return undefined;
  const reporter = createRollbarReporter({
    accessToken,
    endpoint: endpoint?.trim() || ROLLBAR_API_ENDPOINT,
    environment: environment?.trim() || 'development',
    traceIds: currentTraceIds,
    untraced,
  });
  reportGlobalErrors(reporter);
  return reporter;
};

// Read variable by variable: in a build without the token the condition is
// a constant, and the reporter's code is left out of the bundle.
const reporter = import.meta.env.VITE_ROLLBAR_CLIENT_TOKEN
  ? startErrorReporting({
      token: import.meta.env.VITE_ROLLBAR_CLIENT_TOKEN,
      endpoint: import.meta.env.VITE_ROLLBAR_ENDPOINT,
      environment: import.meta.env.VITE_ROLLBAR_ENVIRONMENT,
    })
  : undefined;

/** For the error boundaries: reports a render error, when reporting is on. */
export const reportRenderError = (error: unknown, componentStack?: string): void => {
  reporter?.report(error, 'react', componentStack);
};
