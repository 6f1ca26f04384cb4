import { maskSecret, printableUrl, resolveTraceExport, type Env } from '@cruddur/telemetry-config';
import { SERVICE } from '@cruddur/telemetry-conventions';

/** Rollbar's item API, as the SDK posts to it by default. */
export const ROLLBAR_ITEM_ENDPOINT = 'https://api.rollbar.com/api/1/item/';
export const DEFAULT_ROLLBAR_ENVIRONMENT = 'development';

/** Where an error's trace opens in Honeycomb. */
export interface HoneycombTraceLink {
  /** The UI's origin: https://ui.honeycomb.io, or https://ui.eu1.honeycomb.io for the EU. */
  readonly uiOrigin: string;
  /** Team and environment slugs; without both, the link takes Honeycomb's generic form. */
  readonly team: string | undefined;
  readonly environment: string | undefined;
  /** The dataset is the service name. */
  readonly dataset: string;
}

export type RollbarConfig =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      /** Secret: send, never print. Use `describeRollbar` for display. */
      readonly accessToken: string;
      readonly environment: string;
      /** Full item URL the SDK posts to. */
      readonly endpoint: string;
      /** Set when the API's traces go to Honeycomb. */
      readonly traceLink: HoneycombTraceLink | undefined;
    };

const nonBlank = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const parseEndpoint = (value: string | undefined): string => {
  const text = nonBlank(value);
  if (text === undefined) return ROLLBAR_ITEM_ENDPOINT;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ROLLBAR_ENDPOINT must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`ROLLBAR_ENDPOINT must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  return url.href;
};

/** api.eu1.honeycomb.io → ui.eu1.honeycomb.io; any other host (a proxy, a test receiver) → the US UI. */
const honeycombUiOrigin = (exportUrl: string): string => {
  const host = new URL(exportUrl).hostname;
  return /^api(\.[a-z0-9-]+)?\.honeycomb\.io$/.test(host) ? `https://${host.replace(/^api/, 'ui')}` : 'https://ui.honeycomb.io';
};

const traceLinkFor = (env: Env): HoneycombTraceLink | undefined => {
  const destination = resolveTraceExport(env);
  if (!destination.enabled || destination.destination !== 'honeycomb') return undefined;
  return {
    uiOrigin: honeycombUiOrigin(destination.url),
    team: nonBlank(env.HONEYCOMB_TEAM),
    environment: nonBlank(env.HONEYCOMB_ENVIRONMENT),
    dataset: nonBlank(env.OTEL_SERVICE_NAME) ?? SERVICE.backend,
  };
};

/**
 * Rollbar is on only with ROLLBAR_ACCESS_TOKEN: the SDK started without a
 * token crashes the process from a timer on its first item. Throws an error
 * naming the variable on a malformed value.
 */
export const loadRollbarConfig = (env: Env): RollbarConfig => {
  const accessToken = nonBlank(env.ROLLBAR_ACCESS_TOKEN);
  if (accessToken === undefined) return { enabled: false };
  return {
    enabled: true,
    accessToken,
    environment: nonBlank(env.ROLLBAR_ENVIRONMENT) ?? DEFAULT_ROLLBAR_ENVIRONMENT,
    endpoint: parseEndpoint(env.ROLLBAR_ENDPOINT),
    traceLink: traceLinkFor(env),
  };
};

/** One line for the start-up log: the token masked to its last four characters. */
export const describeRollbar = (config: RollbarConfig): string =>
  config.enabled
    ? `Rollbar on: environment ${config.environment}, endpoint ${printableUrl(config.endpoint)}, token ${maskSecret(config.accessToken)}`
    : 'Rollbar off: ROLLBAR_ACCESS_TOKEN is not set, so 5xx errors are not reported';
