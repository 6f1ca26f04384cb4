import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The CLI tests run the CLI compiled by tsc, as `pnpm start` does.
    globalSetup: ['./test/support/build.ts'],
    testTimeout: 15_000,
  },
});
