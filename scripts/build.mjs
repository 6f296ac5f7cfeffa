#!/usr/bin/env node
/**
 * `npm run build`: the publishable package in dist/.
 *
 *   1. consistency: every src/define/<name>.ts is imported by src/define/index.ts, listed in
 *      package.json `exports` and has its tag in src/autoloader.ts; `sideEffects`, `main`, `types`, ... are what the build produces
 *      (`node scripts/build.mjs --sync` rewrites those package.json fields and src/define/index.ts);
 *   2. clean dist/;
 *   3. Vite library build (ES modules, deps external, lazy chunks kept lazy)   -> dist/*.js
 *      TypeScript declarations (tsc -p tsconfig.build.json), in parallel        -> dist/types/
 *      single-file minified CDN bundle (everything inlined)                     -> dist/cdn/reseller-elements.js
 *      code-split CDN autoloader (everything inlined, a chunk per define module) -> dist/cdn/autoloader.js, dist/cdn/chunks/
 *      custom elements manifest (cem analyze --litelement)                      -> dist/custom-elements.json
 *      editor data from the manifest (scripts/editor-data.mjs)                  -> dist/vscode.html-custom-data.json, dist/web-types.json
 *   4. verification: every exports target exists, no decorator syntax survives, registration code
 *      lives only in side-effect modules, and the CDN bundle registers every element in Chromium
 *      without a page error, as does the CDN autoloader for a page with every tag (skipped with a note when no Chromium is found; --no-browser skips it).
 *
 * Exits 1 on any failure.
 */
import {spawn} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const failures = [];
const fail = (message) => {
  failures.push(message);
  console.log(`  ✗ ${message}`);
};
let passed = 0;
const ok = (message) => {
  passed++;
  console.log(`  ✓ ${message}`);
};
const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// 1. What the package should declare, derived from src/define/

const defineNames = readdirSync(join(root, 'src/define'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -3))
  .sort();

const entry = (js, dts) => ({types: `./dist/types/${dts}`, default: `./dist/${js}`});
function expectedPackageFields() {
  const exports = {
    '.': entry('index.js', 'index.d.ts'),
    './define': entry('define/index.js', 'define/index.d.ts'),
  };
  for (const name of defineNames) exports[`./define/${name}`] = entry(`define/${name}.js`, `define/${name}.d.ts`);
  exports['./react'] = entry('react/index.js', 'react/index.d.ts'); // src/react/index.ts, see vite.config.ts
  // src/react/<name>.ts: the React component(s) of one define module, registering only those.
  for (const name of defineNames) exports[`./react/${name}`] = entry(`react/${name}.js`, `react/${name}.d.ts`);
  exports['./vue'] = entry('vue/index.js', 'vue/index.d.ts'); // src/vue/index.ts: GlobalComponents typings, isCustomElement
  exports['./autoloader'] = entry('autoloader.js', 'autoloader.d.ts'); // src/autoloader.ts, see vite.config.ts
  exports['./cdn/reseller-elements.js'] = './dist/cdn/reseller-elements.js';
  // The CDN autoloader imports its chunks by relative path; exporting both lets a host resolve
  // (and copy, or serve) the entry and every chunk through the package's own map.
  exports['./cdn/autoloader.js'] = './dist/cdn/autoloader.js';
  exports['./cdn/chunks/*'] = './dist/cdn/chunks/*';
  exports['./custom-elements.json'] = './dist/custom-elements.json';
  exports['./vscode.html-custom-data.json'] = './dist/vscode.html-custom-data.json';
  exports['./web-types.json'] = './dist/web-types.json';
  exports['./package.json'] = './package.json';
  return {
    main: './dist/index.js',
    module: './dist/index.js',
    types: './dist/types/index.d.ts',
    exports,
    // The React entries register their elements (by importing define modules): a bundler must keep
    // them even when a host imports only some components of reseller-elements/react, which
    // registers every element as documented (in development and in a production build alike).
    sideEffects: [
      './dist/define/*.js', './dist/cdn/*.js', './dist/autoloader.js', './dist/react/index.js', ...defineNames.map((n) => `./dist/react/${n}.js`),
      './src/define/*.ts', './src/autoloader.ts', './src/react/index.ts', ...defineNames.map((n) => `./src/react/${n}.ts`),
    ],
    customElements: 'dist/custom-elements.json',
    'web-types': './dist/web-types.json',
    files: ['dist/', '!dist/size.json'],
  };
}

function expectedDefineIndex(existing) {
  const header = existing.match(/^\/\*\*[\s\S]*?\*\/\n/)?.[0] ?? '';
  const imports = defineNames.map((name) => `import './${name}.js';`).join('\n');
  return `${header}${imports || 'export {};'}\n`;
}

const packagePath = join(root, 'package.json');
const defineIndexPath = join(root, 'src/define/index.ts');

function checkConsistency() {
  console.log('consistency');
  const pkgText = readFileSync(packagePath, 'utf8');
  const pkg = JSON.parse(pkgText);
  const expected = expectedPackageFields();
  const indexText = readFileSync(defineIndexPath, 'utf8');

  if (args.has('--sync')) {
    // Read-modify-write of only the fields this build owns; key order is kept.
    const fresh = JSON.parse(readFileSync(packagePath, 'utf8'));
    for (const [key, value] of Object.entries(expected)) fresh[key] = value;
    writeFileSync(packagePath, `${JSON.stringify(fresh, null, 2)}\n`);
    writeFileSync(defineIndexPath, expectedDefineIndex(indexText));
    ok('synced package.json fields and src/define/index.ts');
    return checkConsistencyAgain();
  }

  for (const [key, value] of Object.entries(expected)) {
    if (JSON.stringify(pkg[key]) === JSON.stringify(value)) continue;
    fail(`package.json "${key}" does not match src/define/ (run: node scripts/build.mjs --sync). Expected:\n${JSON.stringify(value, null, 2)}`);
  }
  const imported = new Set([...indexText.matchAll(/^import\s+['"]\.\/([\w-]+)\.js['"];?/gm)].map((m) => m[1]));
  for (const name of defineNames) {
    if (!imported.has(name)) fail(`src/define/index.ts does not import './${name}.js' (run: node scripts/build.mjs --sync)`);
  }
  for (const name of imported) {
    if (!defineNames.includes(name)) fail(`src/define/index.ts imports './${name}.js', which does not exist`);
  }
  checkAutoloaderMap();
  for (const name of defineNames) {
    if (!existsSync(join(root, `src/react/${name}.ts`))) fail(`src/react/${name}.ts is missing: every define module has its React entry (reseller-elements/react/${name})`);
  }
  if (!failures.length) ok(`package.json exports list ${defineNames.length} define module(s): ${defineNames.join(', ') || '(none yet)'}`);
}

/**
 * src/autoloader.ts maps every public tag to the define module that registers it: each define module
 * `<name>` needs its `'reseller-<name>'` entry (a new element cannot be forgotten), and every entry
 * must point at a define module that registers that tag.
 */
function autoloaderMap() {
  const source = readFileSync(join(root, 'src/autoloader.ts'), 'utf8');
  return [...source.matchAll(/^\s*'([a-z][\w-]*-[\w-]*)':\s*\(\)\s*=>\s*import\('\.\/define\/([\w-]+)\.js'\)/gm)].map((m) => ({tag: m[1], module: m[2]}));
}

function checkAutoloaderMap() {
  const map = autoloaderMap();
  const before = failures.length;
  for (const name of defineNames) {
    if (!map.some((e) => e.tag === `reseller-${name}` && e.module === name))
      fail(`src/autoloader.ts has no entry 'reseller-${name}': () => import('./define/${name}.js') (every define module needs one)`);
  }
  const seen = new Set();
  for (const {tag, module} of map) {
    if (seen.has(tag)) fail(`src/autoloader.ts lists <${tag}> twice`);
    seen.add(tag);
    const path = join(root, `src/define/${module}.ts`);
    const registers = existsSync(path) && new RegExp(`defineElement\\(\\s*'${tag}'`).test(readFileSync(path, 'utf8'));
    if (!registers) fail(`src/autoloader.ts maps <${tag}> to ./define/${module}.js, which does not register it`);
  }
  if (failures.length === before) ok(`src/autoloader.ts maps ${map.length} tag(s) to their define modules`);
}

function checkConsistencyAgain() {
  args.delete('--sync');
  return checkConsistency();
}

// ---------------------------------------------------------------------------------------------
// helpers

function run(command, commandArgs) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({code: 1, output: String(error)}));
    child.on('close', (code) => resolve({code, output}));
  });
}

const bin = (name) => join(root, 'node_modules/.bin', name);

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------------------------------------
// 3. builds

async function viteBuild(mode) {
  const {build} = await import('vite');
  const start = performance.now();
  try {
    await build({root, configFile: join(root, 'vite.config.ts'), mode, logLevel: 'warn'});
    ok(`vite --mode ${mode} (${seconds(start)})`);
  } catch (error) {
    fail(`vite --mode ${mode} failed: ${error?.message ?? error}`);
  }
}

async function declarations() {
  const start = performance.now();
  const {code, output} = await run(process.execPath, [bin('tsc'), '-p', 'tsconfig.build.json']);
  if (code === 0) ok(`tsc -p tsconfig.build.json (${seconds(start)})`);
  else fail(`tsc -p tsconfig.build.json failed:\n${output.trim()}`);
}

async function manifest() {
  const start = performance.now();
  const {code, output} = await run(process.execPath, [
    join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--litelement', '--quiet',
  ]);
  const path = join(root, 'dist/custom-elements.json');
  if (code !== 0 || !existsSync(path)) return fail(`cem analyze failed:\n${output.trim()}`);
  const tags = manifestTags();
  ok(`cem analyze: dist/custom-elements.json, ${tags.length} element(s) (${seconds(start)})`);
}

/** VS Code custom data and JetBrains web-types from the manifest (scripts/editor-data.mjs). */
async function editorData() {
  const start = performance.now();
  try {
    const {writeEditorData} = await import('./editor-data.mjs');
    const {tags, enums} = await writeEditorData({cwd: root});
    ok(`editor data: dist/vscode.html-custom-data.json, dist/web-types.json, ${tags} tag(s), ${enums} enum attribute(s) (${seconds(start)})`);
  } catch (error) {
    fail(`editor data failed: ${error?.stack ?? error}`);
  }
}

function manifestElements() {
  const path = join(root, 'dist/custom-elements.json');
  if (!existsSync(path)) return [];
  const {modules = []} = JSON.parse(readFileSync(path, 'utf8'));
  return modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
}

function manifestTags() {
  return manifestElements().map((d) => d.tagName);
}

// ---------------------------------------------------------------------------------------------
// 4. verification

async function verifyOutput() {
  console.log('verify');
  const pkg = JSON.parse(readFileSync(packagePath, 'utf8'));
  const targets = Object.values(pkg.exports ?? {}).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
  // A subpath pattern (`./dist/cdn/chunks/*`) must match at least one file.
  const exists = (t) => (t.includes('*') ? readdirSync(join(root, t.slice(0, t.lastIndexOf('/')))).length > 0 : existsSync(join(root, t)));
  const missing = targets.filter((t) => { try { return !exists(t); } catch { return true; } });
  if (missing.length) fail(`exports targets missing after the build: ${missing.join(', ')}`);
  else ok(`all ${targets.length} exports targets exist`);

  const {parseAst} = await import('vite');
  const js = walk(join(root, 'dist')).filter((f) => f.endsWith('.js'));
  let decorated = 0;
  const registering = [];
  for (const file of js) {
    const source = readFileSync(file, 'utf8');
    let ast;
    try {
      ast = parseAst(source);
    } catch (error) {
      fail(`${relative(root, file)} does not parse: ${error.message}`);
      continue;
    }
    if (!/^dist\/(define|cdn)\//.test(relative(root, file)) && registersAtLoad(ast)) registering.push(relative(root, file));
    const found = findDecorator(ast);
    if (found) {
      decorated++;
      fail(`${relative(root, file)} still has decorator syntax at offset ${found.start}`);
    }
  }
  if (!decorated) ok(`no decorator syntax in ${js.length} output file(s)`);

  // A module that registers a tag when it loads must be a define module: package.json `sideEffects`
  // lets bundlers drop every other module whose exports go unused. (Registering on demand, inside
  // a function, is fine.)
  if (registering.length) fail(`modules outside define/ register elements when they load (bundlers may drop them): ${registering.join(', ')}`);
  else ok(`registration at load time only in define modules (${js.length} module(s) checked)`);

  const cdn = join(root, 'dist/cdn');
  const cdnFiles = walk(cdn).map((f) => relative(cdn, f));
  const unexpected = cdnFiles.filter((f) => !/^(reseller-elements\.js|autoloader\.js|chunks\/[\w.-]+\.js)$/.test(f));
  if (unexpected.length) fail(`dist/cdn should hold reseller-elements.js, autoloader.js and chunks/*.js only, also holds: ${unexpected.join(', ')}`);
  const bundlePath = join(cdn, 'reseller-elements.js');
  if (!existsSync(bundlePath)) fail('dist/cdn/reseller-elements.js is missing');
  else {
    const source = readFileSync(bundlePath, 'utf8');
    if (/\bimport\s*\(|^\s*import\s|\bfrom\s*["']/m.test(source.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""')))
      fail('dist/cdn/reseller-elements.js still imports something: it must be one self-contained file');
    else ok(`dist/cdn/reseller-elements.js is one self-contained file, ${kb(source.length)} minified`);
  }
  // The CDN autoloader and its chunks import only each other (relative paths): no bare specifier a
  // browser without an import map could not resolve.
  const split = cdnFiles.filter((f) => f === 'autoloader.js' || f.startsWith('chunks/'));
  if (!split.includes('autoloader.js')) fail('dist/cdn/autoloader.js is missing');
  else {
    const bare = split.flatMap((f) =>
      importSpecifiers(parseAst(readFileSync(join(cdn, f), 'utf8')))
        .filter((specifier) => specifier == null || !/^\.\.?\//.test(specifier))
        .map((specifier) => `${f}: ${specifier ?? '(computed import())'}`),
    );
    if (bare.length) fail(`the CDN autoloader imports non-relative modules: ${bare.join(', ')}`);
    else ok(`dist/cdn/autoloader.js (${kb(readFileSync(join(cdn, 'autoloader.js')).length)}) and ${split.length - 1} chunk(s) import only each other`);
  }
}

/** Every module specifier a module imports or re-exports from (static and `import()`; null when computed). */
function importSpecifiers(node, found = []) {
  if (!node || typeof node !== 'object') return found;
  if (Array.isArray(node)) {
    for (const child of node) importSpecifiers(child, found);
    return found;
  }
  if (/^(ImportDeclaration|ExportAllDeclaration|ExportNamedDeclaration|ImportExpression)$/.test(node.type) && node.source) {
    const {source} = node;
    const quasi = source.type === 'TemplateLiteral' && !source.expressions.length ? source.quasis[0].value.cooked : null;
    found.push(source.type === 'Literal' ? source.value : quasi);
  }
  for (const key in node) {
    if (key !== 'parent' && node[key] && typeof node[key] === 'object') importSpecifiers(node[key], found);
  }
  return found;
}

/** Does the module call `customElements.define(…)` at load time (outside any function)? */
function registersAtLoad(node) {
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(registersAtLoad);
  if (/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(node.type)) return false;
  if (node.type === 'CallExpression') {
    const callee = node.callee;
    if (callee?.type === 'MemberExpression' && callee.property?.name === 'define') {
      const object = callee.object;
      if (object?.name === 'customElements' || object?.property?.name === 'customElements') return true;
    }
  }
  for (const key in node) {
    if (key === 'parent') continue;
    const value = node[key];
    if (value && typeof value === 'object' && registersAtLoad(value)) return true;
  }
  return false;
}

function findDecorator(node) {
  if (!node || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findDecorator(child);
      if (found) return found;
    }
    return null;
  }
  if (node.type === 'Decorator') return node;
  if (Array.isArray(node.decorators) && node.decorators.length) return node.decorators[0];
  for (const key in node) {
    if (key === 'parent') continue;
    const value = node[key];
    if (value && typeof value === 'object') {
      const found = findDecorator(value);
      if (found) return found;
    }
  }
  return null;
}

/** Chromium through scripts/browsers.mjs (shared discovery and flags), else the usual locations. */
async function findChromium() {
  try {
    const {findChromium: find, chromiumArgs} = await import('./browsers.mjs');
    const path = find();
    // playwright adds --headless itself (headless: true below)
    return path ? {path, args: chromiumArgs({headless: false})} : null;
  } catch {
    const path = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
    return path ? {path, args: STANDARD_ARGS} : null;
  }
}

const STANDARD_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

async function verifyInChromium() {
  if (args.has('--no-browser')) return console.log('  - Chromium check skipped (--no-browser)');
  const chromium = await findChromium();
  if (!chromium) return console.log('  - Chromium check skipped: no Chromium found (apt-get install -y chromium, or set CHROME_PATH)');
  const start = performance.now();
  const {chromium: launcher} = await import('playwright-core');
  const browser = await launcher.launch({executablePath: chromium.path, args: chromium.args, headless: true});
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    // Serve the bundle from a fake origin so it loads as a real module script (no file:// quirks).
    await page.route('https://cdn.test/**', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/reseller-elements.js')
        return route.fulfill({contentType: 'text/javascript', body: readFileSync(join(root, 'dist/cdn/reseller-elements.js'))});
      return route.fulfill({contentType: 'text/html', body: '<!doctype html><title>cdn</title><script type="module" src="/reseller-elements.js"></script>'});
    });
    await page.goto('https://cdn.test/');
    await page.waitForLoadState('load');
    const elements = manifestElements().map((d) => ({
      tag: d.tagName,
      fields: (d.attributes ?? []).map((a) => a.fieldName).filter(Boolean),
    }));
    // Tags the define modules register (string literals in src/define/*.ts) must be defined once the
    // bundle loaded; other elements in the manifest may be registered on demand by their users.
    const defineSources = defineNames.map((n) => readFileSync(join(root, `src/define/${n}.ts`), 'utf8')).join('\n');
    const required = [...new Set([...defineSources.matchAll(/(?:customElements\.define|defineElement)\(\s*['"]([a-z][\w.-]*-[\w.-]*)['"]/g)].map((m) => m[1]))];
    const tags = [...new Set([...required, ...elements.map((e) => e.tag)])];
    const defined = await page.evaluate((list) => list.filter((tag) => customElements.get(tag)), tags);
    const undefinedTags = required.filter((tag) => !defined.includes(tag));
    const onDemand = tags.filter((tag) => !defined.includes(tag) && !required.includes(tag));
    // Class fields compiled with define semantics would shadow Lit's reactive accessors (properties
    // that silently never update): an instance must have no own property for a reactive field.
    const shadowed = await page.evaluate(
      (list) =>
        list.flatMap(({tag, fields}) => {
          if (!customElements.get(tag)) return [];
          const el = document.createElement(tag);
          return fields.filter((f) => Object.prototype.hasOwnProperty.call(el, f)).map((f) => `${tag}.${f}`);
        }),
      elements,
    );
    if (errors.length) fail(`the CDN bundle throws in Chromium: ${errors.join(' | ')}`);
    else if (undefinedTags.length) fail(`the CDN bundle does not register: ${undefinedTags.join(', ')}`);
    else if (shadowed.length) fail(`class fields shadow reactive properties (useDefineForClassFields must be false): ${shadowed.join(', ')}`);
    else ok(`the CDN bundle loads in Chromium and registers ${defined.length} element(s)${defined.length ? `: ${defined.join(', ')}` : ''}${onDemand.length ? ` (on demand: ${onDemand.join(', ')})` : ''}; reactive properties are accessors (${seconds(start)})`);

    await verifyCdnAutoloader(browser);
  } finally {
    await browser.close();
  }
}

/** dist/cdn/autoloader.js on a page with every tag it maps: each gets defined, with no page error. */
async function verifyCdnAutoloader(browser) {
  const start = performance.now();
  const tags = autoloaderMap().map((e) => e.tag);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The elements' API requests answer 404 here (no sandbox): only failures of the kit's code count.
  page.on('console', (message) => {
    if (message.type() === 'error' && !(/^Failed to load resource/.test(message.text()) && !/\.js$/.test(message.location().url ?? '')))
      errors.push(`${message.text()} ${message.location().url ?? ''}`);
  });
  await page.route('https://cdn.test/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      const body = `<!doctype html><title>autoloader</title><script type="module" src="/autoloader.js"></script>${tags.map((t) => `<${t}></${t}>`).join('')}`;
      return route.fulfill({contentType: 'text/html', body});
    }
    const file = join(root, 'dist/cdn', path);
    if (!/^\/[\w/.-]+\.js$/.test(path) || path.includes('..') || !existsSync(file)) return route.fulfill({status: 404, body: 'not found'});
    return route.fulfill({contentType: 'text/javascript', body: readFileSync(file)});
  });
  await page.goto('https://cdn.test/');
  const wanted = await page
    .waitForFunction((list) => list.every((t) => customElements.get(t)), tags, {timeout: 15_000})
    .then(() => [])
    .catch(() => page.evaluate((list) => list.filter((t) => !customElements.get(t)), tags));
  if (errors.length) fail(`the CDN autoloader throws in Chromium: ${errors.join(' | ')}`);
  else if (wanted.length) fail(`the CDN autoloader did not define: ${wanted.join(', ')}`);
  else ok(`the CDN autoloader defines all ${tags.length} tag(s) of a page that has them (${seconds(start)})`);
  await page.close();
}

// ---------------------------------------------------------------------------------------------

const started = performance.now();
checkConsistency();

console.log('build');
rmSync(join(root, 'dist'), {recursive: true, force: true});
// tsc runs in its own process while Vite builds; the manifest after (the machine has 2 cores).
const types = declarations();
await viteBuild('lib');
await viteBuild('cdn');
await viteBuild('cdn-autoloader');
await types;
await manifest();
await editorData();

await verifyOutput();
await verifyInChromium();

console.log(`\nbuild ${failures.length ? 'FAILED' : 'ok'} in ${seconds(started)}${failures.length ? `: ${failures.length} problem(s)` : ''}`);
for (const message of failures) console.log(`  ✗ ${message.split('\n')[0]}`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
