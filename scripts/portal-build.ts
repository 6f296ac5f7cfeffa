/**
 * The production build of the demo pages that `npm start` serves (issue 21: Lighthouse ≥ 90 on
 * every page is out of reach for Vite's development server, which sends each of the kit's ~200
 * modules unbundled and Lit's development build).
 *
 * `vite build` of demo/ (the portal, `/react/` and `/vue/`; the kit's sources bundled and minified,
 * split per route by the portal's dynamic imports, Lit's production build), every file also written
 * gzip- and brotli-compressed, into node_modules/.cache/reseller-portal/<key>/. The key hashes what
 * the output depends on (demo/, src/, the lockfile and this file), so an edit makes a new build at
 * the next start (a few seconds) and an unchanged tree reuses the last one (the three newest are kept). `prepare` (`npm ci`)
 * builds it ahead, like the seed snapshot; `npm run dev` serves the sources through Vite instead.
 *
 *   node --import tsx scripts/portal-build.ts [--force]
 */
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demoRoot = path.join(repoRoot, 'demo');
const cacheRoot = path.join(repoRoot, 'node_modules/.cache/reseller-portal');

/** The demo pages built: the portal and the two framework hosts (Vite's multi-page inputs). */
export const PORTAL_PAGES = {main: 'index.html', react: 'react/index.html', vue: 'vue/index.html'};

/** Files compressed ahead (the rest, e.g. images, is sent as is). */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|map)$/;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

/** What the build depends on: demo/, src/, the lockfile (dependency versions) and this script. */
export function portalBuildKey(): string {
  const hash = createHash('sha256');
  const inputs = [...files(demoRoot), ...files(path.join(repoRoot, 'src')), path.join(repoRoot, 'package-lock.json'), fileURLToPath(import.meta.url)];
  for (const file of inputs) {
    hash.update(path.relative(repoRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The directory of the build for the current sources (it may not exist yet). */
export function portalBuildDir(key = portalBuildKey()): string {
  return path.join(cacheRoot, key);
}

/**
 * The built portal for the current sources: reused when it exists, else built (a few seconds) into
 * a temporary directory and renamed into place; older builds are removed. Resolves to its directory.
 */
export async function ensurePortalBuild({force = false, log = true}: {force?: boolean; log?: boolean} = {}): Promise<{dir: string; built: boolean; ms: number}> {
  const started = performance.now();
  const dir = portalBuildDir();
  if (!force && existsSync(path.join(dir, 'index.html'))) return {dir, built: false, ms: performance.now() - started};
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, {recursive: true, force: true});
  // Vite and the Vue plugin are only loaded when a build is needed (the usual start reuses one).
  const [{build}, {default: vue}] = await Promise.all([import('vite'), import('@vitejs/plugin-vue')]);
  await build({
    configFile: false,
    root: demoRoot,
    base: '/',
    mode: 'production',
    logLevel: log ? 'warn' : 'silent',
    // The Vue host demo (demo/vue/): the kit's tags are custom elements, not Vue components.
    plugins: [vue({template: {compilerOptions: {isCustomElement: (tag: string) => tag.startsWith('reseller-')}}})],
    build: {
      outDir: tmp,
      emptyOutDir: true,
      target: 'es2022',
      // The polyfill is an inline script: the strict CSP refuses it (every supported browser has modulepreload).
      modulePreload: {polyfill: false},
      reportCompressedSize: false,
      rolldownOptions: {
        input: Object.fromEntries(Object.entries(PORTAL_PAGES).map(([name, file]) => [name, path.join(demoRoot, file)])),
        // Its "plugins took long" notice measures a busy machine, not the build: not printed at every start.
        checks: {bundlerTimings: false},
      },
    },
  });
  for (const file of files(tmp)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const body = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(body, {level: 9}));
    writeFileSync(`${file}.br`, brotliCompressSync(body, {params: {[constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length}}));
  }
  rmSync(dir, {recursive: true, force: true});
  renameSync(tmp, dir);
  // Keep the three newest builds (a server started before an edit still serves its own); older go.
  const builds = readdirSync(cacheRoot, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && /^[0-9a-f]{16}$/.test(entry.name))
    .map((entry) => ({name: entry.name, time: statSync(path.join(cacheRoot, entry.name)).mtimeMs}))
    .sort((a, b) => b.time - a.time);
  for (const old of builds.slice(3)) rmSync(path.join(cacheRoot, old.name), {recursive: true, force: true});
  return {dir, built: true, ms: performance.now() - started};
}

// `node --import tsx scripts/portal-build.ts` (and `prepare`): build ahead; never fails the install.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(cacheRoot, {recursive: true});
  try {
    const {dir, built, ms} = await ensurePortalBuild({force: process.argv.includes('--force')});
    console.log(`demo portal build: ${built ? `built in ${(ms / 1000).toFixed(1)} s` : 'up to date'} (${path.relative(repoRoot, dir)})`);
  } catch (error) {
    console.warn(`demo portal build: not built (${(error as Error).message}); \`npm start\` builds it`);
  }
}
