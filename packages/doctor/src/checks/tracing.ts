import {
  describeTraceExport,
  describeTraceSampler,
  HONEYCOMB_KEY_HEADER,
  maskSecret,
  parseOtlpHeaders,
  resolveTraceExport,
  resolveTraceSampler,
} from '@cruddur/telemetry-config';
import { resolveUrls } from '@cruddur/config';
import { SERVICE } from '@cruddur/telemetry-conventions';
import { attempt, finding, nonBlank, thrown, type Check, type Describe, type Env, type Finding } from '../finding.js';

export type HoneycombKeyKind = 'classic' | 'ingest' | 'configuration' | 'unknown';

/** Honeycomb's key shapes: classic 32 hex, ingest hcaik_/hcxik_ + 58, configuration keys 22 characters. */
export const honeycombKeyKind = (key: string): HoneycombKeyKind => {
  if (/^[0-9a-f]{32}$/.test(key)) return 'classic';
  if (/^hc[ax]ik_[a-z0-9]{58}$/.test(key)) return 'ingest';
  if (/^[A-Za-z0-9]{22}$/.test(key)) return 'configuration';
  return 'unknown';
};

const checkKey = (key: string): Finding[] => {
  switch (honeycombKeyKind(key)) {
    case 'configuration':
      return [finding('honeycomb-configuration-key', `HONEYCOMB_API_KEY ${maskSecret(key)} is a configuration key: it cannot send events`, 'create an ingest key (Environment settings → API keys) and use it')];
    case 'unknown':
      return [finding('honeycomb-key-shape', `HONEYCOMB_API_KEY ${maskSecret(key)} has no known Honeycomb key shape`, 'copy the key again: 32 hex characters (classic) or hcaik_… (ingest, 64 characters)')];
    default:
      return [];
  }
};

/** A header key that disagrees with HONEYCOMB_API_KEY: the header wins, so the key is never used. */
const checkHeaderKey = (key: string | undefined, headers: string | undefined): Finding[] => {
  let sent: string | undefined;
  try {
    sent = parseOtlpHeaders('OTEL_EXPORTER_OTLP_HEADERS', headers)[HONEYCOMB_KEY_HEADER];
  } catch {
    return [];
  }
  if (key === undefined || sent === undefined || sent === key) return [];
  return [finding(
    'honeycomb-header-mismatch',
    `OTEL_EXPORTER_OTLP_HEADERS sends ${HONEYCOMB_KEY_HEADER}=${maskSecret(sent)} but HONEYCOMB_API_KEY is ${maskSecret(key)}`,
    `keep one key: drop ${HONEYCOMB_KEY_HEADER} from OTEL_EXPORTER_OTLP_HEADERS or make both the same`,
  )];
};

/**
 * The app's name, which two journals gave the API ("better not to set a
 * universal service name", a third learnt). That name in any case, nothing
 * wider: `cruddur-api` or `cruddur-backend` name the API alone and are fine.
 */
const APP_NAME = 'cruddur';

const checkServiceName = (name: string | undefined): Finding[] => {
  if (name === SERVICE.frontend) {
    return [finding('service-name-frontend', `OTEL_SERVICE_NAME=${SERVICE.frontend} is the browser's name: both apps would report as one service`, `unset OTEL_SERVICE_NAME (the API defaults to ${SERVICE.backend})`)];
  }
  if (name?.toLowerCase() === APP_NAME) {
    return [finding('service-name-universal', `OTEL_SERVICE_NAME=${name} is the whole app's name, not the API's: each service should have its own`, `unset OTEL_SERVICE_NAME (the API is then ${SERVICE.backend})`)];
  }
  return [];
};

/** The journals' HONEYCOMB_SERVICE_NAME, which nothing here reads: say what the services are called instead. */
const checkHoneycombServiceName = (env: Env): Finding[] => {
  if (nonBlank(env.HONEYCOMB_SERVICE_NAME) === undefined) return [];
  // The API's own rule (apps/backend-flask/src/instrumentation.ts): OTEL_SERVICE_NAME, else SERVICE.backend.
  const custom = nonBlank(env.OTEL_SERVICE_NAME);
  const api = custom === undefined ? SERVICE.backend : `${custom} (from OTEL_SERVICE_NAME)`;
  return [finding(
    'honeycomb-service-name-unused',
    `HONEYCOMB_SERVICE_NAME is set but not used: the API reports as ${api}, the browser as ${SERVICE.frontend}`,
    'remove HONEYCOMB_SERVICE_NAME; OTEL_SERVICE_NAME names the API, nothing renames the browser',
  )];
};

export const checkTracing: Check = (env) => {
  const key = nonBlank(env.HONEYCOMB_API_KEY);
  return [
    ...thrown('trace-config-invalid', 'correct the variable named above (see .env.example)', () => resolveTraceExport(env)),
    ...thrown('sampler-invalid', 'correct the sampler variables (see .env.example)', () => resolveTraceSampler(env)),
    ...(key === undefined ? [] : checkKey(key)),
    ...checkHeaderKey(key, nonBlank(env.OTEL_EXPORTER_OTLP_HEADERS)),
    ...checkServiceName(nonBlank(env.OTEL_SERVICE_NAME)),
    ...checkHoneycombServiceName(env),
  ];
};

export const describeTracing: Describe = (env) => {
  const destination = attempt(() => `${describeTraceExport(resolveTraceExport(env))}, sampler ${describeTraceSampler(resolveTraceSampler(env))}`);
  // Off when disabled and when misconfigured: the API refuses to start then.
  const on = !/^tracing off|^invalid/.test(destination);
  return [
    { integration: 'traces (API)', on, target: `${nonBlank(env.OTEL_SERVICE_NAME) ?? SERVICE.backend} → ${destination}` },
    { integration: 'browser relay', on, target: attempt(() => `${SERVICE.frontend} → ${resolveUrls(env).backendUrl}/v1/traces → same destination`) },
  ];
};
