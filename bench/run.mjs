#!/usr/bin/env node
/**
 * `npm run bench`: how heavy and how fast the kit is. Not part of `npm test` (timings are not
 * tests). Prints one table per section, a summary table at the end, and writes bench/results.json
 * (sections not run keep their previous figures there, each with its own date and load average;
 * a --scale other than the default is kept apart as `scale-<N>`).
 *
 *   npm run bench                               everything, 30 samples, 20 000 customers at scale
 *   npm run bench -- --samples 5                quick look while developing
 *   npm run bench -- --only render,memory       some sections: start, weight, render, interaction, data, memory, transcript, scale, fairness, portal, lighthouse
 *   npm run bench -- --only scale --scale 100000
 *   npm run bench -- --only fairness --fair-sandbox /tmp/old/sandbox   the fairness section on another checkout's sandbox
 *
 * Options: --samples N (render and time-to-data samples, default 30), --scale N (customers, default
 * 20000), --requests N (per scale scenario, default 200), --cycles N (mount/unmount, default 50),
 * --rebuild-weight (build from src/ even when dist/size.json is fresh), --out FILE, --fair-seconds N
 * (per fairness scenario, default 10), --fair-sandbox DIR (measure that sandbox/ folder instead:
 * stored as `fairness-baseline`).
 *
 * Sections (see bench/README.md for the method of each):
 *   start   `npm start`: cold (empty data directory), restart, cold without the seed snapshot;
 *           time to the ready line and to the first rows (portal page and GET /customers)
 *   weight  min+gzip and brotli of the eager define bundle, each define entry, the autoloader
 *           (alone and with a table page), each lazy chunk,
 *           and the peers (Vaadin grid, Shoelace, uPlot, chart.js, libphonenumber max) bundled alike
 *   render  first render of 100 rows and a re-sort, kit vs a vanilla DOM <table> and @vaadin/grid;
 *           the usage chart (365 days) vs uPlot and chart.js; to paint
 *   interaction  INP of real clicks (sort, page, row menu) on a 100-row table (Event Timing)
 *   data    time to data on loopback, requests per table, five elements on one page
 *   memory  JS heap of a 100-row table; heap growth over mount/unmount cycles
 *   transcript  a two-hour transcript in the viewer vs a hand-written DOM list: insert → first segments
 *           painted, search-as-you-type latency (Event Timing), long tasks on open, typing and scrolling
 *   scale   sandbox list/search/sort p50/p95 on a tenant with --scale customers
 *   fairness  tenant B's GET /customers p50/p95/p99/max while tenant A hammers (50 and 1 000
 *           connections, 4 concurrent year-long exports); the sandbox in a child process
 *
 * Chromium through scripts/browsers.mjs (CHROME_PATH or the usual places); render, data and memory
 * are skipped with a message (exit code 1) when none is found. Every browser, server and database
 * started here is closed on exit, on an error and on SIGINT/SIGTERM.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus} from 'node:os';
import {resolve} from 'node:path';
import {execFileSync} from 'node:child_process';
import {createTenant, load, ms, root, table} from './lib/common.mjs';
import {runPeerWeight, runWeight} from './lib/weight.mjs';

const SECTIONS = ['start', 'weight', 'render', 'interaction', 'data', 'memory', 'transcript', 'scale', 'fairness', 'portal', 'lighthouse'];
const BROWSER_SECTIONS = new Set(['render', 'interaction', 'data', 'memory', 'transcript']);

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(readFileSync(new URL(import.meta.url), 'utf8').match(/\/\*\*([\s\S]*?)\*\//)[1].replace(/^ \* ?/gm, ''));
  process.exit(0);
}
function option(name, fallback) {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return fallback;
  const value = argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}
function intOption(name, fallback, min) {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value < min) {
    console.error(`${name} must be an integer >= ${min}`);
    process.exit(2);
  }
  return value;
}
const samples = intOption('--samples', 30, 1);
const scale = intOption('--scale', 20_000, 1);
const scaleRequests = intOption('--requests', 200, 1);
const cycles = intOption('--cycles', 50, 2);
const fairSeconds = intOption('--fair-seconds', 10, 1);
const fairSandbox = option('--fair-sandbox', null);
const portalUrl = option('--portal-url', null);
const lighthouseRuns = Number(option('--lighthouse-runs', '1'));
const only = option('--only', SECTIONS.join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) {
  console.error(`--only: unknown section(s) ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
  process.exit(2);
}
const out = resolve(root, option('--out', 'bench/results.json'));
const selected = SECTIONS.filter((s) => only.includes(s));

// ---------------------------------------------------------------------------------------------
// Clean-up: whatever is started registers its closer; they run once, in reverse order.

const closers = [];
let cleaning;
let interrupted = false;
function cleanup() {
  cleaning ??= (async () => {
    while (closers.length) await closers.pop()().catch((error) => console.error(`clean-up: ${error?.message ?? error}`));
  })();
  return cleaning;
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the browser and the servers…`);
    void cleanup().finally(() => process.exit(code));
  });
}

const started = performance.now();
const log = (line) => console.log(line);
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim();
  } catch {
    return null;
  }
}

const previous = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
const results = {
  about: 'reseller-elements benchmark (npm run bench). Figures from one machine under whatever load the meta says; compare runs on the same machine only.',
  meta: {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    loadAverageAtStart: load(),
    options: {samples, scale, requests: scaleRequests, cycles, fairSeconds, ...(fairSandbox ? {fairSandbox} : {}), only: selected},
  },
  sections: {...previous.sections},
  notMeasured: [
    'Shoelace dialog and colour picker render times (weight only: the kit form and brand editor have no render bench yet)',
    'INP of Vaadin grid and of other kit elements (INP is measured on the kit table only)',
    'a multi-series kit chart (the kit chart shows one metric at a time)',
    'other engines (Firefox, WebKit), CPU throttling, a real network (everything is loopback)',
  ],
};
const summary = [];
let failed = false;

async function section(name, title, fn, key = name) {
  if (!selected.includes(name)) return;
  console.log(`\n== ${title} (load average ${load().join(' ')}) ==`);
  const loadBefore = load();
  const t0 = performance.now();
  try {
    const {text, json, summaryRows = []} = await fn();
    console.log(text);
    results.sections[key] = {
      measuredAt: new Date().toISOString(),
      loadAverage: {before: loadBefore, after: load()},
      seconds: Math.round((performance.now() - t0) / 1000),
      env: {commit: results.meta.commit, node: process.version, ...(BROWSER_SECTIONS.has(name) ? {chromium: results.meta.chromium} : {}), options: results.meta.options},
      ...json,
    };
    summary.push(...summaryRows);
  } catch (error) {
    if (interrupted) return;
    failed = true;
    // Playwright appends the whole browser log to its errors: the first lines are the message.
    console.error(`✗ ${name} failed: ${String(error?.stack ?? error).split('\nBrowser logs:')[0]}`);
    results.sections[key] = {measuredAt: new Date().toISOString(), error: String(error?.message ?? error)};
    summary.push([name, 'FAILED', String(error?.message ?? error).split('\n')[0].slice(0, 80)]);
  }
}

// ---------------------------------------------------------------------------------------------

try {
  console.log(`reseller-elements bench: ${selected.join(', ')}; samples ${samples}; load average ${load().join(' ')} on ${cpus().length} CPU(s)`);

  await section('start', '0. Demo start (npm start in a child process)', async () => {
    const {runStart} = await import('./lib/start.mjs');
    const r = await runStart({log, closers});
    const text = table(
      ['run', 'ready', 'portal page', 'first rows (GET /customers)', 'restored', 'load after'],
      r.runs.map((x) => [x.name, ms(x.readyMs), ms(x.pageMs), ms(x.rowsMs), x.restored ? 'snapshot' : 'no', x.loadAverage.join(' ')]),
    );
    const rows = r.runs.map((x) => ['start', x.name, `first rows ${ms(x.firstRowsMs)} (load ${x.loadAverage[0]})`]);
    return {text, json: {runs: r.runs.map((x) => ({...x, readyMs: Math.round(x.readyMs), pageMs: Math.round(x.pageMs), rowsMs: Math.round(x.rowsMs), firstRowsMs: Math.round(x.firstRowsMs)}))}, summaryRows: rows};
  });

  await section('weight', '1. Weight', async () => {
    const kit = await runWeight({rebuild: argv.includes('--rebuild-weight')});
    const peers = await runPeerWeight(kit.json.rows);
    const result = {text: `${kit.text}\n\npeers, bundled the same way:\n${peers.text}`, json: {...kit.json, peers: peers.json}};
    const find = (re) => result.json.rows.find((r) => re.test(r.name));
    const rows = [];
    const eager = find(/^reseller-elements\/define/);
    const pair = find(/^define\/customer-table \+ define\/provider/);
    if (eager) rows.push(['weight', 'reseller-elements/define, eager', `${(eager.gzip / 1000).toFixed(1)} kB gzip / ${(eager.brotli / 1000).toFixed(1)} kB br`]);
    if (pair) rows.push(['weight', 'customer table + provider, eager', `${(pair.gzip / 1000).toFixed(1)} kB gzip / ${(pair.brotli / 1000).toFixed(1)} kB br`]);
    const autoloader = find(/^reseller-elements\/autoloader \(eager\)/);
    const autoloaderPage = find(/^autoloader \+ table page/);
    if (autoloader) rows.push(['weight', 'autoloader, eager', `${(autoloader.gzip / 1000).toFixed(1)} kB gzip / ${(autoloader.brotli / 1000).toFixed(1)} kB br`]);
    if (autoloaderPage) rows.push(['weight', 'autoloader + customer table page (table, provider, logo)', `${(autoloaderPage.gzip / 1000).toFixed(1)} kB gzip / ${(autoloaderPage.brotli / 1000).toFixed(1)} kB br`]);
    const lazy = result.json.rows.filter((r) => r.kind === 'lazy' && r.name.startsWith('lazy (define)'));
    if (lazy.length) {
      const biggest = lazy.reduce((a, b) => (b.gzip > a.gzip ? b : a));
      rows.push(['weight', `largest lazy chunk (of ${lazy.length})`, `${(biggest.gzip / 1000).toFixed(1)} kB gzip: ${biggest.name.replace(/^lazy \(define\): /, '')}`]);
    }
    for (const p of peers.json.rows.filter((r) => r.ratioGzip != null)) {
      rows.push(['weight', `vs ${p.name}`, `${(p.gzip / 1000).toFixed(1)} kB gzip; kit ${p.kit.name.replace(/ \((src\/define|eager).*$/, '')} ${(p.kit.gzip / 1000).toFixed(1)} kB = ${p.ratioGzip}×`]);
    }
    return {...result, summaryRows: rows};
  });

  const needBrowser = selected.some((s) => BROWSER_SECTIONS.has(s));
  const needSandbox = needBrowser || selected.includes('scale');
  if (needSandbox) {
    // The sandbox is TypeScript: register tsx (a no-op under `node --import tsx`).
    const {register} = await import('tsx/esm/api');
    register();
  }

  if (needBrowser) {
    const {findChromium, chromiumArgs, howToGet} = await import('../scripts/browsers.mjs');
    const executablePath = findChromium();
    if (!executablePath) {
      failed = true;
      console.error(`\n✗ ${howToGet('chromium')}\n  Skipped: ${selected.filter((s) => BROWSER_SECTIONS.has(s)).join(', ')}.`);
      for (const s of selected.filter((x) => BROWSER_SECTIONS.has(x))) summary.push([s, 'SKIPPED', 'no Chromium (see above)']);
    } else {
      const {chromium} = await import('playwright-core');
      const {startBenchServer} = await import('./lib/server.mjs');
      const {runRender, runInteraction, runTimeToData, runMemory, runTranscript} = await import('./lib/browser-sections.mjs');
      const [server, browser] = await Promise.all([
        startBenchServer().then((s) => (closers.push(() => s.close()), s)),
        chromium.launch({executablePath, args: chromiumArgs({headless: false}), headless: true}).then((b) => (closers.push(() => b.close()), b)),
      ]);
      results.meta.chromium = browser.version();
      const tenant = await createTenant(server.origin, 120);
      console.log(`bench page + sandbox on ${server.origin}; Chromium ${browser.version()}; tenant with 120 customers (${elapsed()})`);
      const ctx = {browser, origin: server.origin, token: tenant.token, samples, cycles, log};

      await section('render', '2. Render (100 rows, to paint, warm client cache)', async () => {
        const result = await runRender(ctx);
        const rows = [];
        for (const [kind, label] of [['firstRender', 'first render, 100 rows'], ['resort', 're-sort (click Name)']]) {
          for (const [name, e] of Object.entries(result.json[kind])) {
            rows.push(['render', `${label}: ${name}`, `${ms(e.paint.median)} [${e.paint.ci95.map((x) => x.toFixed(1)).join('–')}]${e.ratioToBaseline ? ` = ${e.ratioToBaseline.paint.ratio}× baseline [${e.ratioToBaseline.paint.ci95.join('–')}]` : ''}`]);
          }
        }
        for (const [kind, label] of [['firstRender', 'first render'], ['resort', 're-sort']]) {
          for (const [name, e] of Object.entries(result.json[kind])) {
            for (const [peer, r] of Object.entries(e.ratioToPeers ?? {})) rows.push(['render', `${label}: ${name} / ${peer}`, `${r.paint.ratio}× [${r.paint.ci95.join('–')}]`]);
          }
        }
        for (const [name, e] of Object.entries(result.json.charts.results)) {
          rows.push(['render', `chart 365 days: ${name}`, `${ms(e.paint.median)} [${e.paint.ci95.map((x) => x.toFixed(1)).join('–')}]${e.kitRatio ? `; kit (1 series) / this = ${e.kitRatio.paint.ratio}× [${e.kitRatio.paint.ci95.join('–')}]` : ''}`]);
        }
        return {...result, summaryRows: rows};
      });

      await section('interaction', '2b. Interaction (INP of real clicks, 100-row table, Event Timing)', async () => {
        const result = await runInteraction(ctx);
        const rows = result.json.interactions.map((r) => ['interaction', `INP: ${r.interaction}`, `max ${r.inp.max} ms, p98 ${r.inp.p98} ms, median ${r.inp.median} ms (${r.under16ms}/${r.samples} under 16 ms)`]);
        return {...result, summaryRows: rows};
      });

      await section('data', '3. Time to data and requests (loopback)', async () => {
        const result = await runTimeToData(ctx);
        const j = result.json;
        const fmt = (counts) => Object.entries(counts).map(([k, v]) => `${k} ×${v}`).join(', ') || 'none';
        const rows = [
          ['data', 'tag → 100 rows painted (fresh page, cold cache)', `${ms(j.toPaint.median)} [${j.toPaint.ci95.map((x) => x.toFixed(1)).join('–')}], request ${j.request ? ms(j.request.median) : '-'}`],
          ['data', 'requests for one table', fmt(j.requestsPerSample)],
          ...j.fiveElements.map((s) => ['data', `${s.elements.replace(/ per-page="\d+"| customer-id="\d+"/, '')}, ${s.setup.startsWith('in one') ? 'one provider' : 'no provider'}`, fmt(s.requests)]),
        ];
        return {...result, summaryRows: rows};
      });

      await section('memory', `4. Memory (JS heap after GC; ${cycles} mount/unmount cycles)`, async () => {
        const result = await runMemory(ctx);
        const rows = [];
        for (const m of result.json.mounted) rows.push(['memory', `${m.contender}, 100 rows mounted`, `${(m.heapOverEmpty / 1000).toFixed(0)} kB heap, ${m.nodesOverEmpty} DOM nodes over the empty page`]);
        for (const r of result.json.heapRatios) rows.push(['memory', `kit table heap / ${r.against}`, `${r.heapOverEmptyRatio}× (DOM nodes ${r.nodesRatio}×)`]);
        for (const l of result.json.mountUnmount) rows.push(['memory', `${l.contender}: heap after ${l.cycles} cycles vs 1`, `${l.heapGrowth >= 0 ? '+' : '−'}${(Math.abs(l.heapGrowth) / 1000).toFixed(1)} kB = ${l.heapGrowthPercent}% (${(l.heapGrowthPerCycle / 1000).toFixed(2)} kB/cycle), nodes ${l.nodeGrowth >= 0 ? '+' : ''}${l.nodeGrowth}`]);
        return {...result, summaryRows: rows};
      });

      await section('transcript', '4b. Long transcript (two hours in the viewer vs a hand-written DOM list: open, search as you type, scroll)', async () => {
        const result = await runTranscript(ctx);
        const rows = [];
        for (const [name, e] of Object.entries(result.json.open)) {
          rows.push(['transcript', `open 2 h → first segments painted: ${name}`, `${ms(e.paint.median)} [${e.paint.ci95.map((x) => x.toFixed(1)).join('–')}]${e.ratioToBaseline ? ` = ${e.ratioToBaseline.paint.ratio}× baseline [${e.ratioToBaseline.paint.ci95.join('–')}]` : ''}; long tasks ${e.longTasks.count} (max ${e.longTasks.max} ms)`]);
        }
        for (const [name, t] of Object.entries(result.json.typing)) {
          rows.push(['transcript', `search key → paint: ${name}`, `max ${t.latency.max} ms, median ${t.latency.median} ms${t.ratioToBaseline ? ` (${t.ratioToBaseline.max}× / ${t.ratioToBaseline.median}× baseline)` : ''}; long tasks ${t.longTasks.count} (max ${t.longTasks.max} ms)`]);
        }
        for (const [name, s] of Object.entries(result.json.scroll)) {
          rows.push(['transcript', `scroll top → bottom: ${name}`, `longest frame ${s.longestFrame} ms; long tasks ${s.longTasks.count} (max ${s.longTasks.max} ms)`]);
        }
        return {...result, summaryRows: rows};
      });
    }
  }

  await section('scale', `5. Sandbox at scale (${scale.toLocaleString('en')} customers, ${scaleRequests} requests per scenario)`, async () => {
    const {runScale} = await import('./lib/scale.ts');
    const r = await runScale(scale, scaleRequests, log);
    const text =
      `${r.customers.toLocaleString('en')} customers inserted in ${r.seedSeconds.toFixed(1)} s; ${r.transport}\n` +
      table(
        ['scenario', 'p50', 'p95', 'max', 'rows', 'total (avg)'],
        r.scenarios.map((s) => [s.name, ms(s.p50), ms(s.p95), ms(s.max), String(s.rows), s.total.toLocaleString('en')]),
      ) +
      `\nindexes on customers (pg_indexes):\n${r.indexes.map((i) => `  ${i.definition}`).join('\n')}`;
    const rows = r.scenarios.map((s) => ['scale', `${(r.customers / 1000).toFixed(0)}k customers: ${s.name}`, `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}`]);
    const json = {
      ...r,
      scenarios: r.scenarios.map((s) => ({...s, p50: Math.round(s.p50 * 100) / 100, p95: Math.round(s.p95 * 100) / 100, max: Math.round(s.max * 100) / 100, mean: Math.round(s.mean * 100) / 100})),
      seedSeconds: Math.round(r.seedSeconds * 10) / 10,
    };
    return {text, json, summaryRows: rows};
  }, scale === 20_000 ? 'scale' : `scale-${scale}`); // another size is kept apart: `scale-100000`

  await section('fairness', `6. Fairness (tenant B's GET /customers while tenant A hammers; ${fairSeconds} s per scenario)`, async () => {
    const {runFairness} = await import('./lib/fairness.mjs');
    const r = await runFairness({seconds: fairSeconds, sandboxDir: fairSandbox ? resolve(fairSandbox) : undefined, log});
    const text = table(
      ['scenario', 'B p50', 'B p95', 'B p99', 'B max', 'B n', "A's answers", 'load after'],
      r.scenarios.map((s) => [s.name, ms(s.b.p50), ms(s.b.p95), ms(s.b.p99), ms(s.b.max), String(s.b.n), Object.entries(s.a.statuses).map(([k, v]) => `${k} ×${v}`).join(', ') || '-', s.loadAverage.after.join(' ')]),
    );
    const label = fairSandbox ? `fairness (${fairSandbox})` : 'fairness';
    const rows = r.scenarios.map((s) => [label, `B GET /customers, ${s.name}`, `p50 ${ms(s.b.p50)}, p99 ${ms(s.b.p99)}, max ${ms(s.b.max)}`]);
    return {text, json: r, summaryRows: rows};
  }, fairSandbox ? 'fairness-baseline' : 'fairness');

  await section('portal', "7. Portal layout shift (CLS of each page `npm start` serves, cold and warm; goal ≤ 0.05) and time to the first rows", async () => {
    const {findChromium, chromiumArgs, howToGet} = await import('../scripts/browsers.mjs');
    const executablePath = findChromium();
    if (!executablePath) throw new Error(howToGet('chromium'));
    const {chromium} = await import('playwright-core');
    const {startPortal, runPortalCls} = await import('./lib/portal.mjs');
    // --portal-url: an `npm start` already running (its data seeded); else a fresh one here.
    const portal = portalUrl ? {url: portalUrl.replace(/\/$/, '')} : await startPortal(log);
    if (!portalUrl) closers.push(() => portal.close());
    const browser = await chromium.launch({executablePath, args: chromiumArgs({headless: false}), headless: true});
    closers.push(() => browser.close());
    const r = await runPortalCls({browser, url: portal.url, log});
    const text = table(['page', ...r.widths.map((w) => `${w} px cold / warm`)], ['Customers', 'Usage dashboard', 'Customer detail', 'Branding'].map((name) => [name, ...r.widths.map((w) => {
      const row = r.rows.find((x) => x.page === name && x.width === w);
      return `${row.cold.toFixed(3)} / ${row.warm.toFixed(3)}`;
    })]));
    const worst = r.rows.reduce((a, x) => Math.max(a, x.cold, x.warm), 0);
    const customers = r.rows.filter((x) => x.page === 'Customers');
    const firstRows = customers.map((x) => `${x.width} px ${x.coldFirstRowsMs} / ${x.warmFirstRowsMs} ms`).join(', ');
    return {text: `${text}\n\nCustomers, navigation → first row in the DOM (cold / warm): ${firstRows}`, json: r, summaryRows: [
      ['portal', `CLS, worst page/width/run (goal ≤ ${r.goal})`, worst.toFixed(3)],
      ['portal', 'first rows after navigation, warm (worst width; goal ≤ 1 s)', `${Math.max(...customers.map((x) => x.warmFirstRowsMs))} ms`],
    ]};
  });

  await section('lighthouse', "8. Lighthouse on the portal (desktop preset, each route `npm start` serves; goal performance ≥ 90, CLS ≤ 0.05, TBT ≤ 200 ms, LCP ≤ 1.5 s)", async () => {
    const {runLighthouse} = await import('./lib/lighthouse.mjs');
    const {startPortal} = await import('./lib/portal.mjs');
    const portal = portalUrl ? {url: portalUrl.replace(/\/$/, '')} : await startPortal(log);
    if (!portalUrl) closers.push(() => portal.close());
    const r = await runLighthouse({url: portal.url, log, closers, runs: lighthouseRuns});
    const text = table(
      ['page', 'performance', 'CLS', 'TBT', 'LCP', 'FCP', 'SI', 'load after'],
      r.rows.map((x) => [x.page, String(x.performance), x.cls.toFixed(3), ms(x.tbt), ms(x.lcp), ms(x.fcp), ms(x.si), x.loadAverage.join(' ')]),
    );
    const worst = r.rows.reduce((a, x) => (!a || x.performance < a.performance ? x : a), null);
    const misses = r.rows.filter((x) => x.performance < r.goals.performance || x.cls > r.goals.cls || x.tbt > r.goals.tbt || x.lcp > r.goals.lcp).map((x) => x.page);
    return {text, json: r, summaryRows: [['lighthouse', 'lowest performance score (page)', `${worst.performance} (${worst.page}); goal missed on: ${misses.join(', ') || 'none'}`]]};
  });
} finally {
  await cleanup();
}

if (interrupted) await new Promise(() => {}); // the signal handler exits once clean-up is done
results.meta.loadAverageAtEnd = load();
results.meta.seconds = Math.round((performance.now() - started) / 1000);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

console.log(`\n== Summary (${elapsed()}; load average ${results.meta.loadAverageAtStart.join(' ')} at start, ${results.meta.loadAverageAtEnd.join(' ')} at end) ==`);
console.log(table(['section', 'measure', 'figure'], summary));
console.log(`not measured: ${results.notMeasured.join('; ')}`);
console.log(`results: ${out.replace(root, '')}`);
process.exit(failed ? 1 : 0);
