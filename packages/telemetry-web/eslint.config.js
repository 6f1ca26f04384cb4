import { react } from '@cruddur/eslint-config';
import globals from 'globals';

export default [
  ...react(import.meta.dirname),
  // The browser tests' servers, build step and configs run in Node.
  { files: ['test/**/*.ts', '*.ts'], ignores: ['test/browser/fixture/**'], languageOptions: { globals: globals.node } },
];
