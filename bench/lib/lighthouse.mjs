/**
 * The lighthouse section: Lighthouse 12 (desktop preset, `lighthouse/core/config/desktop-config.js`:
 * 1350 × 940, simulated throttling of a fast desktop) on every route of the demo portal `npm start`
 * serves: Customers, Usage dashboard, the first customer's detail, Reports, Branding, Settings and
 * the not-found page. One Chromium (scripts/browsers.mjs findChromium, through chrome-launcher, which
 * Lighthouse depends on) for all pages; each page is a cold load (Lighthouse clears the cache and
 * storage first). Performance category only; per page the score and CLS, TBT, LCP, FCP, Speed Index
 * (the metrics' numeric values, ms except CLS), and the load average after it.
 *
 * Goal (issue 21): performance ≥ 90, CLS ≤ 0.05, TBT ≤ 200 ms, LCP ≤ 1.5 s on every page.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import {chromiumArgs, findChromium, howToGet} from '../../scripts/browsers.mjs';
import {load} from './common.mjs';

export const LIGHTHOUSE_GOALS = {performance: 90, cls: 0.05, tbt: 200, lcp: 1500};

const METRICS = {
  cls: 'cumulative-layout-shift',
  tbt: 'total-blocking-time',
  lcp: 'largest-contentful-paint',
  fcp: 'first-contentful-paint',
  si: 'speed-index',
};

/** The portal's routes (demo/main.ts parseRoute), the detail with the first customer of the list. */
export async function portalRoutes(url) {
  const response = await fetch(`${url}/api/v3/reseller/customers?per_page=25`, {headers: {authorization: 'Bearer rs_dev_reseller_a'}});
  if (!response.ok) throw new Error(`GET /customers answered ${response.status}`);
  const first = (await response.json()).data[0];
  return [
    ['Customers', '#/customers'],
    ['Usage dashboard', '#/usage'],
    ['Customer detail', `#/customers/${first.id}`],
    ['Reports', '#/reports'],
    ['Branding', '#/branding'],
    ['Settings', '#/settings'],
    ['Not found', '#/no-such-page'],
  ];
}

/** Lighthouse's desktop preset on each route of the portal at `url`; `runs` per page (median kept). */
export async function runLighthouse({url, log = () => {}, closers, runs = 1}) {
  const chromePath = findChromium();
  if (!chromePath) throw new Error(howToGet('chromium'));
  const chrome = await chromeLauncher.launch({chromePath, chromeFlags: chromiumArgs({headless: false}).concat('--headless=new'), logLevel: 'silent'});
  const kill = () => chrome.kill();
  closers?.push(kill);
  try {
    const rows = [];
    for (const [name, hash] of await portalRoutes(url)) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        // One tab for every run (Lighthouse opens about:blank, clears the origin's cache and storage, loads).
        const result = await lighthouse(`${url}/${hash}`, {port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: ['performance']}, desktopConfig);
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned no result for ${hash}`);
        // A runtime error with a score (e.g. a protocol timeout reading one response body on a busy
        // machine) is kept as a warning; without a score there is nothing to record.
        const error = lhr.runtimeError ? `${lhr.runtimeError.code} ${lhr.runtimeError.message}` : null;
        if (lhr.categories.performance.score == null) throw new Error(`Lighthouse on ${hash}: no performance score${error ? ` (${error})` : ''}`);
        const sample = {performance: Math.round(lhr.categories.performance.score * 100), ...(error ? {warning: error} : {})};
        for (const [key, id] of Object.entries(METRICS)) {
          const value = lhr.audits[id]?.numericValue;
          sample[key] = value == null ? null : key === 'cls' ? Math.round(value * 10_000) / 10_000 : Math.round(value);
        }
        // The longest main-thread tasks (script URL, start, duration in ms): what to fix next.
        sample.longTasks = (lhr.audits['long-tasks']?.details?.items ?? []).slice(0, 5).map((t) => ({url: t.url ? t.url.replace(url, '') : null, startTime: Math.round(t.startTime), duration: Math.round(t.duration)}));
        sample.loadAverage = load();
        samples.push(sample);
      }
      // The median run by score (one run: that run).
      const row = {page: name, hash, ...samples.toSorted((a, b) => a.performance - b.performance)[Math.floor(samples.length / 2)], runs: samples.length};
      rows.push(row);
      log(`  ${name.padEnd(16)} performance ${row.performance}, CLS ${row.cls}, TBT ${row.tbt} ms, LCP ${row.lcp} ms, FCP ${row.fcp} ms, SI ${row.si} ms (load ${row.loadAverage.join(' ')})`);
    }
    return {preset: 'desktop', lighthouse: (await import('lighthouse/package.json', {with: {type: 'json'}})).default.version, goals: LIGHTHOUSE_GOALS, rows};
  } finally {
    await kill();
    if (closers) closers.splice(closers.indexOf(kill), 1);
  }
}
