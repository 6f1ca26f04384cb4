import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each test points the AWS SDK at its own stand-in through vi.stubEnv.
    unstubEnvs: true,
    restoreMocks: true,
    testTimeout: 30_000,
  },
});
