/**
 * Where the usage chart's frame goes, from a Chromium performance trace rather than wall clock:
 * `node --import tsx bench/chart-trace.mjs [--samples N] [--contenders kit,uplot]`.
 *
 * The render section's bench page and sandbox (bench/lib/server.mjs), the same 365 daily points;
 * per contender (the kit's `<reseller-usage-chart>` from its warm cache, uPlot with 1 series) N
 * samples of bench.chartRender() (mount → painted → unmount), interleaved, inside one CDP trace
 * (devtools.timeline). Each sample sits between two `performance.mark`s, with a rendered frame
 * before and after, so its window holds the mount's frame and the unmount. The main thread's
 * self time inside the windows is summed per phase — script (function calls, microtasks, rAF,
 * timers, compile, GC), style (UpdateLayoutTree), layout, paint (pre-paint, paint, layerize,
 * commit) — and divided by N; with the elements whose style was recalculated and the layout
 * objects laid out. CPU time on the renderer's main thread moves far less with the machine's
 * load than wall clock does. Prints a table and the load average; `--json FILE` writes it.
 */
import {writeFileSync} from 'node:fs';
import {loadavg} from 'node:os';
import {chromium} from 'playwright-core';
import {register} from 'tsx/esm/api';
import {createTenant} from './lib/common.mjs';
import {chromiumArgs, findChromium, howToGet} from '../scripts/browsers.mjs';

register();
const {startBenchServer} = await import('./lib/server.mjs');

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const samples = Number(opt('--samples', '20'));
const warmup = 5;
// The chart (chartRender) and, with `--contenders table,vanilla`, the table's first render
// (firstRender: the render section's 100 rows from the warm cache against the hand-written table).
// `vanilla-same` is "vanilla, same DOM": the kit table's shadow tree and stylesheets built by hand.
const NAMES = {kit: 'reseller-usage-chart', uplot: 'uPlot, 1 series', table: 'reseller-customer-table', vanilla: 'vanilla <table>', 'vanilla-same': 'vanilla, same DOM'};
const RENDER = {kit: 'chartRender', uplot: 'chartRender', table: 'firstRender', vanilla: 'firstRender', 'vanilla-same': 'firstRender'};
const which = opt('--contenders', 'kit,uplot').split(',');

const PHASE = {
  script: /^(FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|RunMicrotasks|V8\.|v8\.|EventDispatch|FireIdleCallback|ResizeObserver|MinorGC|MajorGC|BlinkGC|ThreadState|CppGC|V8\.GC|GCEvent|ScheduledAction|ParseHTML|HTMLDocumentParser)/,
  style: /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation|InvalidateLayout|StyleRecalcInvalidationTracking)/,
  layout: /^(Layout|UpdateLayoutTree.Layout|IntersectionObserverController)/,
  paint: /^(PrePaint|Paint|PaintImage|Layerize|UpdateLayer|UpdateLayerTree|Commit|CompositeLayers|PaintSetup|Rasterize|DecodeImage)$/,
};
const phaseOf = (name) => {
  for (const [phase, re] of Object.entries(PHASE)) if (re.test(name)) return phase;
  return 'other';
};

const executablePath = findChromium();
if (!executablePath) throw new Error(howToGet('chromium'));
const server = await startBenchServer();
const browser = await chromium.launch({executablePath, args: chromiumArgs({headless: false}), headless: true});
const load = [loadavg()[0]];
const out = {date: new Date().toISOString(), samples, chromium: browser.version(), results: {}};
try {
  const tenant = await createTenant(server.origin, 120);
  const context = await browser.newContext({viewport: {width: 1280, height: 800}, deviceScaleFactor: 1});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  await page.evaluate(([t]) => window.bench.setup(t, 100), [tenant.token]);
  if (which.some((key) => RENDER[key] === 'chartRender')) await page.evaluate(() => window.bench.chartSetup(365));
  if (which.includes('vanilla-same')) await page.evaluate(() => window.bench.sameDomCheck());
  for (const key of which) for (let i = 0; i < warmup; i++) await page.evaluate(([f, n]) => window.bench[f](n), [RENDER[key], NAMES[key]]);
  if (argv.includes('--probe')) {
    console.log(await page.evaluate(async () => {
      const stage = document.querySelector('#chart-stage');
      const chart = document.createElement('reseller-usage-chart');
      for (const [k, v] of [['from', '2025-12-08'], ['to', '2026-12-07'], ['granularity', 'day'], ['metric', 'hours']]) chart.setAttribute(k, v);
      const seen = [];
      let updates = 0;
      const orig = chart.updated.bind(chart);
      chart.updated = (c) => (updates++, seen.push(`update ${updates}: svg width ${chart.shadowRoot.querySelector('svg.chart')?.getAttribute('width')} area ${chart.shadowRoot.querySelector('.area')?.className} ${performance.now().toFixed(1)}`), orig(c));
      const t0 = performance.now();
      stage.append(chart);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      seen.push(`frame done ${performance.now().toFixed(1)} (start ${t0.toFixed(1)})`);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      seen.push(`nodes in shadow: ${chart.shadowRoot.querySelectorAll('*').length}`);
      chart.remove();
      return seen.join('\n');
    }));
  }
  if (argv.includes('--profile')) {
    // Script hot spots: the V8 sampling profiler over N kit mounts, self time per function.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', {interval: 100});
    await cdp.send('Profiler.start');
    for (let i = 0; i < samples; i++) await page.evaluate(([f, n]) => window.bench[f](n), [RENDER[which[0]], NAMES[which[0]]]);
    const {profile} = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, k) => {
      const f = byId.get(id).callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
    });
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((v / samples).toFixed(2).padStart(7), k);
  }
  // One trace, the contenders' samples interleaved (alternating order), so a change in the shared
  // machine's load falls on all of them alike.
  await browser.startTracing(page, {categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'v8']});
  const walls = Object.fromEntries(which.map((key) => [key, []]));
  for (let i = 0; i < samples; i++) {
    for (const key of i % 2 ? [...which].reverse() : which) {
      walls[key].push(
        await page.evaluate(async ([f, n, tag]) => {
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          await frame();
          performance.mark(`trace-start-${tag}`);
          const t = await window.bench[f](n);
          await frame();
          performance.mark(`trace-end-${tag}`);
          return t;
        }, [RENDER[key], NAMES[key], `${key}-${i}`]),
      );
    }
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  for (const key of which) {
    const w = walls[key];
    out.results[key] = {name: NAMES[key], ...analyse(trace.traceEvents ?? trace, samples, key), wallPaintMedian: median(w.map((x) => x.paint)), wallScriptMedian: median(w.map((x) => x.script))};
  }
  if (errors.length) throw new Error(errors.join(' | '));
} finally {
  load.push(loadavg()[0]);
  await browser.close();
  await server.close();
}
out.loadAverage = load;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function analyse(events, n, key) {
  // The renderer main thread: the one with the user-timing marks' process and CrRendererMain.
  const threadNames = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  // `trace-start-<key>-<i>` exactly (`vanilla` must not take `vanilla-same`'s marks).
  const mark = new RegExp(`^trace-(start|end)-${key}-\\d+$`);
  const marks = events.filter((e) => mark.test(e.name ?? ''));
  const pid = marks[0]?.pid;
  const main = [...threadNames].find(([k, v]) => v === 'CrRendererMain' && Number(k.split(':')[0]) === pid)?.[0];
  if (!main) throw new Error('no renderer main thread in the trace');
  const markTs = (prefix) => marks.filter((e) => e.name.startsWith(prefix)).map((e) => [Number(e.name.slice(prefix.length)), e.ts]);
  const starts = new Map(markTs(`trace-start-${key}-`));
  const ends = new Map(markTs(`trace-end-${key}-`));
  const windows = [...starts].map(([i, s]) => [s, ends.get(i)]).filter(([, e]) => e);
  const inWindow = (ts) => windows.some(([s, e]) => ts >= s && ts <= e);
  // Complete events (X) and B/E pairs on the main thread, as [start, end, name, args].
  const spans = [];
  const open = [];
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main) continue;
    if (e.ph === 'X') spans.push({s: e.ts, e: e.ts + (e.dur ?? 0), t: e.tdur ?? e.dur ?? 0, name: e.name, args: e.args});
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.findLast((x) => x.name === e.name);
      if (b) {
        open.splice(open.indexOf(b), 1);
        spans.push({s: b.ts, e: e.ts, t: e.tts !== undefined && b.tts !== undefined ? e.tts - b.tts : e.ts - b.ts, name: b.name, args: {...b.args, ...e.args}});
      }
    }
  }
  spans.sort((a, b) => a.s - b.s || b.e - a.e);
  // Self time: each span minus its direct children (a stack walk over the sorted spans).
  const stack = [];
  const self = new Map();
  const phases = {script: 0, style: 0, layout: 0, paint: 0, other: 0};
  const byName = {};
  const counts = {styleElements: 0, layoutObjects: 0, styleRecalcs: 0, layouts: 0};
  const take = (span) => {
    if (!inWindow(span.s)) return;
    const t = self.get(span) ?? 0;
    const phase = span.name === 'RunTask' || span.name === 'ThreadControllerImpl::RunTask' ? 'other' : phaseOf(span.name);
    phases[phase] += t / 1000;
    byName[span.name] = (byName[span.name] ?? 0) + t / 1000;
  };
  for (const span of spans) {
    while (stack.length && stack.at(-1).e <= span.s) take(stack.pop());
    // Thread time (tdur: CPU time of the main thread, which the machine's load moves far less than wall time).
    self.set(span, span.t);
    const parent = stack.at(-1);
    if (parent && span.e <= parent.e) self.set(parent, self.get(parent) - span.t);
    stack.push(span);
    if (inWindow(span.s)) {
      if (process.env.TRACE_ARGS && /UpdateLayoutTree|^Layout$|^Paint$/.test(span.name)) console.log(span.name, (span.e - span.s) / 1000, JSON.stringify(span.args).slice(0, 300));
      if (span.name === 'UpdateLayoutTree') {
        counts.styleRecalcs++;
        counts.styleElements += span.args?.elementCount ?? span.args?.data?.elementCount ?? 0;
      }
      if (span.name === 'Layout') {
        counts.layouts++;
        counts.layoutObjects += span.args?.beginData?.dirtyObjects ?? 0;
      }
    }
  }
  while (stack.length) take(stack.pop());
  if (process.env.TRACE_DUMP) {
    const [ws, we] = windows[Math.floor(windows.length / 2)];
    const depth = [];
    for (const span of spans) {
      if (span.s < ws || span.s > we) continue;
      while (depth.length && depth.at(-1).e <= span.s) depth.pop();
      if (depth.length <= Number(process.env.TRACE_DUMP) && span.e - span.s > 100) console.log(`${((span.s - ws) / 1000).toFixed(2).padStart(7)} ${'  '.repeat(depth.length)}${span.name} ${((span.e - span.s) / 1000).toFixed(2)} self ${((self.get(span) ?? 0) / 1000).toFixed(2)}`);
      depth.push(span);
    }
  }
  const per = (x) => Math.round((x / n) * 100) / 100;
  const total = Object.values(phases).reduce((a, b) => a + b, 0);
  return {
    cpuMsPerSample: {total: per(total), ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, per(v)]))},
    perSample: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, per(v)])),
    windows: windows.length,
    byName: Object.fromEntries(Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => [k, per(v)])),
  };
}

console.log(`load average ${load.map((x) => x.toFixed(2)).join(' → ')}; ${samples} samples each; Chromium ${out.chromium}`);
for (const [key, r] of Object.entries(out.results)) {
  console.log(`${key.padEnd(12)} cpu/sample ${JSON.stringify(r.cpuMsPerSample)} ${JSON.stringify(r.perSample)} wall paint median ${r.wallPaintMedian.toFixed(1)} ms (script ${r.wallScriptMedian.toFixed(1)})`);
}
for (const base of ['vanilla', 'vanilla-same']) {
  if (!out.results.table || !out.results[base]) continue;
  console.log(`table / ${base} main-thread CPU: ${(out.results.table.cpuMsPerSample.total / out.results[base].cpuMsPerSample.total).toFixed(2)}×; wall paint ${(out.results.table.wallPaintMedian / out.results[base].wallPaintMedian).toFixed(2)}×`);
}
if (out.results.kit && out.results.uplot) {
  console.log(`kit / uPlot main-thread CPU: ${(out.results.kit.cpuMsPerSample.total / out.results.uplot.cpuMsPerSample.total).toFixed(2)}×; wall paint ${(out.results.kit.wallPaintMedian / out.results.uplot.wallPaintMedian).toFixed(2)}×`);
}
if (opt('--json')) writeFileSync(opt('--json'), JSON.stringify(out, null, 2));
