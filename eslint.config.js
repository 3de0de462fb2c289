// Layer boundaries are enforced here, not by hope: imports point down only
// (docs/architecture.md "Layers"). Each layer lists what it may import:
// folders, and npm packages by name; anything else is an error (lojal/layers,
// eslint-layers.js). test/lint/layers.test.ts holds one probe per forbidden edge.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { layersPlugin } from './eslint-layers.js';

const layers = [
  // The loyalty engine: pure, no I/O, runs anywhere (the UI imports it too).
  { name: 'src/core', imports: ['src/core'], packages: ['zod', 'libphonenumber-js'], node: false },
  // Renders the catalogue's messages at the edges (UI, receipt, API text): core and FormatJS only.
  {
    name: 'src/i18n',
    imports: ['src/i18n', 'src/core'],
    packages: ['intl-messageformat'],
    node: false,
  },
  // The shared schemas and types (issue 11): core and zod only, importable in the browser.
  { name: 'src/contract', imports: ['src/contract', 'src/core'], packages: ['zod'], node: false },
  {
    name: 'src/store',
    imports: ['src/store', 'src/core'],
    packages: ['better-sqlite3', 'uuid'],
    node: true,
  },
  {
    name: 'native',
    imports: ['native', 'src/contract', 'src/store', 'src/core'],
    packages: ['serialport', 'node-thermal-printer', 'uuid'],
    node: true,
  },
  {
    name: 'src/sync',
    imports: ['src/sync', 'src/contract', 'src/store', 'src/core'],
    packages: ['zod'],
    node: true,
  },
  {
    name: 'src/service',
    imports: [
      'src/service',
      'src/contract',
      'src/sync',
      'native',
      'src/store',
      'src/i18n',
      'src/core',
    ],
    packages: ['zod'],
    node: true,
  },
  // The HTTP edge the till's host and the cloud share (404/405, Fastify's and
  // Node's own refusals sorted into the one error shape's codes): core only.
  {
    name: 'src/http-edge',
    imports: ['src/http-edge', 'src/core'],
    packages: ['fastify'],
    node: true,
  },
  // Barred from the store: the host reaches data only through the service's commands.
  {
    name: 'src/host',
    imports: ['src/host', 'src/http-edge', 'src/contract', 'src/service', 'src/i18n', 'src/core'],
    packages: ['fastify', '@fastify/static', '@fastify/websocket', 'zod'],
    node: true,
  },
  // The renderer: the contract (schemas and types, by value too) and the engine; never the service, no Node.
  {
    name: 'src/ui',
    imports: ['src/ui', 'src/contract', 'src/i18n', 'src/core'],
    packages: ['react', 'react-dom', '@zxing/library'],
    node: false,
  },
  // The back office's web app (served by the cloud at /bo/): the contract, the catalogue's
  // renderer and the engine, and of the till's UI its shared components and the language
  // provider they read; never the cloud (it talks to it over HTTP), no Node.
  {
    name: 'src/backoffice',
    imports: [
      'src/backoffice',
      'src/contract',
      'src/i18n',
      'src/core',
      'src/ui/components',
      'src/ui/i18n',
    ],
    // recharts: the back office's charts (the loyalty calculator, the reports), SVG.
    packages: ['react', 'react-dom', 'recharts'],
    node: false,
  },
  // The thin shell: starts the service and the host's relay; of the UI only the IPC bridge's names.
  {
    name: 'electron',
    imports: ['electron', 'src/ui/bridge', 'src/host', 'src/service', 'src/contract', 'src/core'],
    packages: ['electron'],
    node: true,
  },
  // The cloud shares the engine and the wire contract, never the till's sync client or store;
  // of the till's contract only the back office's command map (src/contract/backoffice), and
  // the catalogue's renderer for its answers' text. @fastify/static serves the back office's page.
  {
    name: 'cloud',
    imports: [
      'cloud',
      'src/http-edge',
      'src/core',
      'src/sync/protocol',
      'src/contract/backoffice',
      'src/i18n',
    ],
    packages: [
      'fastify',
      '@fastify/static',
      '@electric-sql/pglite',
      'pg',
      'libphonenumber-js',
      'uuid',
      'zod',
      // Members imported from another system's CSV (cloud/imports): the csv project's parser and
      // Windows-1252 decoding.
      'csv-parse',
      'iconv-lite',
      // E-mail to members by SMTP (cloud/messaging/email.ts).
      'nodemailer',
      // The member's page draws its card's QR (cloud/member-page/qr.ts) with the till's own QR library.
      '@zxing/library',
    ],
    node: true,
  },
];

const lojal = layersPlugin({
  layers,
  // Tests, benchmarks and tooling may import anything.
  free: ['bench', 'e2e', 'scripts', 'test'],
  // Besides its layer's packages, a test file or test helper may use these.
  testPackages: ['vitest', 'fast-check', 'prettier', 'better-sqlite3', 'bwip-js'],
});

// src/core gets the clock and randomness as arguments and never touches Node:
// these globals would be a side door (types: [] in tsconfig.core.json holds it too).
const coreGlobals = [
  ['process', 'src/core never reads the environment: pass settings in.'],
  ['Buffer', 'src/core has no Node: use Uint8Array or strings.'],
  ['require', 'src/core imports by import, and only what its layer allows.'],
  ['module', 'src/core has no Node module object.'],
  ['__dirname', 'src/core has no files.'],
  ['__filename', 'src/core has no files.'],
  ['global', 'src/core has no Node globals.'],
  ['performance', 'The clock is an argument in src/core.'],
  ['crypto', 'No randomness in src/core: pass ids in.'],
  ['fetch', 'src/core has no I/O.'],
  ['window', 'src/core has no DOM.'],
  ['document', 'src/core has no DOM.'],
  ['navigator', 'src/core has no DOM.'],
  ['setTimeout', 'src/core has no timers: the caller keeps time.'],
  ['setInterval', 'src/core has no timers: the caller keeps time.'],
  ['setImmediate', 'src/core has no timers: the caller keeps time.'],
].map(([name, message]) => ({ name, message }));

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-backoffice',
      'dist-electron',
      'release',
      'test-results',
      'playwright-report',
      'bench/RESULTS.md',
      '.tmp',
      '.lojal-cloud',
      '**/*.tmp.*',
      // Lint probes: linted by test/lint/layers.test.ts as if they sat in the layer they probe.
      'test/lint/probes',
      // Type probes: compiled by test/types/read-only.test.ts, which expects their errors.
      'test/types/probes',
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
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { lojal },
    rules: { 'lojal/layers': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...coreGlobals],
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
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'Date() is the clock as text: the clock is an argument in src/core.',
        },
        {
          selector: "MemberExpression[object.name='globalThis']",
          message: 'src/core reaches no host globals through globalThis.',
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/backoffice/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
