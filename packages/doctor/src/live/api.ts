import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { HEALTH_CHECK_PATH, TRACE_RELAY_PATH } from '@cruddur/api-contract';
import { resolveUrls } from '@cruddur/config';
import { SERVICE } from '@cruddur/telemetry-conventions';
import { finding, type Env, type Finding, type Status } from '../finding.js';
import { fetchOnce, type HttpOutcome } from './network.js';
import type { LiveResult } from './result.js';

/** A read the web app makes first: its preflight stands for all of them. */
const PREFLIGHT_PATH = '/api/activities/home';
/** What the web app sends on an API call: its trace context and JSON. */
const REQUEST_HEADERS = ['traceparent', 'content-type'];

export interface ApiCheckOptions {
  /** The API's base URL: `--api`, else BACKEND_URL as resolveUrls derives it. */
  readonly api?: string | undefined;
  /** The browser's origin: `--origin`, else FRONTEND_URL as resolveUrls derives it. */
  readonly origin?: string | undefined;
  readonly timeoutMs: number;
}

const API_ROW = 'API (live)';
const RELAY_ROW = 'browser relay (live)';

const header = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(', ') : value ?? '').trim();
};

const listed = (list: string, wanted: string): boolean =>
  list.split(',').some((item) => {
    const entry = item.trim().toLowerCase();
    return entry === '*' || entry === wanted.toLowerCase();
  });

/** What is wrong with the preflight answer for `origin`, or undefined when a browser would go on. */
export const preflightProblem = (status: number, headers: IncomingHttpHeaders, origin: string): string | undefined => {
  if (status < 200 || status >= 300) return `the preflight got ${String(status)}`;
  const allowed = header(headers, 'access-control-allow-origin');
  if (allowed === '') return 'the preflight got no Access-Control-Allow-Origin';
  if (allowed !== '*' && allowed !== origin) return `the API allows ${allowed}, not ${origin}`;
  const methods = header(headers, 'access-control-allow-methods');
  if (methods !== '' && !listed(methods, 'GET')) return `GET is not among the allowed methods (${methods})`;
  const refused = REQUEST_HEADERS.filter((name) => !listed(header(headers, 'access-control-allow-headers'), name));
  return refused.length === 0 ? undefined : `the API does not allow the request header(s) ${refused.join(', ')}`;
};

const checkPreflight = async (api: string, origin: string, timeoutMs: number): Promise<Finding[]> => {
  const outcome = await fetchOnce(`${api}${PREFLIGHT_PATH}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': REQUEST_HEADERS.join(',') },
    timeoutMs,
  });
  if (outcome.kind === 'unreachable') return [finding('cors-preflight-refused', `the CORS preflight to ${api}${PREFLIGHT_PATH} got no answer (${outcome.reason})`)];
  const problem = preflightProblem(outcome.status, outcome.headers, origin);
  return problem === undefined
    ? []
    : [finding('cors-preflight-refused', `a browser on ${origin} cannot call the API at ${api}: ${problem}`, `start the API with FRONTEND_URL=${origin}, exactly the origin in the browser's address bar`)];
};

/** The smallest OTLP/JSON export the relay takes: one span, named for what sent it. */
export const relayProbeBody = (now = Date.now()): string => {
  const nanos = BigInt(now) * 1_000_000n;
  return JSON.stringify({
    resourceSpans: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: SERVICE.frontend } }] },
      scopeSpans: [{
        scope: { name: 'cruddur-doctor' },
        spans: [{
          traceId: randomBytes(16).toString('hex'),
          spanId: randomBytes(8).toString('hex'),
          name: 'cruddur-doctor relay check',
          kind: 1,
          startTimeUnixNano: String(nanos),
          endTimeUnixNano: String(nanos + 1_000_000n),
        }],
      }],
    }],
  });
};

/** The API's own reason, from its `{"error", "message"}` answer, when it gave one. */
const apiMessage = (body: string): string => {
  try {
    const json = JSON.parse(body) as unknown;
    const message = typeof json === 'object' && json !== null && 'message' in json ? json.message : undefined;
    return typeof message === 'string' ? `: ${message.slice(0, 200)}` : '';
  } catch {
    return '';
  }
};

/** One line per relay answer: 2xx fine, 403/415/429/5xx each with its cause. */
export const diagnoseRelayAnswer = (api: string, origin: string, outcome: HttpOutcome): LiveResult => {
  const url = `${api}${TRACE_RELAY_PATH}`;
  const row = (on: boolean, text: string): Status[] => [{ integration: RELAY_ROW, on, target: text }];
  if (outcome.kind === 'unreachable') {
    return { statuses: row(false, `no answer from ${url}`), findings: [finding('relay-unexpected-answer', `POST ${url} got no answer (${outcome.reason})`)] };
  }
  const { status } = outcome;
  const said = `POST ${url} from ${origin} answered ${String(status)}${apiMessage(outcome.body)}`;
  if (status >= 200 && status < 300) return { statuses: row(true, `POST ${url} from ${origin}: ${String(status)}, spans accepted`), findings: [] };
  const statuses = row(false, `POST ${url}: ${String(status)}`);
  if (status === 403) return { statuses, findings: [finding('relay-forbidden-origin', said, `start the API with FRONTEND_URL=${origin}: the relay takes spans from that origin only`)] };
  if (status === 415) return { statuses, findings: [finding('relay-unsupported-media-type', `${said}: the relay got no plain application/json body`)] };
  if (status === 429) return { statuses, findings: [finding('relay-rate-limited', said)] };
  if (status >= 500) return { statuses, findings: [finding('relay-destination-failed', `${said}: the API could not pass the spans on`)] };
  return { statuses, findings: [finding('relay-unexpected-answer', said)] };
};

const checkRelay = async (api: string, origin: string, timeoutMs: number): Promise<LiveResult> =>
  diagnoseRelayAnswer(
    api,
    origin,
    await fetchOnce(`${api}${TRACE_RELAY_PATH}`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: relayProbeBody(), timeoutMs }),
  );

const originOf = (url: string): string => new URL(url).origin;

/**
 * Against the API when one answers at `api`: the CORS preflight the web app's
 * first call makes, then one span through the browser relay. When nothing
 * answers, one info line and nothing else.
 */
export const checkApi = async (env: Env, { api, origin, timeoutMs }: ApiCheckOptions): Promise<LiveResult> => {
  let base: string;
  let browser: string;
  try {
    base = originOf(api ?? resolveUrls(env).backendUrl);
    browser = originOf(origin ?? resolveUrls(env).frontendUrl);
  } catch {
    // A malformed BACKEND_URL / FRONTEND_URL is an offline error already; a malformed flag is the CLI's.
    return { statuses: [], findings: [] };
  }
  const probe = await fetchOnce(`${base}${HEALTH_CHECK_PATH}`, { timeoutMs });
  if (probe.kind === 'unreachable') {
    return { statuses: [], findings: [finding('api-not-running', `API not running at ${base} (${probe.reason}): live checks skipped`)] };
  }
  const [preflight, relay] = await Promise.all([checkPreflight(base, browser, timeoutMs), checkRelay(base, browser, timeoutMs)]);
  return {
    statuses: [{ integration: API_ROW, on: true, target: `${base} answers (health check ${String(probe.status)}); CORS preflight from ${browser} ${preflight.length === 0 ? 'allowed' : 'refused'}` }, ...relay.statuses],
    findings: [...preflight, ...relay.findings],
  };
};
