import { maskSecret } from '@cruddur/telemetry-config';
import { finding, nonBlank, type Check, type Describe, type Finding } from '../finding.js';

const ROLLBAR = 'Rollbar';
const TOKEN = /^[0-9a-f]{32}$/;

const checkShape = (name: string, token: string | undefined): Finding[] =>
  token === undefined || TOKEN.test(token)
    ? []
    : [finding('rollbar-token-shape', `${name} ${maskSecret(token)} is not a Rollbar access token (32 hex characters)`)];

export const checkRollbar: Check = (env) => {
  const server = nonBlank(env.ROLLBAR_ACCESS_TOKEN);
  const client = nonBlank(env.VITE_ROLLBAR_CLIENT_TOKEN);
  const same: Finding[] =
    server !== undefined && server === client
      ? [finding('rollbar-same-token', `ROLLBAR_ACCESS_TOKEN and VITE_ROLLBAR_CLIENT_TOKEN are the same token (${maskSecret(server)}); the client token ships in the bundle`)]
      : [];
  return [...checkShape('ROLLBAR_ACCESS_TOKEN', server), ...checkShape('VITE_ROLLBAR_CLIENT_TOKEN', client), ...same];
};

const side = (token: string | undefined, environment: string | undefined): string =>
  token === undefined ? 'off' : `token ${maskSecret(token)}, environment ${environment ?? 'development'}`;

export const describeRollbar: Describe = (env) => {
  const server = nonBlank(env.ROLLBAR_ACCESS_TOKEN);
  const client = nonBlank(env.VITE_ROLLBAR_CLIENT_TOKEN);
  return [{
    integration: ROLLBAR,
    on: server !== undefined || client !== undefined,
    target: `API ${side(server, nonBlank(env.ROLLBAR_ENVIRONMENT))}; browser ${side(client, nonBlank(env.VITE_ROLLBAR_ENVIRONMENT))}`,
  }];
};
