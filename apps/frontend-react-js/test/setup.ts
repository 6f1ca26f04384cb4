import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // Absent in the files that run in node (// @vitest-environment node).
  if (typeof localStorage !== 'undefined') localStorage.clear();
});
