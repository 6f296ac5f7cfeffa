/**
 * 1. Weight: min + gzip (level 9) and brotli (quality 11) of the eager define bundle, each
 * element's define entry, the autoloader (alone and with a table page's elements) and each lazy chunk, the way scripts/size.mjs measures dist/ (Lit, zod and
 * libphonenumber-js included; dynamic imports left out of the eager figure; a lazy chunk counts
 * what loading it adds on top of the eager code). Built here with esbuild straight from src/ into
 * memory (never `npm run build`, which wipes dist/ while others use it), unless dist/size.json is
 * newer than every file under src/ and package.json (then its figures are read as they are).
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {isAbsolute, join, relative} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import * as esbuild from 'esbuild';
import {kB, root, table} from './common.mjs';

function measure(contents) {
  const bytes = Buffer.from(contents);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, {level: 9}).length,
    brotli: brotliCompressSync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length}}).length,
  };
}

const INNER = Symbol('inner resolve');

/** One entry (a path or `{contents}`) bundled to one file; dynamic imports and `exclude` left out. */
async function bundle(entry, exclude = new Set()) {
  const lazy = new Set();
  const splitter = {
    name: 'eager-only',
    setup(build) {
      build.onResolve({filter: /.*/}, async (args) => {
        if (args.pluginData === INNER || args.kind === 'entry-point') return undefined;
        const resolved = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: INNER});
        if (resolved.errors.length || resolved.external || !isAbsolute(resolved.path)) return undefined;
        if (args.kind === 'dynamic-import') {
          lazy.add(resolved.path);
          return {path: resolved.path, external: true};
        }
        if (exclude.has(resolved.path)) return {path: resolved.path, external: true};
        return undefined;
      });
    },
  };
  const result = await esbuild.build({
    ...(typeof entry === 'string' ? {entryPoints: [entry]} : {stdin: {contents: entry.contents, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts'}}),
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    metafile: true,
    write: false,
    outfile: join(root, 'bench-weight-out.js'), // never written (write: false)
    logLevel: 'silent',
    define: {'process.env.NODE_ENV': '"production"'},
    plugins: [splitter],
  });
  const output = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const [meta] = Object.values(result.metafile.outputs);
  const inputs = new Set(Object.keys(meta.inputs).map((p) => join(root, p)));
  return {figures: measure(output.contents), inputs, lazy};
}

const shortName = (path) => relative(root, path).replace(/^node_modules\//, '');

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    latest = Math.max(latest, info.isDirectory() ? newest(path) : info.mtimeMs);
  }
  return latest;
}

function fromSizeJson(path) {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  return json.rows
    .filter((r) => r.gzip != null)
    .map((r) => ({name: r.name.trim(), kind: r.name.startsWith('lazy') ? 'lazy' : r.name.includes('(eager)') ? 'eager' : 'info', min: r.min, gzip: r.gzip, brotli: r.brotli}));
}

async function fromSources() {
  const defineDir = join(root, 'src/define');
  const names = readdirSync(defineDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();
  const indexSource = readFileSync(join(defineDir, 'index.ts'), 'utf8');
  const inIndex = [...indexSource.matchAll(/^import\s+['"]\.\/([\w-]+)\.js['"]/gm)].map((m) => m[1]);
  const rows = [];

  const index = await bundle(join(defineDir, 'index.ts'));
  rows.push({name: `reseller-elements/define (src/define/index.ts: ${inIndex.length} of ${names.length} define modules)`, kind: 'eager', ...index.figures});

  const everything = await bundle({contents: names.map((n) => `import ${JSON.stringify(join(defineDir, `${n}.ts`))};`).join('\n')});
  if (inIndex.length !== names.length) rows.push({name: `every src/define/*.ts module together (${names.length})`, kind: 'eager', ...everything.figures});

  for (const name of names) {
    const one = await bundle(join(defineDir, `${name}.ts`));
    rows.push({name: `define/${name}`, kind: 'eager', ...one.figures});
  }
  const pairSource = ['customer-table', 'provider'].map((n) => `import ${JSON.stringify(join(defineDir, `${n}.ts`))};`).join('\n');
  const pair = await bundle({contents: pairSource});
  rows.push({name: 'define/customer-table + define/provider', kind: 'eager', ...pair.figures});

  // reseller-elements/autoloader (src/autoloader.ts): its own code (each define module is a dynamic
  // import, left out), and with what a page holding a table, a provider and a logo then loads.
  const autoloaderPath = join(root, 'src/autoloader.ts');
  if (existsSync(autoloaderPath)) {
    const autoloader = await bundle(autoloaderPath);
    rows.push({name: 'reseller-elements/autoloader (eager)', kind: 'eager', ...autoloader.figures});
    const page = await bundle({
      contents: [autoloaderPath, ...['customer-table', 'provider', 'brand-logo'].map((n) => join(defineDir, `${n}.ts`))].map((p) => `import ${JSON.stringify(p)};`).join('\n'),
    });
    rows.push({name: 'autoloader + table page (table, provider, logo)', kind: 'eager', ...page.figures});
  }

  // Lazy chunks: what each dynamic import adds on top of the eager code (and of the chunks that
  // import it, for nested dynamic imports). For every define module together, and for the table
  // + provider pair (the usual a-la-carte page), whose eager code leaves more out.
  for (const [label, base] of [['define', everything], ['table+provider', pair]]) {
    for (const chunk of await lazyChunks(base)) rows.push({name: `lazy (${label}): ${chunk.name}`, kind: 'lazy', ...chunk.figures});
  }
  return rows;
}

async function lazyChunks(base) {
  const chunks = [];
  const queue = [...base.lazy].sort().map((path) => ({path, have: base.inputs}));
  const seen = new Set();
  while (queue.length) {
    const {path, have} = queue.shift();
    if (seen.has(path) || base.inputs.has(path)) continue;
    seen.add(path);
    const chunk = await bundle(path, have);
    chunks.push({name: shortName(path), figures: chunk.figures});
    const haveAfter = new Set([...have, ...chunk.inputs]);
    for (const next of [...chunk.lazy].sort()) queue.push({path: next, have: haveAfter});
  }
  return chunks;
}

export async function runWeight({rebuild = false} = {}) {
  const sizeJson = join(root, 'dist/size.json');
  const fresh = !rebuild && existsSync(sizeJson) && statSync(sizeJson).mtimeMs > Math.max(newest(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
  const started = performance.now();
  const rows = fresh ? fromSizeJson(sizeJson) : await fromSources();
  const source = fresh ? 'dist/size.json (newer than src/)' : 'esbuild from src/ (in memory)';
  const text = table(
    ['bundle', 'min', 'gzip', 'brotli'],
    rows.map((r) => [r.name, kB(r.min), kB(r.gzip), kB(r.brotli)]),
  );
  return {
    text: `source: ${source}\n${text}`,
    json: {source, unit: 'bytes', compression: 'gzip level 9, brotli quality 11, after esbuild minify', seconds: Math.round((performance.now() - started) / 100) / 10, rows},
  };
}

// ---------------------------------------------------------------------------------------------
// Peers: the off-the-shelf parts a partner would pick instead, bundled the same way (a tiny entry
// that imports each, esbuild minify, gzip -9, brotli -q 11). Always from node_modules (dev
// dependencies of the bench only; nothing under src/ imports them).

const CHART_JS_BAR = `import {Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend} from 'chart.js';
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
export {Chart};`;

/** `{name, vs, source}`: `vs` names the kit row (define/…) it stands against. */
export const PEERS = [
  {name: '@vaadin/grid (grid + sort column)', vs: 'define/customer-table', source: `import '@vaadin/grid/vaadin-grid.js';\nimport '@vaadin/grid/vaadin-grid-sort-column.js';`},
  {name: 'Shoelace dialog', vs: 'define/customer-form', source: `import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';`},
  {name: 'Shoelace colour picker', vs: 'define/brand-editor', source: `import '@shoelace-style/shoelace/dist/components/color-picker/color-picker.js';`},
  {name: 'Shoelace dialog + colour picker', vs: null, source: `import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';\nimport '@shoelace-style/shoelace/dist/components/color-picker/color-picker.js';`},
  {name: 'uPlot', vs: 'define/usage-chart', source: `export {default} from 'uplot';`},
  {name: 'chart.js (bar chart: controller, scales, tooltip, legend)', vs: 'define/usage-chart', source: CHART_JS_BAR},
  {name: 'chart.js/auto (everything registered)', vs: 'define/usage-chart', source: `export {default} from 'chart.js/auto';`},
  {name: 'libphonenumber-js/max (max metadata)', vs: 'libphonenumber-js/min', source: `export {parsePhoneNumber, AsYouType, isValidPhoneNumber} from 'libphonenumber-js/max';`},
  {name: 'libphonenumber-js/min (min metadata, what the kit ships, lazily)', vs: null, source: `export {parsePhoneNumber, AsYouType, isValidPhoneNumber} from 'libphonenumber-js/min';`},
  {
    name: 'comparable parts together (Vaadin grid + Shoelace dialog + colour picker + uPlot)',
    vs: 'eager kit',
    source: [`import '@vaadin/grid/vaadin-grid.js';`, `import '@vaadin/grid/vaadin-grid-sort-column.js';`, `import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';`, `import '@shoelace-style/shoelace/dist/components/color-picker/color-picker.js';`, `export {default as uPlot} from 'uplot';`].join('\n'),
  },
  {
    name: 'comparable parts together, with chart.js instead of uPlot',
    vs: 'eager kit',
    source: [`import '@vaadin/grid/vaadin-grid.js';`, `import '@vaadin/grid/vaadin-grid-sort-column.js';`, `import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';`, `import '@shoelace-style/shoelace/dist/components/color-picker/color-picker.js';`, CHART_JS_BAR].join('\n'),
  },
];

/**
 * Bundles each peer and puts it next to the kit's rows: ratio = kit gzip / peer gzip (< 1: the kit
 * is lighter). `kitRows` are the weight section's rows (from src/ or dist/size.json).
 */
export async function runPeerWeight(kitRows) {
  const started = performance.now();
  // Row names differ a little between src/ builds and dist/size.json ("define/x (eager)").
  const kitRow = (vs) =>
    vs === 'eager kit' ? kitRows.find((r) => r.name.startsWith('reseller-elements/define')) : kitRows.find((r) => r.name.replace(/ \(eager\)$/, '') === vs);
  const rows = [];
  const measured = new Map();
  for (const peer of PEERS) {
    const {figures} = await bundle({contents: peer.source});
    measured.set(peer.name, figures);
    rows.push({name: peer.name, vs: peer.vs, ...figures});
  }
  for (const row of rows) {
    const kit = row.vs === 'libphonenumber-js/min' ? measured.get(PEERS.find((p) => p.name.startsWith('libphonenumber-js/min')).name) : row.vs ? kitRow(row.vs) : null;
    if (kit) {
      row.kit = {name: row.vs === 'libphonenumber-js/min' ? 'libphonenumber-js/min' : kit.name, gzip: kit.gzip, brotli: kit.brotli};
      row.ratioGzip = Math.round((kit.gzip / row.gzip) * 100) / 100;
      row.ratioBrotli = Math.round((kit.brotli / row.brotli) * 100) / 100;
    }
  }
  const text = table(
    ['peer', 'min', 'gzip', 'brotli', 'against', 'kit gzip', 'kit / peer (gzip)'],
    rows.map((r) => [r.name, kB(r.min), kB(r.gzip), kB(r.brotli), r.kit ? r.kit.name.replace(/ \((src\/define|eager).*$/, '') : '', r.kit ? kB(r.kit.gzip) : '', r.ratioGzip != null ? `${r.ratioGzip}×` : '']),
  );
  return {
    text,
    json: {
      method: 'a tiny entry importing each peer, bundled like the kit (esbuild, minify, es2022, browser, NODE_ENV=production), gzip -9 / brotli -q 11; Lit counted inside Vaadin and Shoelace as it is inside the kit; ratio = kit / peer',
      seconds: Math.round((performance.now() - started) / 100) / 10,
      rows,
    },
  };
}
