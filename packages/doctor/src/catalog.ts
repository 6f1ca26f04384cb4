import { SERVICE } from '@cruddur/telemetry-conventions';
import type { Level } from './finding.js';

/** One kind of problem the doctor finds: what the student sees, and what fixes it. */
export interface CatalogEntry {
  readonly integration: string;
  readonly level: Level;
  /** What you see when you have this problem, before running the doctor. */
  readonly symptom: string;
  /** The fix, in general terms; a finding's own fix names the values. */
  readonly fix: string;
}

/**
 * Every check, by a stable id: findings carry the id, the CLI prints it, and
 * README.md's Troubleshooting section is rendered from this list in this
 * order (`pnpm --filter @cruddur/doctor run readme`). Never rename an id:
 * students search for it.
 */
export const CATALOG = {
  'variable-near-miss': {
    integration: 'variables',
    level: 'warning',
    symptom: 'A setting is ignored: the app behaves as if you had not set it.',
    fix: 'Rename the variable to the one the doctor suggests; names are exact (`OTEL_EXPORTER_OTLP_HEADERS` ends in S).',
  },
  'variable-empty': {
    integration: 'variables',
    level: 'info',
    symptom: 'A variable is set to nothing (`NAME=` in `.env`), so its default applies.',
    fix: 'Give it a value, or delete the line if the default is what you want.',
  },
  'variable-quoted': {
    integration: 'variables',
    level: 'warning',
    symptom: 'A key or URL that looks right is refused (401, "must be an http(s) URL"): the quotes became part of it.',
    fix: "Remove the quotes. docker compose's `- NAME=\"value\"` list form keeps them; write `- NAME=value`.",
  },
  'variable-spaces': {
    integration: 'variables',
    level: 'warning',
    symptom: 'As above, with spaces copied around the value.',
    fix: 'Remove the spaces around the value.',
  },
  'variable-unexpanded': {
    integration: 'variables',
    level: 'warning',
    symptom: 'Honeycomb shows a service named `${HONEYCOMB_SERVICE_NAME}`, or a key is refused: a `${...}` reference reached the app as text.',
    fix: 'Write the value itself. The apps never expand `${...}`; your shell (outside single quotes) and docker compose do, but the doctor checks `.env` as written.',
  },
  'trace-config-invalid': {
    integration: 'tracing',
    level: 'error',
    symptom: 'The API stops at start with one line naming an `OTEL_EXPORTER_*`, `HONEYCOMB_API_ENDPOINT` or `TRACE_VIEWER_ENDPOINT` variable.',
    fix: 'Correct that variable as the line says (`.env.example` shows each one).',
  },
  'sampler-invalid': {
    integration: 'tracing',
    level: 'error',
    symptom: 'The API stops at start: `OTEL_TRACES_SAMPLER must be one of …` or `OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1`.',
    fix: 'Use a listed sampler; the argument is a ratio such as `0.1`, not `10%`.',
  },
  'honeycomb-configuration-key': {
    integration: 'tracing',
    level: 'error',
    symptom: 'Nothing arrives in Honeycomb; the key you pasted is 22 characters long.',
    fix: 'That is a configuration key, which cannot send events: create an ingest key (Environment settings → API keys) and use it.',
  },
  'honeycomb-key-shape': {
    integration: 'tracing',
    level: 'warning',
    symptom: 'The key matches no Honeycomb key format: usually a partial copy.',
    fix: 'Copy the key again: ingest keys start with `hcaik_` or `hcxik_` (64 characters), classic keys are 32 hex characters.',
  },
  'honeycomb-header-mismatch': {
    integration: 'tracing',
    level: 'error',
    symptom: 'You changed `HONEYCOMB_API_KEY` and nothing changed: the key in `OTEL_EXPORTER_OTLP_HEADERS` is the one sent.',
    fix: 'Keep one key: drop `x-honeycomb-team` from `OTEL_EXPORTER_OTLP_HEADERS`, or make both equal.',
  },
  'service-name-frontend': {
    integration: 'tracing',
    level: 'error',
    symptom: 'Honeycomb shows one service where you expected `frontend-react-js` and `backend-flask`.',
    fix: 'Unset `OTEL_SERVICE_NAME`: the API defaults to `backend-flask`, the browser is always `frontend-react-js`.',
  },
  'service-name-universal': {
    integration: 'tracing',
    level: 'warning',
    symptom: 'Honeycomb lists the API as `Cruddur`: a name for the whole app, not for the service that sent the spans.',
    fix: `Unset \`OTEL_SERVICE_NAME\`: the API is then \`${SERVICE.backend}\`. One name per service shows which one misbehaves.`,
  },
  'honeycomb-service-name-unused': {
    integration: 'tracing',
    level: 'info',
    symptom: `You set \`HONEYCOMB_SERVICE_NAME\`, yet Honeycomb shows \`${SERVICE.backend}\` and \`${SERVICE.frontend}\` anyway.`,
    fix: `Remove it: nothing reads it. The browser is always \`${SERVICE.frontend}\`; the API is \`${SERVICE.backend}\` unless \`OTEL_SERVICE_NAME\` is set.`,
  },
  'honeycomb-key-rejected': {
    integration: 'tracing',
    level: 'error',
    symptom: 'Honeycomb stays empty; exports fail with 401 `unknown API key - check your credentials, region, and API URL`.',
    fix: 'Copy the ingest key again. An EU team (ui.eu1.honeycomb.io) also sets `HONEYCOMB_API_ENDPOINT=https://api.eu1.honeycomb.io`; a US team leaves it unset.',
  },
  'honeycomb-cannot-send': {
    integration: 'tracing',
    level: 'error',
    symptom: 'Honeycomb accepts the key, yet no traces arrive.',
    fix: 'The key lacks the Send Events permission: use an ingest key, or grant Send Events to this one.',
  },
  'honeycomb-slug-mismatch': {
    integration: 'tracing',
    level: 'warning',
    symptom: "Rollbar's link to a trace opens a Honeycomb page that does not exist.",
    fix: 'Set `HONEYCOMB_TEAM` and `HONEYCOMB_ENVIRONMENT` to the slugs the doctor prints (they are in your Honeycomb URLs).',
  },
  'honeycomb-unexpected-answer': {
    integration: 'tracing',
    level: 'warning',
    symptom: "The trace endpoint answered Honeycomb's key check with neither 200 nor 401.",
    fix: 'Check that the endpoint is `https://api.honeycomb.io` or `https://api.eu1.honeycomb.io`; if Honeycomb was down, run the doctor again later.',
  },
  'honeycomb-not-honeycomb': {
    integration: 'tracing',
    level: 'info',
    symptom: 'The endpoint has no `/1/auth`: a collector or proxy, not Honeycomb itself.',
    fix: 'Nothing to fix if it forwards to Honeycomb; the key is then checked where it forwards.',
  },
  'honeycomb-unreachable': {
    integration: 'tracing',
    level: 'info',
    symptom: '`could not reach api.honeycomb.io … skipped`.',
    fix: 'Nothing to fix when offline; otherwise check the network. `--offline` skips every network check.',
  },
  'url-invalid': {
    integration: 'CORS / URLs',
    level: 'error',
    symptom: 'The API or the web build stops: `FRONTEND_URL must be an absolute http(s) URL`.',
    fix: 'Set `FRONTEND_URL` / `BACKEND_URL` to an origin with its scheme, e.g. `https://3000-<workspace>.gitpod.io`.',
  },
  'api-not-running': {
    integration: 'CORS / URLs',
    level: 'info',
    symptom: '`API not running at http://localhost:4567: live checks skipped`.',
    fix: 'Start the app (`pnpm dev` or `pnpm start`) and run the doctor again, or point it at the API with `--api <url>`.',
  },
  'cors-preflight-refused': {
    integration: 'CORS / URLs',
    level: 'error',
    symptom: "Browser console: `blocked by CORS policy: No 'Access-Control-Allow-Origin' header`; the home feed stays empty.",
    fix: "Restart the API with `FRONTEND_URL` equal to the page's origin exactly: scheme, host and port, no path or trailing slash.",
  },
  'relay-forbidden-origin': {
    integration: 'browser relay',
    level: 'error',
    symptom: "Browser console: `POST …/v1/traces 403`; only the API's spans reach the viewer or Honeycomb.",
    fix: "Same cause as the CORS error: restart the API with `FRONTEND_URL` equal to the page's origin.",
  },
  'relay-unsupported-media-type': {
    integration: 'browser relay',
    level: 'error',
    symptom: 'Browser console: `POST …/v1/traces 415`.',
    fix: 'Something between the browser and the API compresses the body or changes its type: let `/v1/traces` through unchanged.',
  },
  'relay-rate-limited': {
    integration: 'browser relay',
    level: 'warning',
    symptom: 'Browser console: `POST …/v1/traces 429` now and then.',
    fix: 'The relay takes 300 exports a minute per address: close extra tabs, or wait a minute.',
  },
  'relay-destination-failed': {
    integration: 'browser relay',
    level: 'error',
    symptom: 'Browser console: `POST …/v1/traces 502` or `504`; the API log says `trace relay: the destination …`.',
    fix: "The API cannot deliver spans: fix its trace destination (the Honeycomb checks above), or start the trace viewer (`pnpm dev`).",
  },
  'relay-unexpected-answer': {
    integration: 'browser relay',
    level: 'error',
    symptom: 'Browser console: `POST …/v1/traces` fails with a status not listed here (a 404: no relay there).',
    fix: "Check that `BACKEND_URL` (or `--api`) is Cruddur's API and that it is up to date (`pnpm build`).",
  },
  'gitpod-half-set': {
    integration: 'Gitpod',
    level: 'warning',
    symptom: 'In Gitpod, the app calls `http://localhost:4567` and nothing loads.',
    fix: 'Set both `GITPOD_WORKSPACE_ID` and `GITPOD_WORKSPACE_CLUSTER_HOST` (Gitpod does), or set `FRONTEND_URL` and `BACKEND_URL`.',
  },
  'aws-region-default-only': {
    integration: 'AWS',
    level: 'info',
    symptom: 'The X-Ray daemon container in docker compose finds no region, though `AWS_DEFAULT_REGION` is set.',
    fix: 'Set `AWS_REGION` too: the API reads either, the daemon only `AWS_REGION`.',
  },
  'aws-keys-half-set': {
    integration: 'AWS',
    level: 'error',
    symptom: 'CloudWatch Logs and X-Ray over OTLP say "no AWS credentials" though you set a key.',
    fix: 'Set both `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (from the same access key), or neither and use `AWS_PROFILE`.',
  },
  'aws-region-mismatch': {
    integration: 'AWS',
    level: 'warning',
    symptom: 'Traces or logs land in a region you are not looking at.',
    fix: 'Set `AWS_REGION` and `AWS_DEFAULT_REGION` to the same region.',
  },
  'xray-address-tcp': {
    integration: 'X-Ray',
    level: 'error',
    symptom: 'No segments in X-Ray: `AWS_XRAY_DAEMON_ADDRESS` starts with `tcp:`.',
    fix: 'Segments go over UDP: use `udp:host:2000` or `host:2000`.',
  },
  'xray-address-invalid': {
    integration: 'X-Ray',
    level: 'error',
    symptom: 'The API stops at start: `AWS_XRAY_DAEMON_ADDRESS must be host:port …`.',
    fix: 'Use `xray-daemon:2000` in docker compose, `127.0.0.1:2000` elsewhere.',
  },
  'xray-sampling-rule': {
    integration: 'X-Ray',
    level: 'error',
    symptom: 'The API stops at start: `X-Ray sampling rule file … is invalid` or `cannot be read`.',
    fix: 'Fix the field the message names (`aws/json/xray.json` is a valid example), or unset `AWS_XRAY_SAMPLING_RULES_FILE`.',
  },
  'xray-rule-service': {
    integration: 'X-Ray',
    level: 'warning',
    symptom: 'X-Ray keeps 1 request a second and 5 % (its default), not your rule.',
    fix: "Set the rule's `ServiceName` to the API's service name (`backend-flask`) or `*`.",
  },
  'xray-daemon-absent': {
    integration: 'X-Ray',
    level: 'warning',
    symptom: 'X-Ray shows no traces. For a daemon address on this machine the API logs "export to the X-Ray daemon at udp:… failing: ECONNREFUSED"; on another host UDP segments sent to nothing vanish without a word.',
    fix: "Start the daemon, or unset `AWS_XRAY_DAEMON_ADDRESS`. A daemon answers TCP only at its `-t` address (default 127.0.0.1:2000, inside its own container); the docker compose one sets `-t` and publishes 2000/tcp.",
  },
  'xray-daemon-unreachable': {
    integration: 'X-Ray',
    level: 'info',
    symptom: '`could not check the X-Ray daemon … skipped`.',
    fix: 'Nothing to fix when the name exists only inside docker compose (`xray-daemon`); run the doctor where the API runs.',
  },
  'xray-otlp-invalid': {
    integration: 'X-Ray',
    level: 'error',
    symptom: 'The API stops at start: `AWS_XRAY_OTLP must be true or false`, `AWS_XRAY_OTLP=true needs an AWS region` or `AWS_ENDPOINT_URL_XRAY must be …`.',
    fix: 'Set `AWS_XRAY_OTLP=true` with `AWS_REGION` (e.g. `us-east-1`); leave `AWS_ENDPOINT_URL_XRAY` unset unless you point X-Ray at a stand-in.',
  },
  'xray-otlp-no-credentials': {
    integration: 'X-Ray',
    level: 'warning',
    symptom: 'The API logs `export to X-Ray … failing: no AWS credentials (CredentialsProviderError)`.',
    fix: 'Set `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (or `AWS_PROFILE`); on EC2 or ECS a role gives them, and this warning can be ignored there.',
  },
  'xray-both-paths': {
    integration: 'X-Ray',
    level: 'info',
    symptom: 'The X-Ray daemon gets nothing, though `AWS_XRAY_DAEMON_ADDRESS` is set.',
    fix: 'Nothing to fix: X-Ray gets OTLP only (`AWS_XRAY_OTLP=true`, or X-Ray as the trace destination), never a request twice. Unset that to use the daemon again.',
  },
  'xray-otlp-credentials-missing': {
    integration: 'X-Ray',
    level: 'error',
    symptom: 'The API logs `export to X-Ray … failing: no AWS credentials`; X-Ray stays empty.',
    fix: 'Give the API credentials: `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, or `AWS_PROFILE` (`aws configure` writes one), or an instance or task role.',
  },
  'xray-otlp-rejected': {
    integration: 'X-Ray',
    level: 'error',
    symptom: 'The API logs `export to X-Ray … failing: HTTP 403: check the AWS credentials …`; X-Ray stays empty.',
    fix: 'Copy the keys again (a session token expires), check `AWS_REGION`, and give the user or role X-Ray write access (`AWSXrayWriteOnlyAccess`).',
  },
  'xray-otlp-unexpected-answer': {
    integration: 'X-Ray',
    level: 'warning',
    symptom: "X-Ray's OTLP endpoint answered a signed request with neither 2xx nor 401/403.",
    fix: 'Turn on Transaction Search, which the endpoint needs (`aws/bin/xray-setup --transaction-search`); if X-Ray was down, run the doctor again later.',
  },
  'xray-otlp-unreachable': {
    integration: 'X-Ray',
    level: 'info',
    symptom: '`could not reach xray.<region>.amazonaws.com … skipped`.',
    fix: 'Nothing to fix when offline; otherwise check the network. `--offline` skips every network check.',
  },
  'cloudwatch-log-group': {
    integration: 'CloudWatch Logs',
    level: 'error',
    symptom: 'The API stops at start: `CLOUDWATCH_LOG_GROUP must be 1 to 512 letters, digits or . - _ / #`.',
    fix: 'Use 1 to 512 letters, digits or `. - _ / #`, e.g. `Cruddur` or `/cruddur/backend-flask`.',
  },
  'rollbar-token-shape': {
    integration: 'Rollbar',
    level: 'error',
    symptom: 'Rollbar stays empty, even after `curl localhost:4567/rollbar/test`.',
    fix: 'Copy the token again from Rollbar → Project settings → Project access tokens (32 hex characters).',
  },
  'rollbar-same-token': {
    integration: 'Rollbar',
    level: 'warning',
    symptom: 'The server token is readable by anyone in the web bundle.',
    fix: 'Use a `post_server_item` token for the API and a `post_client_item` token for the browser.',
  },
} as const satisfies Record<string, CatalogEntry>;

export type CheckId = keyof typeof CATALOG;

export const CHECK_IDS = Object.keys(CATALOG) as CheckId[];
