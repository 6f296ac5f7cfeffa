// ESLint flat config: `npm run lint` (together with lit-analyzer, see scripts/test.mjs).
// TypeScript through typescript-eslint (recommended + the promise rules that need types), Lit
// templates through eslint-plugin-lit, custom-element hygiene through eslint-plugin-wc.
import {readdirSync} from 'node:fs';
import js from '@eslint/js';
import {defineConfig, globalIgnores} from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

// Hand-kept globals (the `globals` package is not a direct dependency). TypeScript files do not
// need them: `no-undef` is off there and tsc checks names.
const shared = Object.fromEntries(
  [
    'AbortController', 'AbortSignal', 'Blob', 'console', 'crypto', 'DOMException', 'Event', 'EventTarget',
    'fetch', 'File', 'FormData', 'Headers', 'Intl', 'performance', 'queueMicrotask', 'ReadableStream',
    'Request', 'Response', 'setInterval', 'setTimeout', 'clearInterval', 'clearTimeout', 'structuredClone',
    'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams', 'WebAssembly',
  ].map((name) => [name, 'readonly']),
);
const node = {...shared, process: 'readonly', Buffer: 'readonly', global: 'readonly', setImmediate: 'readonly'};
const browser = Object.fromEntries(
  [
    'window', 'document', 'navigator', 'location', 'history', 'customElements', 'HTMLElement', 'Element',
    'Node', 'CustomEvent', 'KeyboardEvent', 'MouseEvent', 'ShadowRoot', 'localStorage', 'sessionStorage',
    'requestAnimationFrame', 'cancelAnimationFrame', 'getComputedStyle', 'matchMedia', 'MutationObserver',
    'ResizeObserver', 'IntersectionObserver', 'CSSStyleSheet', 'alert',
  ].map((name) => [name, 'readonly']),
);

const TYPED = [...['src', 'sandbox', 'test', 'stories', 'demo', 'scripts', 'bench'].map((dir) => `${dir}/**/*.ts`), 'demo/**/*.tsx'];

// ---- Layers (CONTRIBUTING.md, "Layering rules") ---------------------------------------------------
// contract <- api <- context/controllers <- elements <- define; i18n, styles, phone, usage and dom are leaf
// layers (they import none of the others). One element folder reaches another only through
// src/elements/shared/ or the other element's public module `<name>/<name>.js` (to render it).
// `no-restricted-imports` is one rule per file, so every block below repeats the security entries.
const SECURITY_PATHS = [
  {name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML: Trusted Types.'},
  {name: 'lit/directives/unsafe-svg.js', message: 'No unsafeSVG: Trusted Types.'},
];
const SECURITY_PATTERNS = [{group: ['**/sandbox/**', '../sandbox/*'], message: 'src/ never imports the sandbox.'}];
const layer = (names) => names.map((name) => `**/${name}/**`);
const upward = (from, names) => ({
  group: layer(names),
  message: `Layers: ${from} does not import ${names.join(', ')} (contract <- api <- context/controllers <- elements <- define; i18n, styles, phone, usage, dom are leaves).`,
});
const restrict = (...patterns) => ['error', {paths: SECURITY_PATHS, patterns: [...SECURITY_PATTERNS, ...patterns]}];
const ELEMENT_FOLDERS = readdirSync(new URL('./src/elements/', import.meta.url), {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);
/** From inside src/elements/<from>/ (or shared/): another element folder only through its public module. */
const otherElements = (from) =>
  ELEMENT_FOLDERS.filter((name) => name !== from).map((name) => ({
    group: [`../${name}/*`, `!../${name}/${name}.js`],
    message: `Element folders: import <reseller-${name}> only through ../${name}/${name}.js (to render it); what two elements share goes in ../shared/.`,
  }));
const layerBlocks = [
  {name: 'reseller/layers-leaves', files: ['src/{i18n,styles,phone,usage,dom}/**/*.ts'], rules: {'no-restricted-imports': restrict(upward('a leaf layer', ['contract', 'api', 'context', 'controllers', 'elements', 'define']))}},
  {name: 'reseller/layers-contract', files: ['src/contract/**/*.ts'], rules: {'no-restricted-imports': restrict(upward('contract', ['api', 'context', 'controllers', 'elements', 'define']))}},
  {name: 'reseller/layers-api', files: ['src/api/**/*.ts'], rules: {'no-restricted-imports': restrict(upward('api', ['context', 'controllers', 'elements', 'define']))}},
  {name: 'reseller/layers-context-controllers', files: ['src/{context,controllers}/**/*.ts'], rules: {'no-restricted-imports': restrict(upward('context and controllers', ['elements', 'define']))}},
  ...[...ELEMENT_FOLDERS, 'shared'].map((folder) => ({
    name: `reseller/layers-elements-${folder}`,
    files: [`src/elements/${folder}/**/*.ts`],
    rules: {'no-restricted-imports': restrict(upward('elements', ['define']), ...otherElements(folder))},
  })),
];

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'dist/',
    'storybook-static/',
    '.sandbox-data/',
    'coverage/',
    'test-results/',
    '.wtr-tmp/',
    'custom-elements.json',
    // The framework hosts' build output (hosts/README.md); their sources are linted.
    'hosts/*/dist/',
    'hosts/*/.angular/',
    'hosts/*/.next/',
    'hosts/*/next-env.d.ts',
    'hosts/angular/src/app/*-snippet.ts', // generated from the docs by test/e2e/host-apps.mjs
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    // Type-aware rules for the folders tsconfig.json covers. Other TypeScript (root config files,
    // .storybook/, which tsc's include globs skip as a dot-folder) gets the syntax-only rules.
    name: 'reseller/typescript',
    files: TYPED,
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Lost promises are how async UI bugs hide (an unawaited task, a handler that rejects).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', {checksVoidReturn: {attributes: false}}],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
    },
  },

  {
    name: 'reseller/tests',
    files: ['test/**/*.ts'],
    rules: {
      // chai property assertions: expect(x).to.be.true
      '@typescript-eslint/no-unused-expressions': 'off',
      // @open-wc/semantic-dom-diff types every chai `.equal` as a Promise (it is one only for
      // `.dom`/`.shadowDom` snapshots), so plain equality is known safe; an un-awaited
      // `expect(el).to.be.accessible()` is still reported.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {allowForKnownSafeCalls: [{from: 'package', package: '@open-wc/semantic-dom-diff', name: 'Equal'}]},
      ],
    },
  },

  {
    name: 'reseller/node-tests',
    files: ['test/sandbox/**/*.ts'],
    rules: {
      // node:test's describe/it/test return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {allowForKnownSafeCalls: [{from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite']}]},
      ],
    },
  },

  {
    name: 'reseller/lit-and-wc',
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts', 'demo/**/*.{ts,js}'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
    settings: {wc: {elementBaseClasses: ['LitElement']}},
  },

  {
    name: 'reseller/security',
    files: ['src/**/*.ts'],
    rules: {
      // Strict CSP + Trusted Types: no HTML from strings (DESIGN.md, Theming).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML: Trusted Types.'},
            {name: 'lit/directives/unsafe-svg.js', message: 'No unsafeSVG: Trusted Types.'},
          ],
          patterns: [{group: ['**/sandbox/**', '../sandbox/*'], message: 'src/ never imports the sandbox.'}],
        },
      ],
      'no-restricted-properties': [
        'error',
        {property: 'innerHTML', message: 'Trusted Types: use Lit templates.'},
        {property: 'outerHTML', message: 'Trusted Types: use Lit templates.'},
        {property: 'insertAdjacentHTML', message: 'Trusted Types: use Lit templates.'},
      ],
    },
  },

  // After reseller/security: these repeat its entries (one no-restricted-imports per file).
  ...layerBlocks,

  {
    name: 'reseller/node-js',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    // Browser names too: scripts pass callbacks to page.evaluate() that run in the page.
    languageOptions: {globals: {...node, ...browser}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
    },
  },
);
