import globals from 'globals';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'artifacts/**', '.data/**', 'coverage/**', '.cache/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../../*'], message: 'Use the workspace package name instead of a deep relative import.' },
          ],
        },
      ],
    },
  },
  {
    // A system's dialect (its field names, codes, date forms) lives only in its adapter.
    files: ['bff/src/components/**/*.ts', 'bff/src/libraries/**/*.ts', 'bff/src/app.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../../*'], message: 'Use the workspace package name instead of a deep relative import.' },
            {
              group: ['**/upstreams/*/*.dialect', '**/*.dialect'],
              message:
                "A system's dialect stays in its adapter (bff/src/upstreams/<system>/): use the adapter's own types.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
