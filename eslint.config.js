// ESLint with type information from the two TypeScript projects (tsconfig.json for Node,
// preview/tsconfig.json for the browser UI). `npm run lint` runs it with --max-warnings 0.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'templates/', 'test/fixtures/', 'schema/', 'scratch/', 'test-results/', '.txkit-cache/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // noUncheckedIndexedAccess is on: `!` marks an index the surrounding code has proven in range.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers and booleans print as expected in messages; objects and nullish values still fail.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `() => void call()` shorthand callbacks are idiomatic for event handlers.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // Async methods that implement a Promise-returning interface need not await anything.
      '@typescript-eslint/require-await': 'off',
      // Unknown values (template data, YAML) are stringified on purpose, as Liquid prints them;
      // restrict-template-expressions still rejects objects in template literals.
      '@typescript-eslint/no-base-to-string': 'off',
      // Third-party types declare fields that are absent at run time (Handlebars AST `hash` and
      // `program`, DOM `document.body`, HTTP bodies): the defensive checks on them stay.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // SMS counting iterates code points on purpose: `[...text]` is the intended split.
      '@typescript-eslint/no-misused-spread': 'off',
      // `const { secret: _secret, ...rest } = x` is how an object is copied without a key.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read JSON answers and recorded fixtures as `any`; the assertions are the type check.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Copies of process.env drop variables with `delete`.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // Test HTTP servers take async request handlers; a failure shows as the test's failed request.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', module: 'writable' } },
  },
);
