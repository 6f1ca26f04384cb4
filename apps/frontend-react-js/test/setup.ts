import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy* and waitFor wait 1 s by default; a render can take longer on a busy 2-core machine.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  // Absent in the files that run in node (// @vitest-environment node).
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
