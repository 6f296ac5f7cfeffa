/**
 * The portal section: Cumulative Layout Shift of each page of the demo portal `npm start` serves
 * (Customers, Usage dashboard, a Customer detail, Branding) at 390, 768, 1280 and 1920 px, cold (a
 * new browser context: empty cache) and warm (a reload in that context).
 *
 * `npm start` runs as a child process (port 0, a fresh data directory in the OS temp folder, seeded
 * on start; removed at the end). Each load records `layout-shift` entries through a
 * PerformanceObserver registered before the page's scripts (`addInitScript`), waits for the network
 * to go idle and then 2.5 s more (late shifts count), and computes CLS as web-vitals does: the
 * largest session window (shifts < 1 s apart, window ≤ 5 s) of the shifts without recent input.
 * The biggest shift's sources are kept for each page, to say what moved. On Customers it also
 * records the time from navigation start to the first customer row in the DOM (cold and warm: issue
 * 21's "first rows ≤ 1 s after navigation on a warm server").
 */
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {root} from './common.mjs';

export const PORTAL_WIDTHS = [390, 768, 1280, 1920];

/** Starts `npm start`'s server on a free port with a fresh data directory: {url, close}. */
export async function startPortal(log) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-portal-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {cwd: root, env: {...process.env, PORT: '0', SANDBOX_DATA_DIR: dataDir}, stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not answer within 600 s (a fresh data directory is seeded first):\n${output}`)), 600_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /Local:\s+(http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  log?.(`portal (npm start) on ${url}, data in ${dataDir}`);
  return {
    url,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, {recursive: true, force: true});
    },
  };
}

/** In the page, before its scripts: every layout shift with a short description of what moved. */
function observeShifts() {
  window.__benchShifts = [];
  const describe = (node) => {
    if (!node || !node.nodeName) return '?';
    const host = node.getRootNode?.().host;
    const part = node.getAttribute?.('part');
    const id = node.id ? `#${node.id}` : '';
    return `${host ? `${host.localName} > ` : ''}${node.nodeName.toLowerCase()}${id}${part ? `[part="${part}"]` : ''}`;
  };
  new window.PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__benchShifts.push({t: e.startTime, value: e.value, sources: (e.sources ?? []).map((s) => `${describe(s.node)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`)});
    }
  }).observe({type: 'layout-shift', buffered: true});
}

/** CLS as web-vitals computes it: the largest session window of shifts. */
export function cumulativeLayoutShift(shifts) {
  let max = 0;
  let current = 0;
  let start = 0;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.t - last > 1000 || s.t - start > 5000) {
      current = 0;
      start = s.t;
    }
    current += s.value;
    last = s.t;
    max = Math.max(max, current);
  }
  return max;
}

/** CLS of each page at each width, cold and warm. */
export async function runPortalCls({browser, url, log}) {
  const token = 'rs_dev_reseller_a';
  const customers = await fetch(`${url}/api/v3/reseller/customers?per_page=25`, {headers: {authorization: `Bearer ${token}`}}).then((r) => r.json());
  const pages = [
    ['Customers', '#/customers'],
    ['Usage dashboard', '#/usage'],
    ['Customer detail', `#/customers/${customers.data[0].id}`],
    ['Branding', '#/branding'],
  ];
  const rows = [];
  for (const width of PORTAL_WIDTHS) {
    for (const [name, hash] of pages) {
      const context = await browser.newContext({viewport: {width, height: 800}});
      try {
        const page = await context.newPage();
        await page.addInitScript(observeShifts);
        const row = {page: name, hash, width};
        for (const run of ['cold', 'warm']) {
          if (run === 'cold') await page.goto(`${url}/${hash}`);
          else await page.reload();
          // Customers: navigation start → the first customer row in the DOM (checked every frame).
          if (name === 'Customers') {
            await page.waitForFunction(() => document.querySelector('reseller-customer-table')?.shadowRoot?.querySelector('tbody tr[part~="row"]'), null, {polling: 'raf', timeout: 60_000});
            row[`${run}FirstRowsMs`] = Math.round(await page.evaluate(() => performance.now()));
          }
          await page.waitForLoadState('networkidle', {timeout: 60_000});
          await page.waitForTimeout(2500);
          const shifts = await page.evaluate(() => window.__benchShifts);
          row[run] = Math.round(cumulativeLayoutShift(shifts) * 10_000) / 10_000;
          const biggest = shifts.reduce((a, s) => (!a || s.value > a.value ? s : a), null);
          row[`${run}Biggest`] = biggest ? {value: Math.round(biggest.value * 10_000) / 10_000, sources: biggest.sources} : null;
        }
        rows.push(row);
        log?.(`  ${String(width).padStart(4)} px ${name}: cold ${row.cold.toFixed(3)}, warm ${row.warm.toFixed(3)}${row.coldFirstRowsMs != null ? `; first rows ${row.coldFirstRowsMs} / ${row.warmFirstRowsMs} ms` : ''}`);
      } finally {
        await context.close();
      }
    }
  }
  return {widths: PORTAL_WIDTHS, goal: 0.05, rows};
}
