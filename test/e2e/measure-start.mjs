/**
 * Measures `npm start` from spawn to first page: first with an empty data directory (initdb +
 * seed), then again on the same, existing directory. "ready" is the server's ready line; "page" is
 * Chromium having loaded the portal with <reseller-provider> registered and holding its token.
 *
 *   node test/e2e/measure-start.mjs [--cold-vite]   (--cold-vite also empties Vite's dep cache)
 */
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';
import {chromiumArgs, findChromium, howToGet} from '../../scripts/browsers.mjs';
import {repoRoot} from './helpers.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error(howToGet('chromium'));
if (process.argv.includes('--cold-vite')) rmSync(path.join(repoRoot, 'node_modules/.vite-demo'), {recursive: true, force: true});

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reseller-start-'));
rmSync(dataDir, {recursive: true}); // "empty": the server creates and seeds it
const browser = await chromium.launch({executablePath, headless: true, args: chromiumArgs({headless: false})});
try {
  for (const label of ['empty data dir', 'existing data dir']) {
    const t0 = performance.now();
    const child = spawn('npm', ['start', '--silent'], {
      cwd: repoRoot,
      env: {...process.env, PORT: '0', SANDBOX_DATA_DIR: dataDir, FORCE_COLOR: '0'},
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    try {
      const port = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /Local:\s+http:\/\/[^:]+:(\d+)\//.exec(out);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${out}`)));
      });
      const ready = performance.now() - t0;
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/#/customers`);
      await page.waitForFunction(() => customElements.get('reseller-provider') && document.getElementById('provider')?.token, null, {timeout: 120_000});
      const firstPage = performance.now() - t0;
      const t1 = performance.now();
      await page.reload();
      await page.waitForFunction(() => customElements.get('reseller-provider') && document.getElementById('provider')?.token);
      const reload = performance.now() - t1;
      await page.close();
      console.log(`${label}: ready ${ms(ready)}, first page ${ms(firstPage)} (page alone ${ms(firstPage - ready)}), reload ${ms(reload)}`);
    } finally {
      process.kill(-child.pid, 'SIGTERM');
      while (groupAlive(child.pid)) await new Promise((r) => setTimeout(r, 50));
    }
  }
} finally {
  await browser.close();
  rmSync(dataDir, {recursive: true, force: true});
}

function ms(n) {
  return `${(n / 1000).toFixed(2)} s`;
}

function groupAlive(pgid) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || !existsSync(`/proc/${entry}/stat`)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') return true;
    } catch {
      // gone
    }
  }
  return false;
}
