import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const appsScriptGlobals = [
  'SpreadsheetApp',
  'FormApp',
  'CalendarApp',
  'Calendar',
  'DocumentApp',
  'DriveApp',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'Utilities',
  'Session',
  'HtmlService',
  'Logger',
  'ContentService',
  'google',
].map((name) => ({ name, message: 'Apps Script globals are used only in src/gas/ (or the sidebar bridge).' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'out/**', '.academy/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: ['node:*', 'fs', 'path', '../gas/*', '../local/*', '../../gas/*', '../../local/*'],
          // The bundle carries zod's mini build only: the classic one doubles dist/Code.js with its locales.
          paths: [{ name: 'zod', message: "The bundled code imports zod as `import * as z from 'zod/mini'`." }],
        },
      ],
    },
  },
  {
    files: ['src/gas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['node:*', 'fs', 'path', '../local/*', '../../local/*'],
          paths: [{ name: 'zod', message: "The bundled code imports zod as `import * as z from 'zod/mini'`." }],
        },
      ],
    },
  },
  {
    // One door to Script Properties: its key registry and per-execution cache (docs/architecture.md).
    files: ['src/gas/**/*.ts'],
    ignores: ['src/gas/platform/properties.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'PropertiesService', message: 'Script Properties go through src/gas/platform/properties.ts.' },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its failure, and one passed where a callback
    // returns nothing (an event handler) fails silently.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The sidebar runs in the browser: it knows the server only by its types (src/gas/rpc.ts).
    files: ['sidebar/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/gas', '**/src/gas/**', '**/src/local', '**/src/local/**'],
              allowTypeImports: true,
              message: 'The sidebar imports only types from the server (import type), never its code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/local/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...appsScriptGlobals] },
  },
  prettier,
);
