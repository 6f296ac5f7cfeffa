/**
 * Browser discovery and launch settings shared by every script that drives a browser
 * (web-test-runner, story smoke test, e2e, bench), so they all find and start the browsers the
 * same way. Debian packages only: nothing here downloads a browser.
 *
 *   import {findChromium, chromiumArgs, howToGet} from './browsers.mjs';
 *   const executablePath = findChromium();
 *   if (!executablePath) throw new Error(howToGet('chromium'));
 *
 * Environment overrides: CHROME_PATH, FIREFOX_PATH, WEBKIT_PATH (MiniBrowser), WEBKIT_DRIVER_PATH.
 * Engine selection (for runners): BROWSERS=chromium,firefox,webkit (default: all three).
 */
import {spawn} from 'node:child_process';
import {accessSync, constants, readdirSync, readFileSync} from 'node:fs';
import {createServer} from 'node:net';

/** @typedef {'chromium' | 'firefox' | 'webkit'} Engine */

/** @type {readonly Engine[]} */
export const ENGINES = Object.freeze(['chromium', 'firefox', 'webkit']);

function executable(path) {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function first(candidates) {
  return candidates.find(executable) ?? null;
}

/** Chromium (or Chrome): CHROME_PATH, then the usual install locations. */
export function findChromium() {
  return first([
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ]);
}

/**
 * Firefox: FIREFOX_PATH, then Debian's firefox-esr. The real binary under /usr/lib, not the
 * /usr/bin shell wrapper: puppeteer must own the process it talks WebDriver BiDi to.
 */
export function findFirefox() {
  return first([
    process.env.FIREFOX_PATH,
    '/usr/lib/firefox-esr/firefox-esr',
    '/usr/lib/firefox/firefox',
  ]);
}

/** WebKitGTK's MiniBrowser: WEBKIT_PATH, then /usr/lib/<triplet>/webkit2gtk-4.x/MiniBrowser. */
export function findMiniBrowser() {
  const candidates = [process.env.WEBKIT_PATH, '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'];
  try {
    for (const triplet of readdirSync('/usr/lib')) {
      let dirs = [];
      try {
        dirs = readdirSync(`/usr/lib/${triplet}`).filter((d) => /^webkit2?gtk-[46]\.\d+$/.test(d));
      } catch {
        continue;
      }
      // Newest API version first (4.1 before 4.0).
      for (const d of dirs.sort().reverse()) candidates.push(`/usr/lib/${triplet}/${d}/MiniBrowser`);
    }
  } catch {
    // no /usr/lib: nothing to add
  }
  return first(candidates);
}

/** WebKitGTK's WebDriver: WEBKIT_DRIVER_PATH, then /usr/bin/WebKitWebDriver. */
export function findWebKitDriver() {
  return first([process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver']);
}

/** Xvfb, needed for WebKit when no DISPLAY is set (MiniBrowser has no headless mode). */
export function findXvfb() {
  return first(['/usr/bin/Xvfb']);
}

/**
 * WebKit needs both MiniBrowser and WebKitWebDriver, and an X display (Xvfb when DISPLAY is unset).
 * @returns {{browser: string, driver: string} | null}
 */
export function findWebKit() {
  const browser = findMiniBrowser();
  const driver = findWebKitDriver();
  if (!browser || !driver) return null;
  if (!process.env.DISPLAY && !findXvfb()) return null;
  return {browser, driver};
}

/** The executable for an engine (for WebKit: MiniBrowser), or null when it is not installed. */
export function findBrowser(/** @type {Engine} */ engine) {
  switch (engine) {
    case 'chromium':
      return findChromium();
    case 'firefox':
      return findFirefox();
    case 'webkit':
      return findWebKit()?.browser ?? null;
    default:
      throw new Error(`unknown engine "${engine}" (known: ${ENGINES.join(', ')})`);
  }
}

/** What to install (or which variable to set) to get an engine. */
export function howToGet(/** @type {Engine} */ engine) {
  switch (engine) {
    case 'chromium':
      return 'Chromium not found: sudo apt-get install -y chromium (or set CHROME_PATH=/path/to/chromium)';
    case 'firefox':
      return 'Firefox not found: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH=/path/to/firefox)';
    case 'webkit': {
      const missing = [];
      if (!findMiniBrowser()) missing.push('MiniBrowser');
      if (!findWebKitDriver()) missing.push('WebKitWebDriver');
      if (!process.env.DISPLAY && !findXvfb()) missing.push('Xvfb (no DISPLAY set)');
      return (
        `WebKit not usable (missing: ${missing.join(', ') || 'nothing?'}): ` +
        'sudo apt-get install -y webkit2gtk-driver xvfb xauth ' +
        '(or set WEBKIT_PATH=/path/to/MiniBrowser and WEBKIT_DRIVER_PATH=/path/to/WebKitWebDriver)'
      );
    }
    default:
      return `unknown engine "${engine}" (known: ${ENGINES.join(', ')})`;
  }
}

/**
 * The engines asked for through BROWSERS (comma separated; default all), validated.
 * @returns {Engine[]}
 */
export function requestedEngines(value = process.env.BROWSERS) {
  if (!value || !value.trim()) return [...ENGINES];
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((s) => (s === 'chrome' ? 'chromium' : s));
  const unknown = names.filter((n) => !ENGINES.includes(/** @type {Engine} */ (n)));
  if (unknown.length) throw new Error(`BROWSERS: unknown engine(s) ${unknown.join(', ')} (known: ${ENGINES.join(', ')})`);
  return /** @type {Engine[]} */ ([...new Set(names)]);
}

/**
 * Flags every script passes to Chromium (see TOOLCHAIN.md). `--no-sandbox` is needed as root and in
 * most containers; these browsers only ever load the project's own local pages.
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]);

/**
 * The Chromium argument list. Launchers that add their own headless flag (puppeteer, playwright)
 * can pass `{headless: false}` here and keep their `headless: true` option.
 */
export function chromiumArgs({headless = true} = {}) {
  return headless ? ['--headless', ...CHROMIUM_FLAGS] : [...CHROMIUM_FLAGS];
}

/** A free TCP port on localhost. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const {port} = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Helper processes started here (Xvfb, WebKitWebDriver) run in their own process groups. If the
 * caller exits without stopping them (a runner that fails at start-up, an uncaught error), the
 * 'exit' hook below still ends them, so none is left behind.
 */
const started = new Set();
let exitHook = false;
function track(child) {
  started.add(child);
  child.once('exit', () => started.delete(child));
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const c of started) killGroup(c, 'SIGTERM');
    });
  }
}

/**
 * `promise`, or a rejection with `message` after `ms` if it has not settled by then (its own later
 * rejection is then ignored: nobody waits for it any more).
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} message
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, message) {
  promise.catch(() => {});
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The live (not zombie) processes of a process group, read from /proc (Linux; no procps needed: a
 * bare Debian image has no pgrep), or null where there is no /proc. `comm` is the kernel's name of
 * the process, cut at 15 characters ("WebKitWebProces").
 * @param {number} pgid
 * @returns {{pid: number, comm: string}[] | null}
 */
export function groupProcesses(pgid) {
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const found = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') {
      found.push({pid: Number(entry), comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))});
    }
  }
  return found;
}

function killGroup(child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function waitExit(child, ms) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/**
 * Makes sure an X display exists for MiniBrowser: the current DISPLAY, or a new Xvfb on a free
 * display number (Xvfb picks it through -displayfd). `stop()` ends the Xvfb it started.
 * @returns {Promise<{display: string, started: boolean, stop(): Promise<void>}>}
 */
export async function ensureDisplay() {
  if (process.env.DISPLAY) return {display: process.env.DISPLAY, started: false, stop: async () => {}};
  const xvfb = findXvfb();
  if (!xvfb) throw new Error(howToGet('webkit'));
  const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  track(child);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start within 10 s\n${stderr}`)), 10_000);
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code}\n${stderr}`));
    });
  });
  child.unref();
  return {
    display,
    started: true,
    async stop() {
      killGroup(child);
      await waitExit(child, 3000);
    },
  };
}

/**
 * Starts WebKitWebDriver on a free port, in its own process group so that stopping it also ends
 * any MiniBrowser (and WebKit helper processes) it launched.
 * @param {{display: string, driver?: string}} options
 * @returns {Promise<{port: number, stop(): Promise<void>}>}
 */
export async function startWebKitDriver({display, driver = findWebKitDriver() ?? undefined}) {
  if (!driver) throw new Error(howToGet('webkit'));
  const port = await freePort();
  const child = spawn(driver, [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
    env: {...process.env, DISPLAY: display},
  });
  track(child);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}\n${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      killGroup(child, 'SIGKILL');
      throw new Error(`WebKitWebDriver did not answer on port ${port} within 10 s\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.unref();
  child.stderr.unref?.();
  return {
    port,
    /** The process group of the driver and the browsers it started. */
    pid: child.pid,
    async stop() {
      killGroup(child);
      await waitExit(child, 3000);
    },
    /** SIGKILL to the whole group, for a browser that no longer answers (a stopped process ignores SIGTERM until continued). */
    async kill() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await waitExit(child, 3000);
    },
  };
}

/** WebDriver capabilities for WebKitGTK's MiniBrowser (classic WebDriver; BiDi is refused). */
export function webkitCapabilities(browser = findMiniBrowser()) {
  return {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': {binary: browser, args: ['--automation']},
    'wdio:enforceWebDriverClassic': true,
  };
}
