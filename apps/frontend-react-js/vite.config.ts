/// <reference types="vitest/config" />
import { FRONTEND_PORT, resolveUrls } from '@cruddur/config';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

export default defineConfig(({ mode }) => {
  // .env files first, the real environment wins; only the resolved backend
  // origin is handed to the bundle.
  const env = { ...loadEnv(mode, import.meta.dirname, ''), ...process.env };
  const { backendUrl } = resolveUrls(env);
  const server = { port: FRONTEND_PORT, strictPort: true, host: true };

  return {
    plugins: [react()],
    define: {
      'import.meta.env.VITE_BACKEND_URL': JSON.stringify(backendUrl),
    },
    server,
    preview: server,
    test: {
      environment: 'jsdom',
      setupFiles: ['./test/setup.ts'],
      // jsdom renders are slow on a busy 2-core machine; a wrong render still fails fast on its assertion.
      testTimeout: 20_000,
      include: ['test/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      unstubGlobals: true,
    },
  };
});
