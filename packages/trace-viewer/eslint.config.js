import { node } from '@cruddur/eslint-config';
import globals from 'globals';

export default [
  ...node(import.meta.dirname),
  // The page's scripts run in the browser, not in Node, beside the chart
  // library's global (web-types/uplot-global.d.ts types it).
  { files: ['static/**/*.js'], languageOptions: { globals: { ...globals.browser, uPlot: 'readonly' } } },
  // Declarations for tsconfig.web.json only: checked by `tsc -p tsconfig.web.json`.
  { ignores: ['web-types/'] },
];
