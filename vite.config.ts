/**
 * Vite builds of the shipped code, selected by mode (scripts/build.mjs runs both):
 *
 * - `--mode lib`: the npm package. ES modules, one file per entry (`dist/index.js`,
 *   `dist/define/index.js`, `dist/define/<name>.js`, `dist/react/index.js`, `dist/react/<name>.js`), shared code and lazy
 *   `import()` targets in `dist/chunks/`, dependencies (lit, @lit/*, zod, libphonenumber-js, react)
 *   left as bare imports.
 * - `--mode cdn`: `dist/cdn/reseller-elements.js`, ONE minified file that registers every element,
 *   with every dependency and every dynamic import inlined.
 * - `--mode cdn-autoloader`: `dist/cdn/autoloader.js` (src/autoloader.ts) and its chunks in
 *   `dist/cdn/chunks/`, minified, every dependency inlined: a page without a bundler loads the
 *   define module (and shared code) of each tag it uses, on the tag's first appearance.
 *
 * Both minify the CSS inside Lit `css` templates (scripts/minify-css-literals.mjs).
 *
 * Any other mode (Storybook, a dev server) gets a neutral config: no library settings leak into it.
 * TypeScript decorators are compiled from tsconfig.json (`experimentalDecorators`,
 * `useDefineForClassFields: false`); scripts/build.mjs verifies no `@decorator` survives.
 */
import {readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {defineConfig, type Plugin, type UserConfig} from 'vite';
import {minifyCssLiteralsPlugin} from './scripts/minify-css-literals.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (path: string) => `${root}src/${path}`;

/**
 * Runtime dependencies of the npm build: the consumer's bundler resolves (and dedupes) them. React
 * (for `reseller-elements/react`, with @lit/react) is the host's: an optional peer dependency.
 */
const EXTERNAL = /^(?:lit|lit-html|lit-element|@lit\/[^/]+|@lit-labs\/[^/]+|zod|libphonenumber-js|react|react-dom|vue)(?:\/.*)?$/;

/** The define modules (`src/define/<name>.ts`, besides index.ts), sorted. */
export function defineModules(): string[] {
  return readdirSync(src('define'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -3))
    .sort();
}

const shared: UserConfig = {
  publicDir: false,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    emptyOutDir: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    sourcemap: false,
  },
};

/**
 * Keeps `dist/define/index.js` a list of `import './<name>.js'` lines: each define module stays its
 * own entry file (registration never moves into a shared chunk, which package.json's `sideEffects`
 * would let a consumer's bundler drop).
 */
const defineIndexImportsEntries: Plugin = {
  name: 'reseller:define-index-imports-entries',
  enforce: 'pre',
  resolveId(source, importer) {
    if (importer === src('define/index.ts') && /^\.\/[\w-]+\.js$/.test(source)) return {id: source, external: true};
    return null;
  },
};

/** `_virtual/_@oxc-project_runtime@x/helpers/esm/decorate` (a compiler helper) -> `_virtual/decorate`. */
const flattenVirtual = (name: string) => (name.startsWith('_virtual/') ? `_virtual/${name.split('/').pop()}` : name);

function libConfig(): UserConfig {
  const entry: Record<string, string> = {index: src('index.ts'), 'define/index': src('define/index.ts')};
  for (const name of defineModules()) entry[`define/${name}`] = src(`define/${name}.ts`);
  // The React wrappers: its own entry (never in the CDN bundle, which builds define/index only).
  entry['react/index'] = src('react/index.ts');
  // One React entry per define module (`reseller-elements/react/<name>`): registers only that element.
  for (const name of defineModules()) entry[`react/${name}`] = src(`react/${name}.ts`);
  // Vue: `isCustomElement` for the template compiler, and (types) the tags in GlobalComponents.
  entry['vue/index'] = src('vue/index.ts');
  // Registers each tag on its first appearance by importing its define module (src/autoloader.ts).
  entry.autoloader = src('autoloader.ts');
  return {
    ...shared,
    plugins: [defineIndexImportsEntries, minifyCssLiteralsPlugin()],
    build: {
      ...shared.build,
      outDir: 'dist',
      minify: false,
      lib: {entry, formats: ['es'], fileName: (_format, entryName) => `${flattenVirtual(entryName)}.js`},
      rolldownOptions: {
        external: (id) => EXTERNAL.test(id),
        // One output file per source module (dist/ mirrors src/): a consumer's bundler tree-shakes
        // per module (importing an event class does not pull in the contract's schemas), and
        // registration stays in the define modules.
        output: {preserveModules: true, preserveModulesRoot: 'src', chunkFileNames: 'chunks/[name]-[hash].js'},
      },
    },
  };
}

/** A minified, self-contained (every dependency inlined) build for pages without a bundler, in dist/cdn/. */
function cdnBuild(entry: string, fileName: string, output: Record<string, unknown>): UserConfig {
  return {
    ...shared,
    plugins: [minifyCssLiteralsPlugin()],
    build: {
      ...shared.build,
      outDir: 'dist/cdn',
      minify: true,
      lib: {entry, formats: ['es'], fileName: () => fileName},
      rolldownOptions: {output},
    },
  };
}

/** The single-file bundle: every element, every lazy import inlined. */
const cdnConfig = () => cdnBuild(src('define/index.ts'), 'reseller-elements.js', {codeSplitting: false});

/** The autoloader for pages without a bundler: code-split, so each tag's chunk loads on its first use. */
const cdnAutoloaderConfig = () => cdnBuild(src('autoloader.ts'), 'autoloader.js', {chunkFileNames: 'chunks/[name]-[hash].js', minify: true});

export default defineConfig(({mode}) => {
  if (mode === 'lib') return libConfig();
  if (mode === 'cdn') return cdnConfig();
  if (mode === 'cdn-autoloader') return cdnAutoloaderConfig();
  return {};
});
