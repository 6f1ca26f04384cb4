import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Playwright suite, run by `playwright test`.
    exclude: ['test/browser/**'],
    restoreMocks: true,
  },
});
