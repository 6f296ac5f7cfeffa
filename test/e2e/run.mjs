/**
 * End-to-end test: starts the real `npm start` server (free port, temporary data directory), drives
 * the demo portal and the CDN page in Chromium (playwright-core) and prints `N passed, N failed`.
 *
 *   node test/e2e/run.mjs                 all flows
 *   node test/e2e/run.mjs navigation cdn  only flows whose file name contains one of the words
 *
 * Flows: one file per flow in test/e2e/flows/ (`.mjs`, or `.ts` through tsx), each with a default
 * export `async ({page, baseUrl, config, context, browser}) => {}` that throws (node:assert) on
 * failure. Every flow gets a fresh browser context and page. A flow fails on any page error or
 * console error, unless it exports `allowConsoleErrors` (an array of RegExps) for errors it causes
 * on purpose (e.g. injected faults). `export const timeout = ms` overrides the 30 s default.
 *
 * Flows named after a framework host in hosts/ (angular, next) get it installed and built from the
 * packed tarball first (test/e2e/host-apps.mjs).
 *
 * Environment: CHROME_PATH (browser), E2E_KEEP_DATA=1 (keep the temporary data directory),
 * E2E_START_TIMEOUT_MS (default 180000: a fresh seed is slow on a busy machine),
 * E2E_HEADED=1 (show the browser; needs a display), E2E_SKIP_BUILD=1 (never run `npm run build`, nor install and build the hosts).
 * The server (its whole process group) and the browser are always stopped at the end.
 */
import {spawn, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';
import {chromiumArgs, findChromium, groupProcesses, howToGet, withTimeout} from '../../scripts/browsers.mjs';
import {CDN_BUNDLE} from './helpers.mjs';
import {prepareHosts} from './host-apps.mjs';

/** Flows named after a host in hosts/ (own package.json): the runner installs and builds that host first. */
const HOST_APPS = ['angular', 'next'];

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const flowsDir = path.join(here, 'flows');
const DEFAULT_TIMEOUT = 30_000;

/** @type {import('node:child_process').ChildProcess | undefined} */
let server;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
let dataDir;
let passed = 0;
let failed = 0;
/** @type {Promise<void> | undefined} */
let cleaning;

process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => void cleanup().then(() => process.exit(143)));
// Last resort if something exits abruptly: never leave the server group behind.
process.on('exit', () => {
  if (server?.pid && groupAlive(server.pid)) signalGroup(server.pid, 'SIGKILL');
});

try {
  await main();
} catch (error) {
  failed++;
  console.error(`\n✗ e2e setup failed: ${error?.message ?? error}`);
} finally {
  await cleanup();
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

async function main() {
  const filters = process.argv.slice(2);
  const flows = listFlows(filters);
  if (flows.length === 0) throw new Error(`no flows in ${path.relative(repoRoot, flowsDir)} match ${filters.join(', ')}`);

  const executablePath = findChromium();
  if (!executablePath) throw new Error(howToGet('chromium'));

  if (flows.some((f) => /cdn|autoload/.test(path.basename(f)))) ensureCdnBundle();
  // The framework hosts (hosts/angular, hosts/next): installed and built from the packed tarball.
  const hostFlows = flows.filter((f) => HOST_APPS.includes(path.basename(f).replace(/\.mjs$/, '')));
  if (hostFlows.length && process.env.E2E_SKIP_BUILD !== '1') {
    const started = performance.now();
    try {
      prepareHosts(hostFlows.map((f) => path.basename(f).replace(/\.mjs$/, '')));
      console.log(`hosts installed and built in ${Math.round((performance.now() - started) / 1000)} s`);
    } catch (error) {
      // Their flows fail; the others still run.
      for (const file of hostFlows) {
        failed++;
        flows.splice(flows.indexOf(file), 1);
        console.log(`✗ ${path.basename(file, '.mjs')} (host not built: ${error.message})`);
      }
    }
  }
  if (flows.some((f) => f.endsWith('.ts'))) {
    const {register} = await import('tsx/esm/api');
    register();
  }

  dataDir = mkdtempSync(path.join(os.tmpdir(), 'reseller-e2e-'));
  // The control API's admin secret: given to `npm start` and read by the flows (helpers.mjs, controlHeaders).
  process.env.SANDBOX_ADMIN_SECRET ||= `e2e_${randomBytes(24).toString('base64url')}`;
  const started = performance.now();
  const baseUrl = await startServer(dataDir);
  console.log(`server up at ${baseUrl} in ${Math.round(performance.now() - started)} ms (data ${dataDir})`);

  const configResponse = await fetch(new URL('/demo-config.json', baseUrl));
  if (!configResponse.ok) throw new Error(`GET /demo-config.json answered ${configResponse.status}`);
  const config = await configResponse.json();

  browser = await chromium.launch({
    executablePath,
    headless: process.env.E2E_HEADED !== '1',
    args: chromiumArgs({headless: false}),
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });

  for (const file of flows) await runFlow(file, {baseUrl, config});
}

function listFlows(filters) {
  if (!existsSync(flowsDir)) return [];
  return readdirSync(flowsDir)
    .filter((name) => /\.(mjs|ts)$/.test(name) && !name.endsWith('.d.ts'))
    .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
    .sort()
    .map((name) => path.join(flowsDir, name));
}

async function runFlow(file, {baseUrl, config}) {
  const name = path.basename(file).replace(/\.(mjs|ts)$/, '');
  const started = performance.now();
  let context;
  /** @type {string[]} */
  const problems = [];
  try {
    const module = await import(pathToFileURL(file).href);
    if (typeof module.default !== 'function') throw new Error(`${name}: no default export function`);
    /** @type {RegExp[]} */
    const allowed = module.allowConsoleErrors ?? [];
    context = await browser.newContext({baseURL: baseUrl});
    const page = await context.newPage();
    context.on('page', (p) => watch(p, allowed, problems));
    watch(page, allowed, problems);
    const timeout = module.timeout ?? DEFAULT_TIMEOUT;
    page.setDefaultTimeout(Math.min(timeout, 10_000));
    await withTimeout(module.default({page, baseUrl, config, context, browser}), timeout, `${name}: timed out after ${timeout} ms`);
    if (problems.length) throw new Error(`console/page errors:\n    ${problems.join('\n    ')}`);
    passed++;
    console.log(`✓ ${name} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    failed++;
    console.log(`✗ ${name} (${Math.round(performance.now() - started)} ms)`);
    console.log(indent(error?.stack ?? String(error)));
    if (problems.length && !String(error?.message).startsWith('console/page errors')) {
      console.log(indent(`also console/page errors:\n  ${problems.join('\n  ')}`));
    }
  } finally {
    // Closing a context has been seen to hang on a loaded machine: bounded, then carry on.
    if (context) {
      await withTimeout(context.close(), 15_000, `${name}: closing its browser context: timed out after 15000 ms`).catch((error) =>
        console.log(indent(`(warning) ${error.message}`)),
      );
    }
  }
}

function watch(page, allowed, problems) {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const location = message.location();
    const text = `console.error: ${message.text()}${location?.url ? ` (${location.url})` : ''}`;
    if (!allowed.some((re) => re.test(text))) problems.push(text);
  });
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** The CDN flows need dist/cdn/reseller-elements.js, the autoload flow dist/cdn/autoloader.js: build them when missing. */
function ensureCdnBundle() {
  if (existsSync(CDN_BUNDLE) && existsSync(path.join(path.dirname(CDN_BUNDLE), 'autoloader.js'))) {
    console.log(`CDN bundle: ${path.relative(repoRoot, CDN_BUNDLE)} built ${statSync(CDN_BUNDLE).mtime.toISOString()}`);
    return;
  }
  if (process.env.E2E_SKIP_BUILD === '1' || !existsSync(path.join(repoRoot, 'scripts/build.mjs'))) {
    console.log(`CDN bundle missing (${path.relative(repoRoot, CDN_BUNDLE)}): run \`npm run build\` first; the cdn flow will fail.`);
    return;
  }
  console.log('CDN bundle missing: running `npm run build` …');
  const result = spawnSync('npm', ['run', 'build'], {cwd: repoRoot, stdio: 'inherit'});
  if (result.status !== 0) console.log('`npm run build` failed; the cdn flow will fail.');
}

/** Starts `npm start` in its own process group on a free port and resolves with its base URL. */
function startServer(dir) {
  return new Promise((resolve, reject) => {
    server = spawn('npm', ['start', '--silent'], {
      cwd: repoRoot,
      env: {...process.env, PORT: '0', SANDBOX_DATA_DIR: dir, HOST: '127.0.0.1', FORCE_COLOR: '0'},
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const limit = Number(process.env.E2E_START_TIMEOUT_MS) || 180_000;
    const timer = setTimeout(() => fail(new Error(`npm start did not print its URL within ${limit / 1000} s`)), limit);
    const fail = (error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n--- npm start output ---\n${output}`));
    };
    const onData = (chunk) => {
      output += chunk;
      if (process.env.E2E_VERBOSE === '1') process.stdout.write(chunk);
      const match = /Local:\s+http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', (chunk) => {
      output += chunk;
      if (process.env.E2E_VERBOSE === '1') process.stderr.write(chunk);
    });
    server.once('error', fail);
    server.once('exit', (code, signal) => fail(new Error(`npm start exited early (code ${code}, signal ${signal})`)));
  });
}

function killServerGroup(signal) {
  if (server?.pid) signalGroup(server.pid, signal);
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Whether any live (non-zombie) process is left in the group; /proc when there is one. */
function groupAlive(pgid) {
  const processes = groupProcesses(pgid);
  if (processes) return processes.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function cleanup() {
  cleaning ??= (async () => {
    await browser?.close().catch(() => {});
    if (server) {
      // SIGTERM to the whole group (npm, sh, node): the server closes PGlite and exits. Wait until
      // every process of the group is gone, not just npm; SIGKILL after 15 s.
      killServerGroup('SIGTERM');
      const deadline = Date.now() + 15_000;
      while (groupAlive(server.pid)) {
        if (Date.now() > deadline) {
          console.log('server did not stop within 15 s of SIGTERM: killing it');
          signalGroup(server.pid, 'SIGKILL');
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    if (dataDir && process.env.E2E_KEEP_DATA !== '1') rmSync(dataDir, {recursive: true, force: true});
  })();
  return cleaning;
}
