// One lint policy for every workspace: typed TypeScript rules, plus React
// hooks rules for browser code. Each workspace picks `node` or `react`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ignores = { ignores: ['dist/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] };

const typed = (tsconfigRootDir) => [
  ignores,
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
];

/** @param {string} tsconfigRootDir */
export const node = (tsconfigRootDir) => [
  ...typed(tsconfigRootDir),
  { languageOptions: { globals: globals.node } },
];

/** @param {string} tsconfigRootDir */
export const react = (tsconfigRootDir) => [
  ...typed(tsconfigRootDir),
  reactHooks.configs.flat.recommended,
  { languageOptions: { globals: globals.browser } },
];
