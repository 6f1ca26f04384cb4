/// <reference types="vitest/config" />
import { FRONTEND_PORT, loadFaultInjection, resolveUrls } from '@cruddur/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { telemetryEnabled } from './src/telemetrySwitch.ts';

const MAIN = fileURLToPath(new URL('./src/main.tsx', import.meta.url));
const TELEMETRY_OFF = fileURLToPath(new URL('./src/telemetryOff.ts', import.meta.url));
const ROUTES = fileURLToPath(new URL('./src/routes.tsx', import.meta.url));
const FAULTS_OFF = fileURLToPath(new URL('./src/faults/off.ts', import.meta.url));

/** VITE_OTEL_DISABLED=true: main.tsx's `import './telemetry'` loads telemetryOff.ts, so no tracing code ships. */
const withoutTracing = (): Plugin => ({
  name: 'cruddur:without-tracing',
  enforce: 'pre',
  resolveId: (source, importer) => (source === './telemetry' && importer === MAIN ? TELEMETRY_OFF : null),
});

/**
 * Without the fault switch, routes.tsx's `import './faults/routes'` loads
 * faults/off.ts: no /faults page, and none of its code in the bundle. A
 * production build never has the switch: `vite build` is one unless given
 * another --mode (the end-to-end tests build with --mode e2e), so the app
 * `pnpm build` and the Docker image ship cannot fail on purpose.
 * test/faultSwitch.test.ts checks the bundles.
 */
const withoutFaults = (): Plugin => ({
  name: 'cruddur:without-faults',
  enforce: 'pre',
  resolveId: (source, importer) => (source === './faults/routes' && importer === ROUTES ? FAULTS_OFF : null),
});

const faultSwitch = (env: Record<string, string | undefined>, mode: string): Plugin[] => {
  const faults = loadFaultInjection(env, mode === 'production');
  if (faults === 'on') {
    console.warn('fault injection on: the app has a /faults page whose buttons fail on purpose');
    return [];
  }
  if (faults === 'refused') console.warn('CRUDDUR_FAULT_INJECTION is ignored: mode is production');
  return [withoutFaults()];
};

export default defineConfig(({ mode }) => {
  // .env files first, the real environment wins; only the resolved backend
  // origin is handed to the bundle.
  const env = { ...loadEnv(mode, import.meta.dirname, ''), ...process.env };
  const { backendUrl } = resolveUrls(env);
  const server = { port: FRONTEND_PORT, strictPort: true, host: true };

  return {
    plugins: [react(), ...(telemetryEnabled(env.VITE_OTEL_DISABLED) ? [] : [withoutTracing()]), ...faultSwitch(env, mode)],
    define: {
      'import.meta.env.VITE_BACKEND_URL': JSON.stringify(backendUrl),
    },
    server,
    preview: server,
    test: {
      environment: 'jsdom',
      // Node 25+ defines its own global localStorage (unusable without
      // --localstorage-file), which hides jsdom's from the tests.
      execArgv: ['--no-experimental-webstorage'],
      setupFiles: ['./test/setup.ts'],
      // jsdom renders are slow on a busy 2-core machine; a wrong render still fails fast on its assertion.
      testTimeout: 20_000,
      include: ['test/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      unstubGlobals: true,
    },
  };
});
