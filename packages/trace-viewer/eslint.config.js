import { node } from '@cruddur/eslint-config';
import globals from 'globals';

export default [
  ...node(import.meta.dirname),
  // The page's scripts run in the browser, not in Node.
  { files: ['static/**/*.js'], languageOptions: { globals: globals.browser } },
];
