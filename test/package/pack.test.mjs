// node --test test/package/ (the `package` step of npm test, after `build`): what `npm pack` would
// publish. Packs dist/ as it is (run `npm run build` first), then checks the tarball's file list,
// publint (strict), Are the Types Wrong and importing every entry point in Node without a DOM.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {promisify} from 'node:util';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the project's node_modules so the unpacked package resolves its dependencies (lit, …)
// from the project like an installed one would, through its own `exports`.
const work = join(root, 'node_modules/.cache/package-test');
const installed = join(work, 'node_modules/reseller-elements');

/** @type {{filename: string, files: {path: string}[]}} */
let packed;
let tarball;
let files;
let pkg;

before(async () => {
  assert.ok(existsSync(join(root, 'dist/index.js')), 'dist/ is missing: run `npm run build` first');
  rmSync(work, {recursive: true, force: true});
  mkdirSync(join(work, 'node_modules'), {recursive: true});
  const {stdout} = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {cwd: root, maxBuffer: 64 << 20});
  [packed] = JSON.parse(stdout);
  tarball = join(work, packed.filename);
  files = packed.files.map((f) => f.path).sort();
  await exec('tar', ['-xzf', tarball, '-C', join(work, 'node_modules')]);
  renameSync(join(work, 'node_modules/package'), installed);
  pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
});

after(() => rmSync(work, {recursive: true, force: true}));

test('the tarball holds dist/ and the package metadata only', () => {
  const outside = files.filter((f) => !f.startsWith('dist/') && !/^(package\.json|README\.md|LICENSE(\.md)?)$/.test(f));
  assert.deepEqual(outside, [], 'files outside dist/');
  const forbidden = files.filter((f) =>
    // tests, the sandbox (and its data), stories, the demo, build scripts; source maps (they would
    // carry sources, sandbox fixtures included); the build's size report
    /(^|\/)(test|tests|__tests__|sandbox|\.sandbox-data|stories|\.storybook|storybook-static|demo|bench|scripts)(\/|$)|\.(test|spec|stories)\.|\.map$|\.(db|sqlite|sql|tgz)$|^dist\/size\.json$/.test(f),
  );
  assert.deepEqual(forbidden, [], 'files that must not be published');
  const typescript = files.filter((f) => /\.(c|m)?tsx?$/.test(f) && !(f.startsWith('dist/types/') && /\.d\.ts$/.test(f)));
  assert.deepEqual(typescript, [], 'TypeScript sources outside dist/types (declarations only there)');
});

test('the MIT LICENSE is in the tarball, matching package.json "license"', () => {
  assert.equal(pkg.license, 'MIT');
  assert.ok(files.includes('LICENSE'), 'LICENSE is in the tarball');
  const license = readFileSync(join(installed, 'LICENSE'), 'utf8');
  assert.match(license, /^MIT License\n\nCopyright \(c\) \d{4} /);
  assert.match(license, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
});

test('every exports target, the manifest and the editor data are in the tarball', () => {
  const targets = Object.values(pkg.exports)
    .flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))
    .filter((t) => !t.includes('*')); // subpath patterns: checked against their files below
  const missing = targets.map((t) => t.replace(/^\.\//, '')).filter((t) => !files.includes(t));
  assert.deepEqual(missing, [], 'exports targets missing from the tarball');
  for (const field of [pkg.main, pkg.types, pkg.customElements, pkg['web-types']]) {
    assert.ok(field, 'main, types, customElements and web-types are declared');
    assert.ok(files.includes(field.replace(/^\.\//, '')), `${field} is in the tarball`);
  }
  for (const file of ['dist/custom-elements.json', 'dist/web-types.json', 'dist/vscode.html-custom-data.json']) {
    assert.ok(files.includes(file), `${file} is in the tarball`);
  }
});

test('publint passes on the tarball (strict: warnings fail, suggestions too)', async () => {
  const {publint} = await import('publint');
  const {formatMessage} = await import('publint/utils');
  const data = readFileSync(tarball);
  const {messages, pkg: linted} = await publint({
    pack: {tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)},
    level: 'suggestion',
    strict: true,
  });
  // Nothing is ignored: every message (error, warning or suggestion) fails.
  assert.deepEqual(
    messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, linted, {color: false})}`),
    [],
  );
});

test('Are the Types Wrong passes on the tarball (esm-only profile)', async () => {
  // esm-only: the package is ESM only ("type": "module", `import`/`default` conditions, no
  // `require`), so the CommonJS resolutions (node10, node16 from CJS) are out of scope; node16 from
  // ESM and bundler resolution must be clean. The CDN file is a self-contained <script type=module>
  // bundle for pages without a build step: it is deliberately untyped, so it is not an entry point
  // for TypeScript (its exports are the main entry's, typed there).
  const args = [
    join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball,
    '--profile', 'esm-only', '--no-definitely-typed', '--format', 'json',
    '--exclude-entrypoints', './cdn/reseller-elements.js', './cdn/autoloader.js', './cdn/chunks/*',
  ];
  let stdout;
  try {
    ({stdout} = await exec(process.execPath, args, {cwd: work, maxBuffer: 64 << 20}));
  } catch (error) {
    const report = JSON.parse(error.stdout || '{}');
    const problems = (report.problems ?? report.analysis?.problems ?? []).filter(
      (p) => !['node10', 'node16-cjs'].includes(p.resolutionKind),
    );
    assert.fail(`attw failed (exit ${error.code}): ${JSON.stringify(problems.length ? problems : error.stderr || error.stdout)}`);
  }
  const report = JSON.parse(stdout);
  const checked = Object.keys(report.analysis?.entrypoints ?? {});
  assert.ok(checked.includes('.') && checked.includes('./define') && checked.includes('./autoloader'), `attw checked the entry points: ${checked.join(', ')}`);
});

test('every entry point imports in Node without a DOM (SSR builds must not crash on import)', async () => {
  const specifiers = [];
  for (const [key, value] of Object.entries(pkg.exports)) {
    const target = typeof value === 'string' ? value : value.default ?? value.import;
    // the CDN files are browser <script type=module> files, not Node entry points
    if (key === './package.json' || key.startsWith('./cdn/')) continue;
    specifiers.push({specifier: `reseller-elements${key.slice(1)}`, json: target.endsWith('.json')});
  }
  // Define modules and the React entry by file too, in case one is built but not exported.
  for (const file of files.filter((f) => /^dist\/(define\/[\w-]+|react\/index|autoloader)\.js$/.test(f))) {
    specifiers.push({specifier: pathToFileURL(join(installed, file)).href, json: false});
  }
  assert.ok(specifiers.some((s) => s.specifier === 'reseller-elements/define'), 'the define entry is checked');
  assert.ok(specifiers.some((s) => s.specifier === 'reseller-elements/autoloader'), 'the autoloader entry is checked');

  const child = `
    const dom = ['window', 'document', 'HTMLElement', 'customElements', 'Element', 'Node', 'ShadowRoot'].filter((n) => n in globalThis);
    const results = [];
    for (const {specifier, json} of JSON.parse(process.env.SPECIFIERS)) {
      try {
        await (json ? import(specifier, {with: {type: 'json'}}) : import(specifier));
        results.push({specifier, ok: true});
      } catch (error) {
        results.push({specifier, ok: false, error: String(error?.stack ?? error).split('\\n').slice(0, 4).join(' | ')});
      }
    }
    console.log(JSON.stringify({dom, results}));
  `;
  // The process must also exit by itself: a timer or socket opened at import time would hang an SSR build.
  const {stdout} = await exec(process.execPath, ['--input-type=module', '-e', child], {
    cwd: work,
    env: {PATH: process.env.PATH, SPECIFIERS: JSON.stringify(specifiers)},
    timeout: 30_000,
  });
  const {dom, results} = JSON.parse(stdout.trim().split('\n').at(-1));
  assert.deepEqual(dom, [], 'the child process starts without DOM globals');
  assert.equal(results.length, specifiers.length);
  assert.deepEqual(results.filter((r) => !r.ok), [], 'entry points that throw on import');
});

test('the autoloader: npm entry with types, kept by sideEffects, CDN variant with its chunks; a no-op in Node', async () => {
  for (const file of ['dist/autoloader.js', 'dist/types/autoloader.d.ts', 'dist/cdn/autoloader.js']) {
    assert.ok(files.includes(file), `${file} is in the tarball`);
  }
  assert.deepEqual(pkg.exports['./autoloader'], {types: './dist/types/autoloader.d.ts', default: './dist/autoloader.js'});
  assert.ok(pkg.sideEffects.includes('./dist/autoloader.js'), 'sideEffects keeps dist/autoloader.js (a bundler must not drop its import)');
  // The CDN autoloader imports its chunks by relative path: each must be in the tarball.
  const cdnSource = readFileSync(join(installed, 'dist/cdn/autoloader.js'), 'utf8');
  const chunks = [...cdnSource.matchAll(/import\(\s*["'`]\.\/(chunks\/[\w.-]+\.js)["'`]\s*\)/g)].map((m) => `dist/cdn/${m[1]}`);
  assert.ok(chunks.length >= 12, `the CDN autoloader imports a chunk per define module (found ${chunks.length})`);
  assert.deepEqual(chunks.filter((c) => !files.includes(c)), [], 'CDN autoloader chunks missing from the tarball');

  // In `exports`: a host resolves (to copy or serve) the entry and each chunk through the package's
  // own map, next to each other as the relative imports need.
  assert.equal(pkg.exports['./cdn/autoloader.js'], './dist/cdn/autoloader.js');
  assert.equal(pkg.exports['./cdn/chunks/*'], './dist/cdn/chunks/*');
  const resolve = `
    const out = {};
    for (const s of JSON.parse(process.env.SPECIFIERS)) out[s] = import.meta.resolve(s);
    console.log(JSON.stringify(out));
  `;
  const allChunks = files.filter((f) => f.startsWith('dist/cdn/chunks/'));
  const specifiers = ['reseller-elements/cdn/autoloader.js', ...allChunks.map((f) => `reseller-elements/cdn/chunks/${f.slice('dist/cdn/chunks/'.length)}`)];
  const resolved = JSON.parse((await exec(process.execPath, ['--input-type=module', '-e', resolve], {cwd: work, env: {PATH: process.env.PATH, SPECIFIERS: JSON.stringify(specifiers)}, timeout: 30_000})).stdout.trim());
  assert.equal(resolved['reseller-elements/cdn/autoloader.js'], pathToFileURL(join(installed, 'dist/cdn/autoloader.js')).href);
  for (const file of allChunks) {
    assert.equal(resolved[`reseller-elements/cdn/chunks/${file.slice('dist/cdn/chunks/'.length)}`], pathToFileURL(join(installed, file)).href, `${file} through exports`);
  }

  // In Node without a DOM: importing it, discover() and stop() do nothing, and the process exits by itself.
  const child = `
    const dom = ['window', 'document', 'MutationObserver', 'customElements'].filter((n) => n in globalThis);
    const autoloader = await import('reseller-elements/autoloader');
    autoloader.discover({querySelectorAll: () => []});
    autoloader.stop();
    console.log(JSON.stringify({dom, exports: Object.keys(autoloader).sort(), tags: Object.keys(autoloader.tagLoaders).length}));
  `;
  const {stdout} = await exec(process.execPath, ['--input-type=module', '-e', child], {cwd: work, env: {PATH: process.env.PATH}, timeout: 30_000});
  const result = JSON.parse(stdout.trim().split('\n').at(-1));
  assert.deepEqual(result.dom, [], 'no DOM globals');
  assert.deepEqual(result.exports, ['createAutoloader', 'discover', 'stop', 'tagLoaders']);
  assert.ok(result.tags >= 12, 'the tag map is there');
});
