// Layer boundaries are enforced here, not by hope: imports point down only.
// electron > ui > host > service > sync > native > store > core ; cloud uses core + sync protocol.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'net',
  'http',
  'url',
];

function forbid(...groups) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: groups.map((group) => ({
          group: group.patterns,
          message: group.message,
        })),
      },
    ],
  };
}

const upper = (layers) => layers.flatMap((l) => [`**/${l}/**`, `**/${l}`]);

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      'test-results',
      'playwright-report',
      'bench/RESULTS.md',
      '.tmp',
      '.lojal-cloud',
      '**/*.tmp.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        AbortController: 'readonly',
        queueMicrotask: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: forbid(
      {
        patterns: [
          ...nodeBuiltins,
          'better-sqlite3',
          'serialport',
          'fastify',
          'react',
          'react-dom',
        ],
        message: 'src/core is pure: no I/O, no Node or DOM APIs.',
      },
      {
        patterns: upper(['store', 'native', 'sync', 'service', 'host', 'ui', 'electron', 'cloud']),
        message: 'src/core may not import the layers above it.',
      },
    ),
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is an argument in src/core.' },
        { object: 'Math', property: 'random', message: 'No randomness in src/core: pass ids in.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The clock is an argument in src/core.',
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: forbid({
      patterns: upper(['native', 'sync', 'service', 'host', 'ui', 'electron', 'cloud']),
      message: 'src/store may import only src/core.',
    }),
  },
  {
    files: ['native/**/*.ts'],
    rules: forbid({
      patterns: upper(['sync', 'service', 'host', 'ui', 'electron', 'cloud']),
      message: 'native/ may import only src/store and src/core.',
    }),
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: forbid({
      patterns: upper(['service', 'host', 'ui', 'electron', 'cloud']),
      message: 'src/sync may import only native, store and core.',
    }),
  },
  {
    files: ['src/service/**/*.ts'],
    rules: forbid({
      patterns: upper(['host', 'ui', 'electron', 'cloud']),
      message: 'src/service may not import the layers above it.',
    }),
  },
  {
    files: ['src/host/**/*.ts'],
    rules: forbid({
      patterns: upper(['ui', 'electron', 'cloud']),
      message: 'src/host may not import the UI, Electron or the cloud.',
    }),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        {
          patterns: [...nodeBuiltins, 'better-sqlite3', 'serialport', 'fastify'],
          message: 'The renderer never touches Node, SQLite or hardware.',
        },
        {
          patterns: upper(['store', 'native', 'sync', 'host', 'electron', 'cloud']),
          message: 'The renderer talks to the service through its transport only.',
        },
      ),
    },
  },
  {
    files: ['cloud/**/*.ts'],
    rules: forbid({
      patterns: upper(['store', 'native', 'service', 'host', 'ui', 'electron']),
      message: 'cloud/ shares only src/core and the sync protocol.',
    }),
  },
);
