import { fileURLToPath } from 'node:url';

// Compiled to bench/dist/*.js: the repository is two levels up.
const REPO_ROOT = new URL('../../', import.meta.url);

const inRepo = (path: string): string => fileURLToPath(new URL(path, REPO_ROOT));

export const PATHS = {
  backendDir: inRepo('apps/backend-flask/'),
  frontendDir: inRepo('apps/frontend-react-js/'),
  frontendViteConfig: inRepo('apps/frontend-react-js/vite.config.ts'),
  telemetryWebBundleEntry: inRepo('packages/telemetry-web/test/bundle-entry.ts'),
  traceViewerCli: inRepo('packages/trace-viewer/dist/cli.js'),
  resultsDir: inRepo('bench/results/'),
} as const;

/** A script of this package, compiled beside the caller. */
export const ownScript = (name: string): string => fileURLToPath(new URL(`./${name}`, import.meta.url));
