#!/usr/bin/env node
/**
 * `node scripts/size.mjs` (after `npm run build`): the weight budget.
 *
 * Bundles the built package (dist/) the way a partner's bundler would, with esbuild: minified,
 * ES modules, code splitting on, and lit / @lit/* / zod / libphonenumber-js INCLUDED (Lit and the
 * contract count: they are what a partner's page downloads). Dynamic `import()` targets land in
 * their own chunks; the metafile tells eager code (reached through static imports from the entry)
 * from lazy chunks (reached only through a dynamic import). Sizes are min + gzip (level 9), with
 * brotli (quality 11) alongside; a set of files counts as the sum of its files (one request each).
 *
 * Budgets (kB = 1000 bytes, gzip):
 *   reseller-elements/define, eager (every element registered, lazy chunks excluded)   <= 30 kB
 *   customer table + provider (define/customer-table + define/provider), eager         <= 18 kB
 *   every lazy chunk (with what it loads that the eager code does not have)             <= 30 kB
 *
 * `--analyze` also prints what the eager define code is made of (minified bytes per package or
 * built module). Prints a table and a final `N passed, N failed` line; writes the figures to dist/size.json;
 * exits 1 when a budget is exceeded.
 */
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const KB = 1000;
const BUDGET = {defineEager: 30 * KB, tablePlusProvider: 18 * KB, lazyChunk: 30 * KB};

if (!existsSync(join(dist, 'define/index.js'))) {
  console.error('dist/define/index.js not found: run `npm run build` first.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const defineNames = readdirSync(join(dist, 'define'))
  .filter((f) => f.endsWith('.js') && f !== 'index.js')
  .map((f) => f.slice(0, -3))
  .sort();

const work = mkdtempSync(join(tmpdir(), 'reseller-size-'));
process.on('exit', () => rmSync(work, {recursive: true, force: true}));

// ---------------------------------------------------------------------------------------------

function measure(contents) {
  const bytes = Buffer.from(contents);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, {level: 9}).length,
    brotli: brotliCompressSync(bytes, {
      params: {[constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length},
    }).length,
  };
}

function sum(figures) {
  return figures.reduce((a, b) => ({min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli}), {min: 0, gzip: 0, brotli: 0});
}

/**
 * Bundles one entry (a file path, or module source written to a temp file) and splits the output
 * into eager files and lazy chunks.
 */
async function analyze(label, entry) {
  let entryPath = entry.path;
  if (entry.source) {
    entryPath = join(work, `${label.replace(/\W+/g, '-')}.js`);
    writeFileSync(entryPath, entry.source);
  }
  const outdir = join(work, 'out', label.replace(/\W+/g, '-'));
  const result = await esbuild.build({
    entryPoints: [entryPath],
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    metafile: true,
    write: false,
    outdir,
    logLevel: 'silent',
    define: {'process.env.NODE_ENV': '"production"'},
  });
  const files = new Map(result.outputFiles.map((f) => [relative(root, f.path), f.contents]));
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint);

  const closure = (start, exclude = new Set()) => {
    const seen = new Set();
    const stack = [start];
    while (stack.length) {
      const file = stack.pop();
      if (seen.has(file) || exclude.has(file)) continue;
      seen.add(file);
      for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
    }
    return seen;
  };

  const eager = closure(entryOut);
  const lazyRoots = new Set();
  for (const file of Object.keys(outputs)) {
    for (const i of outputs[file].imports) if (i.kind === 'dynamic-import' && !i.external && !eager.has(i.path)) lazyRoots.add(i.path);
  }
  const figuresOf = (set) => sum([...set].filter((f) => f.endsWith('.js')).map((f) => measure(files.get(f))));
  const lazy = [...lazyRoots].sort().map((chunk) => {
    const set = closure(chunk, eager);
    const inputs = Object.entries(outputs[chunk].inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
    return {chunk, name: chunkName(inputs.map(([path]) => path)), files: set.size, ...figuresOf(set)};
  });
  const composition = new Map();
  for (const file of eager) {
    for (const [input, {bytesInOutput}] of Object.entries(outputs[file]?.inputs ?? {})) {
      const key = input.includes('node_modules/')
        ? input.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1')
        : input.replace(/^dist\/(?:chunks\/)?/, 'dist:');
      composition.set(key, (composition.get(key) ?? 0) + bytesInOutput);
    }
  }
  return {label, eager: {files: eager.size, ...figuresOf(eager)}, lazy, composition};
}

/** A readable name for a lazy chunk: its biggest input, shortened. */
function chunkName(inputs) {
  const top = inputs[0] ?? '?';
  const short = top.replace(/^.*node_modules\//, '').replace(/^dist\//, '');
  return inputs.length > 1 ? `${short} (+${inputs.length - 1})` : short;
}

// ---------------------------------------------------------------------------------------------

const rows = [];
const checks = [];
const fmt = (bytes) => `${(bytes / KB).toFixed(1)} kB`;

function row(name, figures, budget, note = '') {
  rows.push({name, min: figures.min, gzip: figures.gzip, brotli: figures.brotli, budget: budget ?? null, note});
  if (budget != null) checks.push({name, gzip: figures.gzip, budget, pass: figures.gzip <= budget});
}

const all = await analyze('define', {path: join(dist, 'define/index.js')});
row('reseller-elements/define (eager)', all.eager, BUDGET.defineEager, `${all.eager.files} file(s)`);
const composition = [...all.composition].sort((a, b) => b[1] - a[1]);

for (const name of defineNames) {
  const one = await analyze(`define-${name}`, {path: join(dist, `define/${name}.js`)});
  row(`  define/${name} (eager)`, one.eager, null, one.lazy.length ? `+${one.lazy.length} lazy` : '');
}

if (defineNames.includes('customer-table') && defineNames.includes('provider')) {
  const pair = await analyze('table-provider', {
    source: `import ${JSON.stringify(join(dist, 'define/customer-table.js'))};\nimport ${JSON.stringify(join(dist, 'define/provider.js'))};\n`,
  });
  row('customer table + provider (eager)', pair.eager, BUDGET.tablePlusProvider);
} else {
  const missing = ['customer-table', 'provider'].filter((n) => !defineNames.includes(n)).map((n) => `src/define/${n}.ts`);
  rows.push({name: 'customer table + provider', min: null, gzip: null, brotli: null, budget: BUDGET.tablePlusProvider, note: `skipped: ${missing.join(', ')} not there yet`});
}

for (const lazy of all.lazy) row(`lazy: ${lazy.name}`, lazy, BUDGET.lazyChunk, `${lazy.files} file(s)`);
if (!all.lazy.length) rows.push({name: 'lazy chunks', min: null, gzip: null, brotli: null, budget: BUDGET.lazyChunk, note: 'none (no dynamic import yet)'});

const main = await analyze('main', {source: `export * from ${JSON.stringify(join(dist, 'index.js'))};\n`});
row('reseller-elements (main entry, all exports)', main.eager, null, 'info: nothing registered');

const cdnPath = join(dist, 'cdn/reseller-elements.js');
if (existsSync(cdnPath)) {
  const {readFileSync} = await import('node:fs');
  row('cdn/reseller-elements.js (one file, all inlined)', measure(readFileSync(cdnPath)), null, 'info: lazy code included');
}

// ---------------------------------------------------------------------------------------------

const width = Math.max(...rows.map((r) => r.name.length), 10);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'bundle'.padEnd(width)}  ${pad('min', 9)}  ${pad('gzip', 9)}  ${pad('brotli', 9)}  ${pad('budget', 9)}  note`);
for (const r of rows) {
  const over = r.budget != null && r.gzip != null && r.gzip > r.budget;
  console.log(
    `${r.name.padEnd(width)}  ${pad(r.min == null ? '-' : fmt(r.min), 9)}  ${pad(r.gzip == null ? '-' : fmt(r.gzip), 9)}  ` +
      `${pad(r.brotli == null ? '-' : fmt(r.brotli), 9)}  ${pad(r.budget == null ? '' : fmt(r.budget), 9)}  ${over ? 'OVER BUDGET ' : ''}${r.note}`,
  );
}

if (process.argv.includes('--analyze')) {
  // Attribution at source level: the same bundle built from src/ (esbuild reads tsconfig's decorators).
  const fromSrc = await esbuild.build({
    entryPoints: [join(root, 'src/define/index.ts')], absWorkingDir: root, bundle: true, splitting: true, format: 'esm',
    platform: 'browser', target: 'es2022', minify: true, metafile: true, write: false, outdir: join(work, 'analyze'), logLevel: 'silent',
  });
  const outs = fromSrc.metafile.outputs;
  const entryOut = Object.keys(outs).find((o) => outs[o].entryPoint);
  const eagerSet = new Set();
  const stack = [entryOut];
  while (stack.length) {
    const f = stack.pop();
    if (eagerSet.has(f)) continue;
    eagerSet.add(f);
    for (const i of outs[f].imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
  }
  const bySource = new Map();
  for (const f of eagerSet) {
    for (const [input, {bytesInOutput}] of Object.entries(outs[f].inputs)) {
      const key = input.includes('node_modules/') ? input.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1') : input;
      bySource.set(key, (bySource.get(key) ?? 0) + bytesInOutput);
    }
  }
  console.log('\neager define built from src/, minified bytes per source module or package (before gzip):');
  for (const [name, bytes] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${fmt(bytes).padStart(9)}  ${name}`);
  console.log('');
}

const failed = checks.filter((c) => !c.pass);
for (const c of failed) console.log(`✗ ${c.name.trim()}: ${fmt(c.gzip)} gzip > ${fmt(c.budget)}`);

writeFileSync(
  join(dist, 'size.json'),
  `${JSON.stringify({unit: 'bytes', kB: KB, budgets: BUDGET, rows, checks, defineComposition: Object.fromEntries(composition)}, null, 2)}\n`,
);
console.log(`${checks.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
