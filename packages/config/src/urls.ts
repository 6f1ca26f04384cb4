export const FRONTEND_PORT = 3000;
export const BACKEND_PORT = 4567;

export type Env = Readonly<Record<string, string | undefined>>;

export interface AppUrls {
  /** Origin the browser app is served from; the API allows CORS from it alone. */
  frontendUrl: string;
  /** Origin of the API as the browser reaches it. */
  backendUrl: string;
}

const nonEmpty = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Gitpod exposes port P of a workspace at https://P-<id>.<cluster host>. */
const gitpodUrl = (env: Env, port: number): string | undefined => {
  const id = nonEmpty(env.GITPOD_WORKSPACE_ID);
  const host = nonEmpty(env.GITPOD_WORKSPACE_CLUSTER_HOST);
  return id && host ? `https://${String(port)}-${id}.${host}` : undefined;
};

const origin = (name: string, value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  return url.origin;
};

/**
 * The two public URLs, from FRONTEND_URL / BACKEND_URL when set, else derived
 * from Gitpod's workspace variables, else localhost with the standard ports.
 * Returned as origins (no trailing slash, no path) so they compare exactly
 * against a request's Origin header.
 */
export const resolveUrls = (env: Env): AppUrls => ({
  frontendUrl: origin(
    'FRONTEND_URL',
    nonEmpty(env.FRONTEND_URL) ?? gitpodUrl(env, FRONTEND_PORT) ?? `http://localhost:${String(FRONTEND_PORT)}`,
  ),
  backendUrl: origin(
    'BACKEND_URL',
    nonEmpty(env.BACKEND_URL) ??
      nonEmpty(env.VITE_BACKEND_URL) ??
      gitpodUrl(env, BACKEND_PORT) ??
      `http://localhost:${String(BACKEND_PORT)}`,
  ),
});
