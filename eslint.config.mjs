import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The five hops (STYLE.md), enforced: route files → _lib and services; services → db/queries
  // and shared, never _lib; db/ → its own and shared; shared/ → nothing of ours; the client →
  // shared only. drizzle and the drivers stay inside db/.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'drizzle-orm*', '@tarojs/*'], message: 'shared/ is isomorphic: no node, drizzle or Taro' },
            { group: ['**/db/**', '**/functions/**', '**/miniapp/**'], message: 'shared/ imports nothing of ours but shared/' },
          ],
        },
      ],
    },
  },
  {
    files: ['functions/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm*', 'pg', '@electric-sql/*'], message: 'drizzle and the drivers live in db/' },
            { group: ['**/db/**'], message: "a route file names its contract, access and use case; data access is the use case's" },
          ],
        },
      ],
    },
  },
  {
    files: ['functions/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm*', 'pg', '@electric-sql/*'], message: 'drizzle and the drivers live in db/' },
            { group: ['**/_lib/**', '**/functions/api/**', '../../api/**'], message: 'use cases know no HTTP: what they need arrives in their context' },
          ],
        },
      ],
    },
  },
  {
    files: ['functions/_lib/**/*.ts', 'functions/runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['drizzle-orm*', 'pg', '@electric-sql/*'], message: 'drizzle and the drivers live in db/' }] }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/functions/**', '**/miniapp/**'], message: 'db/ is the bottom hop: it imports only db/ and shared/' }] },
      ],
    },
  },
  {
    files: ['miniapp/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm*', 'pg', '@electric-sql/*', 'node:*'], message: 'the client has no database and no node' },
            { group: ['**/db/**', '**/functions/**'], message: 'the client knows the server only through shared/contracts' },
          ],
        },
      ],
    },
  },
);
