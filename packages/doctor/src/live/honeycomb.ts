import { HONEYCOMB_ENDPOINT, HONEYCOMB_KEY_HEADER, maskSecret, parseOtlpHeaders, resolveTraceExport } from '@cruddur/telemetry-config';
import { finding, nonBlank, type Env, type Finding, type Status } from '../finding.js';
import { fetchOnce } from './network.js';
import type { LiveResult } from './result.js';

export const HONEYCOMB_US_HOST = new URL(HONEYCOMB_ENDPOINT).host;
export const HONEYCOMB_EU_ENDPOINT = 'https://api.eu1.honeycomb.io';
export const HONEYCOMB_EU_HOST = new URL(HONEYCOMB_EU_ENDPOINT).host;

/** What the trace export sends Honeycomb, as the API resolves it. */
export interface HoneycombTarget {
  /** The API origin: that of the trace endpoint, where /1/auth lives too. */
  readonly origin: string;
  readonly key: string;
  /** The variable the key comes from, for the fix. */
  readonly keyVariable: string;
  /** The variable that sets the endpoint, for the region hint. */
  readonly endpointVariable: string;
}

const KEY_HEADER_VARIABLES = ['OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'OTEL_EXPORTER_OTLP_HEADERS'] as const;

const keyVariable = (env: Env): string =>
  KEY_HEADER_VARIABLES.find((name) => {
    try {
      return parseOtlpHeaders(name, nonBlank(env[name]))[HONEYCOMB_KEY_HEADER] !== undefined;
    } catch {
      return false;
    }
  }) ?? 'HONEYCOMB_API_KEY';

const endpointVariable = (env: Env): string =>
  ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT'].find((name) => nonBlank(env[name]) !== undefined) ?? 'HONEYCOMB_API_ENDPOINT';

/**
 * The key and origin to check, when the API sends an x-honeycomb-team header
 * at all (resolveTraceExport only adds HONEYCOMB_API_KEY for Honeycomb hosts).
 * Undefined when tracing is off or misconfigured (the offline checks say so).
 */
export const honeycombTarget = (env: Env): HoneycombTarget | undefined => {
  let origin: string;
  let key: string | undefined;
  try {
    const destination = resolveTraceExport(env);
    if (!destination.enabled) return undefined;
    key = destination.headers[HONEYCOMB_KEY_HEADER];
    origin = new URL(destination.url).origin;
  } catch {
    return undefined;
  }
  return key === undefined ? undefined : { origin, key, keyVariable: keyVariable(env), endpointVariable: endpointVariable(env) };
};

/** The other region's endpoint, in the shape of the variable that sets it. */
const regionHint = (host: string, variable: string): string => {
  const other = host === HONEYCOMB_US_HOST ? { team: 'an EU team', origin: HONEYCOMB_EU_ENDPOINT } : host === HONEYCOMB_EU_HOST ? { team: 'a US team', origin: HONEYCOMB_ENDPOINT } : undefined;
  if (other === undefined) return '';
  const value = variable === 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' ? `${other.origin}/v1/traces` : other.origin;
  return `; ${other.team} must use ${variable}=${value}`;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The fields of Honeycomb's GET /1/auth answer the doctor reads. */
interface AuthAnswer {
  readonly canSendEvents: boolean;
  readonly team: { readonly name: string; readonly slug: string };
  /** Empty for a Honeycomb Classic key. */
  readonly environment: { readonly name: string; readonly slug: string };
}

const parseAuthAnswer = (body: string): AuthAnswer | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObject(json) || !isObject(json.api_key_access)) return undefined;
  const team = isObject(json.team) ? json.team : {};
  const environment = isObject(json.environment) ? json.environment : {};
  return {
    canSendEvents: json.api_key_access.events === true,
    team: { name: text(team.name), slug: text(team.slug) },
    environment: { name: text(environment.name), slug: text(environment.slug) },
  };
};

const slugFindings = (env: Env, answer: AuthAnswer): Finding[] =>
  (
    [
      ['HONEYCOMB_TEAM', answer.team.slug],
      ['HONEYCOMB_ENVIRONMENT', answer.environment.slug],
    ] as const
  ).flatMap(([name, slug]) => {
    const set = nonBlank(env[name]);
    return set === undefined || slug === '' || set === slug
      ? []
      : [finding('honeycomb-slug-mismatch', `${name}=${set} but the key belongs to ${slug}: Rollbar's links to traces will not open`, `set ${name}=${slug}`)];
  });

const ROW = 'Honeycomb key (live)';

/**
 * What Honeycomb's answer to GET /1/auth says about the key, in one status
 * row and the findings: pure, so each answer can be tested as is.
 */
export const diagnoseAuthAnswer = (target: HoneycombTarget, status: number, body: string, env: Env = {}): LiveResult => {
  const host = new URL(target.origin).host;
  const key = maskSecret(target.key);
  const row = (on: boolean, text: string): Status[] => [{ integration: ROW, on, target: text }];
  if (status === 401) {
    return {
      statuses: row(false, `${key} rejected by ${host}`),
      findings: [finding('honeycomb-key-rejected', `key ${key} rejected by ${host}: check ${target.keyVariable}`, `copy the ingest key again into ${target.keyVariable}${regionHint(host, target.endpointVariable)}`)],
    };
  }
  if (status === 404) {
    return { statuses: row(false, `${host} is not Honeycomb: key not checked`), findings: [finding('honeycomb-not-honeycomb', `${host} has no /1/auth (404): not Honeycomb itself, so key ${key} was not checked`)] };
  }
  const answer = status >= 200 && status < 300 ? parseAuthAnswer(body) : undefined;
  if (answer === undefined) {
    const what = status >= 200 && status < 300 ? `${String(status)} without Honeycomb's auth JSON` : String(status);
    return { statuses: row(false, `${host} answered ${what}`), findings: [finding('honeycomb-unexpected-answer', `${host} answered ${what} to the key check (GET /1/auth): key ${key} not checked`)] };
  }
  const environment = answer.environment.name === '' ? 'a Classic team (no environments)' : `environment ${JSON.stringify(answer.environment.name)}`;
  const where = `team ${JSON.stringify(answer.team.name || answer.team.slug)}, ${environment}`;
  if (!answer.canSendEvents) {
    return {
      statuses: row(false, `${key} valid on ${host} (${where}) but cannot send events`),
      findings: [finding('honeycomb-cannot-send', `key ${key} is valid for ${where} on ${host} but cannot send events`)],
    };
  }
  return { statuses: row(true, `${key} accepted by ${host}: ${where}, can send events`), findings: slugFindings(env, answer) };
};

/** GET <origin>/1/auth with the key the API sends; nothing when no Honeycomb key is configured. */
export const checkHoneycomb = async (env: Env, timeoutMs: number): Promise<LiveResult> => {
  const target = honeycombTarget(env);
  if (target === undefined) return { statuses: [], findings: [] };
  const outcome = await fetchOnce(`${target.origin}/1/auth`, { headers: { 'X-Honeycomb-Team': target.key, accept: 'application/json' }, timeoutMs });
  if (outcome.kind === 'unreachable') {
    const host = new URL(target.origin).host;
    return {
      statuses: [{ integration: ROW, on: false, target: `not checked: could not reach ${host}` }],
      findings: [finding('honeycomb-unreachable', `could not reach ${host} (${outcome.reason}): Honeycomb key check skipped`)],
    };
  }
  return diagnoseAuthAnswer(target, outcome.status, outcome.body, env);
};
