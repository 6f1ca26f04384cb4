import { resolveUrls } from '@cruddur/config';
import { attempt, finding, nonBlank, thrown, type Check, type Describe, type Finding } from '../finding.js';

const URLS = 'CORS / URLs';
const GITPOD = 'Gitpod';

const checkGitpod: Check = (env) => {
  const id = nonBlank(env.GITPOD_WORKSPACE_ID);
  const host = nonBlank(env.GITPOD_WORKSPACE_CLUSTER_HOST);
  if ((id === undefined) === (host === undefined)) return [];
  const missing = id === undefined ? 'GITPOD_WORKSPACE_ID' : 'GITPOD_WORKSPACE_CLUSTER_HOST';
  return [finding('gitpod-half-set', `${missing} is missing, so the Gitpod URLs are not derived and localhost is used`, `set ${missing} too, or set FRONTEND_URL and BACKEND_URL`)];
};

export const checkUrls: Check = (env, files) => {
  const findings: Finding[] = thrown('url-invalid', 'set FRONTEND_URL / BACKEND_URL to an origin such as https://example.com', () => resolveUrls(env));
  return [...findings, ...checkGitpod(env, files)];
};

export const describeUrls: Describe = (env) => [
  { integration: URLS, on: true, target: attempt(() => `API allows ${resolveUrls(env).frontendUrl}; browser calls ${resolveUrls(env).backendUrl}`) },
  { integration: GITPOD, on: nonBlank(env.GITPOD_WORKSPACE_ID) !== undefined, target: nonBlank(env.GITPOD_WORKSPACE_CLUSTER_HOST) ?? '-' },
];
