import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // These checks spawn bash, node and fake CLIs: slow on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
