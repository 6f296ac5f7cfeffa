/**
 * 0. Demo start: `npm start` (scripts/start.ts) in a child process on a free port, three times:
 * cold (an empty data directory: the seed snapshot restored, or the seed when there is none),
 * restart (the same directory again) and cold without the snapshot (SANDBOX_SNAPSHOT=0: what a
 * start costs when `npm ci` ran without scripts). Each reports the time from spawn to the "ready"
 * line and to the first rows: the portal page (`GET /`) and the first screen's data
 * (`GET /api/v3/reseller/customers` with the dev token) both answered 200. Every child is stopped
 * with SIGTERM, and the data directories are removed.
 */
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {load, root} from './common.mjs';

const TIMEOUT_MS = 600_000;

async function startOnce(dataDir, env, closers) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root, env: {...process.env, ...env, PORT: '0', SANDBOX_DATA_DIR: dataDir}, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  closers.push(stop);
  let out = '';
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /ready in \d+ ms\s+➜ Local:\s+(\S+)/.exec(out)?.[1];
      if (url) resolve({url, at: performance.now() - t0});
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${out.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`npm start was not ready after ${TIMEOUT_MS / 1000} s:\n${out.slice(-2000)}`)), TIMEOUT_MS).unref();
  });
  const {url, at: readyMs} = await ready;
  const ok = async (path, headers = {}) => {
    for (;;) {
      const response = await fetch(new URL(path, url), {headers}).catch(() => null);
      if (response?.ok) {
        await response.arrayBuffer();
        return performance.now() - t0;
      }
      if (performance.now() - t0 > TIMEOUT_MS) throw new Error(`${path} did not answer 200 within ${TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const [pageMs, rowsMs] = await Promise.all([ok('/'), ok('/api/v3/reseller/customers?per_page=25', {authorization: 'Bearer rs_dev_reseller_a'})]);
  const restored = /restored from the seed snapshot/.test(out);
  await stop();
  return {readyMs, pageMs, rowsMs, firstRowsMs: Math.max(pageMs, rowsMs), restored, loadAverage: load()};
}

export async function runStart({log = () => {}, closers}) {
  const dirs = [];
  closers.push(async () => dirs.forEach((d) => rmSync(d, {recursive: true, force: true})));
  const fresh = () => {
    const base = mkdtempSync(join(tmpdir(), 'reseller-bench-start-'));
    dirs.push(base);
    return join(base, 'data');
  };
  const dir = fresh();
  const runs = [];
  const measure = async (name, dataDir, env = {}) => {
    const r = await startOnce(dataDir, env, closers);
    log(`  start: ${name}: ready ${Math.round(r.readyMs)} ms, first rows ${Math.round(r.firstRowsMs)} ms (load ${r.loadAverage.join(' ')})`);
    runs.push({name, ...r});
  };
  await measure('cold (empty data directory)', dir);
  await measure('restart (data present)', dir);
  await measure('cold without the snapshot (SANDBOX_SNAPSHOT=0)', fresh(), {SANDBOX_SNAPSHOT: '0'});
  return {runs};
}
