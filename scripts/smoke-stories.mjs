#!/usr/bin/env node
/**
 * Story smoke test: `node scripts/smoke-stories.mjs` (after `npm run build-storybook`). The sandbox
 * is TypeScript: the script registers tsx itself (`node --import tsx …` works the same).
 *
 * Serves storybook-static/ and the sandbox API on ONE origin (node:http + nodeMiddleware), reads
 * index.json and opens every story (`iframe.html?id=…&viewMode=story`) in Chromium (playwright-core,
 * found through scripts/browsers.mjs). Per story it waits for Storybook to render, then for the page
 * to settle (no request in flight for 500 ms — a live event stream does not count —, no `aria-busy="true"` and no `data-state="loading"`
 * left, shadow roots included), then runs axe (wcag2a + wcag2aa) on #storybook-root.
 *
 * Every story is checked in eight combinations of the toolbar's globals: en light, en dark, nl light,
 * nl dark, then de, fr, es and ar light (Arabic must show right to left). The story is loaded once
 * (en light, the default globals); the others are switched IN PLACE, exactly as the global decorator would render them (`<story-frame>`'s `scheme`, the decorator's
 * `<reseller-provider locale>`), then the page settles again and axe runs again. A story without the
 * decorator's frame falls back to a reload with `&globals=locale:…;theme:…`.
 *
 * Strict CSP + Trusted Types: every page is served with the kit's policy (CONTENT_SECURITY_POLICY from
 * scripts/serve.ts) plus only what Storybook's own preview iframe needs, see `storybookPolicy()`. A
 * `securitypolicyviolation` listener (installed before any page script) records every violation; each
 * is attributed to Storybook (its own files and inline blocks) or to the kit (everything else,
 * including anything that cannot be attributed). Any kit violation fails the story.
 *
 * A story fails on: a Storybook error display, a page error, a console error, a missing-string
 * warning of the kit (`reseller-elements: missing string …`), an axe violation in any combination, a CSP/Trusted Types violation, or not settling within the timeout. Stories tagged
 * `http-errors` (API down, no token, …) may log the browser's own "Failed to load resource: … status
 * of NNN" lines; nothing else.
 *
 * Docs pages (index.json entries of type "docs": Getting Started and every element's autodocs page,
 * `iframe.html?id=…&viewMode=docs`) are opened too, with every story of the element rendered inline
 * under the same policy. A docs page fails on: a Storybook error display, a page error, a console
 * error (HTTP status lines only when one of its stories is tagged `http-errors`), a kit CSP/Trusted
 * Types violation (Storybook's docs blocks style the page at run time: theirs are counted, not
 * failed), no heading, or an element page whose table lacks a row for one of the element's
 * attributes, properties, events, slots, CSS custom properties or parts in custom-elements.json. It
 * waits for the page and its table, not for every inline story (each story is checked on its own
 * above), and runs no axe (Storybook's docs chrome is not the kit). `--filter` applies to docs ids
 * too; `--no-docs` skips the docs pages.
 *
 * A full run (no --filter) writes reports/reliability/a11y-stories.json (one cell per story ×
 * combination) and reports/reliability/csp-stories.json (one cell per story), see
 * scripts/reliability-report.mjs; the cells record the same checks that fail the run.
 *
 * Options: `--filter <text>` runs the stories whose id contains the text; `--timeout <ms>` per story
 * (default 30000); `--concurrency <n>` stories at once, each on its own page (browser contexts are reused, storage cleared between stories) on its own
 * fresh tenant (default SMOKE_CONCURRENCY or 2; docs pages at most 2 at once); `--static-dir <path>` serves another Storybook build (default storybook-static/);
 * `--verbose` prints the timings and the text each story shows. Prints one line per story and a final `N passed, N failed` line; exits 1 on any failure.
 */
import {createHash} from 'node:crypto';
import {createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {chromiumArgs, findChromium, howToGet} from './browsers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const staticDir = resolve(option('--static-dir', join(root, 'storybook-static')));
const filter = option('--filter', '');
const verbose = argv.includes('--verbose');
const storyTimeout = Number(option('--timeout', '30000'));
/**
 * Stories checked at once: `--concurrency N`, else SMOKE_CONCURRENCY, else 2. A story spends much of
 * its time waiting (quiet windows, Lit updates, transitions, a fresh tenant), but on a quiet 2-core
 * machine 2 at once already keep ~1.6 cores busy: 3 at once was not faster there, and 4 pushed stories
 * past their 30 s bound on a loaded machine. Figures: docs/testing.md.
 */
const concurrency = Math.max(1, Math.trunc(Number(option('--concurrency', process.env.SMOKE_CONCURRENCY || '2'))) || 1);
/**
 * Docs pages checked at once: at most 2. A docs page renders every story of its element inline (up
 * to 18, each creating a tenant) and computes without waiting; 4 at once on a loaded 2-core machine
 * ran past their bound (`page.waitForSelector: Timeout`) where 2 at once pass.
 */
const docsConcurrency = Math.min(concurrency, 2);
const SETTLE_QUIET_MS = 500;
const HTTP_ERROR_LINE = /^Failed to load resource: the server responded with a status of \d{3}/;
/** After an in-place switch: a shorter quiet window (the page is loaded; a switch that fetches shows up as a request). */
const SWITCH_QUIET_MS = 150;
/**
 * The combinations of the toolbar's globals; the first is the default the story loads with. English
 * and Dutch in both schemes; the other shipped locales once each, light only (the scheme is
 * independent of the language; this keeps the added CI time to one in-place switch per locale).
 */
const COMBOS = [
  {locale: 'en', theme: 'light'},
  {locale: 'en', theme: 'dark'},
  {locale: 'nl', theme: 'light'},
  {locale: 'nl', theme: 'dark'},
  {locale: 'de', theme: 'light'},
  {locale: 'fr', theme: 'light'},
  {locale: 'es', theme: 'light'},
  {locale: 'ar', theme: 'light'},
].map((combo) => ({...combo, rtl: combo.locale === 'ar', label: `${combo.locale} ${combo.theme}`}));
/** The LocaleController's warning for a string a locale lacks (src/controllers/locale-controller.ts). */
const MISSING_STRING = /^reseller-elements: missing string /;


const started = performance.now();
const indexPath = join(staticDir, 'index.json');
if (!existsSync(indexPath)) {
  console.error('storybook-static/index.json not found: run `npm run build-storybook` first.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error(howToGet('chromium'));
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const stories = Object.values(JSON.parse(readFileSync(indexPath, 'utf8')).entries)
  .filter((entry) => entry.type === 'story' && entry.id.includes(filter))
  .sort((a, b) => a.id.localeCompare(b.id));
const indexEntries = Object.values(JSON.parse(readFileSync(indexPath, 'utf8')).entries);
// `--no-docs`: stories only.
const docsPages = argv.includes('--no-docs')
  ? []
  : indexEntries.filter((entry) => entry.type === 'docs' && entry.id.includes(filter)).sort((a, b) => a.id.localeCompare(b.id));

// ---------------------------------------------------------------------------------------------
// One origin: the static Storybook and the sandbox API

// The sandbox is TypeScript: register tsx (a no-op when already run with `node --import tsx`).
const {register} = await import('tsx/esm/api');
register();
// The browser starts while the sandbox does (PGlite's initdb is the slow part).
const launching = chromium.launch({executablePath, args: chromiumArgs({headless: false}), headless: true});
const {createSandbox} = await import('../sandbox/index.ts');
const {nodeMiddleware} = await import('../sandbox/node.ts');
const {HARNESS_CONTROL} = await import('../sandbox/control.ts');
// Control API on, its admin secret added to the stories' control requests (harness only).
const sandbox = await createSandbox({dataDir: null, seed: false, control: HARNESS_CONTROL});
const sandboxMiddleware = nodeMiddleware(sandbox, {injectAdminSecret: true});
const {CONTENT_SECURITY_POLICY} = await import('./serve.ts');

/**
 * The policy the stories run under: the kit's own (the one `npm start` serves the demo with) plus
 * what Storybook's preview iframe (iframe.html) genuinely needs, nothing else:
 * - script-src: the sha256 of each of iframe.html's inline `<script>` blocks (Storybook's CONFIG_TYPE
 *   / LOGLEVEL globals, the devtools hook, Vite's loading-error handler). Hashes allow exactly those
 *   bytes: no 'unsafe-inline', no 'unsafe-eval'.
 * - style-src: the sha256 of each inline `<style>` block (the Nunito Sans @font-face rules and the
 *   preview's layout/error-display CSS).
 * - trusted-types: `default`, the harness's policy for Storybook's renderer (see installHarness();
 *   Storybook creates no policy itself: the build's only `createPolicy` is lit-html's).
 * (.storybook/main.ts turns off Storybook's highlight overlay, which no story uses: it builds a
 * `<style>` at run time and assigns innerHTML.)
 */
function storybookPolicy() {
  const html = readFileSync(join(staticDir, 'iframe.html'), 'utf8');
  const hashes = (tag) =>
    [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))]
      .filter((m) => !/\ssrc=/.test(m[1] ?? '') && m[2].length > 0)
      .map((m) => `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`);
  const extra = {'script-src': hashes('script'), 'style-src': hashes('style'), 'trusted-types': ['default']};
  return CONTENT_SECURITY_POLICY.split(';')
    .map((directive) => directive.trim())
    .map((directive) => {
      const name = directive.split(/\s+/)[0];
      return extra[name]?.length ? `${directive} ${extra[name].join(' ')}` : directive;
    })
    .join('; ');
}
const STORYBOOK_CSP = storybookPolicy();

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

function serveStatic(req, res) {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = normalize(join(staticDir, pathname));
  if (!file.startsWith(staticDir + sep) && file !== staticDir) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (pathname === '/favicon.ico' && !existsSync(file)) {
    // Chromium asks for it on its own; the static build has none (a 404 would log a console error).
    res.writeHead(204).end();
    return;
  }
  if (!existsSync(file)) {
    res.writeHead(404, {'content-type': 'text/plain'}).end('not found');
    return;
  }
  // The build does not change during a run: its scripts, styles and fonts are cached by the browser
  // context that loads them (each worker reuses one context, see `withContext()`), so a story's load
  // compiles Storybook's and the kit's code from V8's code cache instead of from the network. The
  // HTML (it carries the policy) and index.json are always fetched again.
  const cacheable = !['.html', '.json'].includes(extname(file));
  const headers = {'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cacheable ? 'public, max-age=3600' : 'no-store'};
  if (extname(file) === '.html') headers['content-security-policy'] = STORYBOOK_CSP;
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}

const server = createServer((req, res) => {
  sandboxMiddleware(req, res, (error) => {
    if (error) {
      res.writeHead(500, {'content-type': 'text/plain'}).end(String(error));
      return;
    }
    serveStatic(req, res);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
console.log(`storybook-static + sandbox on ${origin} (${since()})`);

// ---------------------------------------------------------------------------------------------
// The browser

const browser = await launching;
console.log(`Chromium ${browser.version()} (${since()}); ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}`);
const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function shutdown() {
  await browser.close().catch(() => {});
  await new Promise((resolve) => server.close(resolve));
  server.closeAllConnections?.();
  await sandbox.close().catch(() => {});
}
process.once('SIGINT', () => shutdown().then(() => process.exit(130)));
process.once('SIGTERM', () => shutdown().then(() => process.exit(143)));

/** In the page: is anything inside #storybook-root (shadow roots included) still loading? */
function pageBusy() {
  const busy = [];
  const visit = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.getAttribute('aria-busy') === 'true' || el.getAttribute('data-state') === 'loading') busy.push(el.localName);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  const rootEl = document.querySelector('#storybook-root');
  if (rootEl) visit(rootEl);
  return busy;
}

/** In the page: the text the story shows, shadow roots included (for --verbose). */
function pageText() {
  const parts = [];
  const visit = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent.trim());
      else if (child.nodeType === Node.ELEMENT_NODE && !['STYLE', 'SCRIPT'].includes(child.nodeName)) {
        if (child.shadowRoot) visit(child.shadowRoot);
        visit(child);
      }
    }
  };
  const rootEl = document.querySelector('#storybook-root');
  if (rootEl) visit(rootEl);
  return parts.filter(Boolean).join(' ').slice(0, 300);
}

/**
 * Before any page script (an init script is not subject to the page's policy):
 * - record every CSP / Trusted Types violation;
 * - Storybook's web-components renderer mounts each story with
 *   `canvas.innerHTML = '<div id="root-inner"></div>'` and creates no Trusted Types policy, so under
 *   `require-trusted-types-for 'script'` it needs a `default` policy. This one converts exactly that
 *   fixed string and the empty string (clearing) and rejects everything else (a violation): no markup
 *   of the kit's or a story's can pass through it, and a second `default` policy cannot be created.
 */
function installHarness() {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      window.__cspViolations.push({
        directive: event.effectiveDirective || event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        column: event.columnNumber,
        sample: event.sample,
      }),
    true,
  );
  const storybookMarkup = new Set(['', '<div id="root-inner"></div>']);
  window.trustedTypes?.createPolicy('default', {createHTML: (value) => (storybookMarkup.has(value) ? value : null)});
}

/** Storybook's own files (the manager, the mocker entry, its docs/UI chunks) and its inline blocks in iframe.html. */
const STORYBOOK_SOURCE = /\/(sb-[\w-]+\/|vite-inject-mocker-entry\.js|iframe\.html|assets\/(DocsRenderer|syntaxhighlighter|WithTooltip|Color|formatter)-)/;
/** Where a violation comes from: Storybook when its source is one of Storybook's own files; the kit otherwise (unattributable counts as the kit's). */
const violationOwner = (violation) => (violation.source && STORYBOOK_SOURCE.test(new URL(violation.source, origin).pathname) ? 'storybook' : 'kit');
const describeViolation = (v) =>
  `${v.directive}${v.blocked ? ` blocked ${v.blocked}` : ''}${v.source ? ` at ${v.source.replace(origin, '')}:${v.line}:${v.column}` : ''}${v.sample ? ` "${v.sample.slice(0, 80)}"` : ''}`;

/**
 * In the page: switch the decorator's frame to `combo` in place, as the decorator renders the
 * globals (`<story-frame .scheme>` and its `dir` for a right-to-left locale, `<reseller-provider
 * locale>`). Returns false when the story has
 * no decorator frame (the caller reloads with the globals in the URL instead).
 */
function switchInPlace({locale, theme, rtl}) {
  const frame = document.querySelector('#storybook-root story-frame');
  const provider = frame?.querySelector(':scope > reseller-provider');
  if (!frame || !provider) return false;
  frame.scheme = theme;
  if (rtl) frame.setAttribute('dir', 'rtl');
  else frame.removeAttribute('dir');
  provider.setAttribute('locale', locale);
  return true;
}

/**
 * In the page: wait until every Lit element inside #storybook-root (shadow roots included) finished
 * updating, twice over, then until the CSS transitions the switch started (buttons fade their
 * colours over 150 ms) have ended: axe measuring contrast mid-fade would read mixed colours.
 */
async function renderSettled() {
  const rootEl = document.querySelector('#storybook-root') ?? document;
  const roots = () => {
    const found = [document];
    const visit = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.shadowRoot) {
          found.push(el.shadowRoot);
          visit(el.shadowRoot);
        }
      }
    };
    visit(rootEl);
    return found;
  };
  for (let round = 0; round < 2; round++) {
    const pending = [];
    const visit = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.updateComplete) pending.push(el.updateComplete);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(rootEl);
    await Promise.all(pending);
  }
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  await frame();
  const finite = roots()
    .flatMap((root) => root.getAnimations())
    .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
  await Promise.all(finite.map((animation) => animation.finished.catch(() => {})));
  await frame();
  await frame();
}

/** In the page: the combination really shown (colour scheme computed on the frame, the provider's locale). */
function shownCombo() {
  const frame = document.querySelector('#storybook-root story-frame');
  const provider = frame?.querySelector(':scope > reseller-provider') ?? document.querySelector('#storybook-root reseller-provider');
  return {
    theme: frame ? getComputedStyle(frame).colorScheme : null,
    locale: provider?.getAttribute('locale') ?? null,
    direction: getComputedStyle(provider ?? document.querySelector('#storybook-root') ?? document.body).direction,
  };
}

async function runAxe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run('#storybook-root', {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}, resultTypes: ['violations']});
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} [${v.nodes.map((n) => n.target.join(' > ')).slice(0, 3).join(', ')}]`);
  });
}

/**
 * Browser contexts, one per worker at most, reused from story to story: their HTTP cache (and so
 * V8's code cache) is what makes a story's load fast. Each story gets a new page; when it ends its
 * origin's storage is cleared and its page closed, so the next story starts with no cookie, no
 * localStorage or sessionStorage entry and no document of the previous one (and on its own fresh
 * sandbox tenant, which Storybook's loader creates per load). A context whose page crashed is
 * dropped, not reused.
 */
const idleContexts = [];
async function withContext(use) {
  let context = idleContexts.pop();
  if (!context) {
    context = await browser.newContext();
    await context.addInitScript(installHarness);
  }
  const page = await context.newPage();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  try {
    return await use(page);
  } finally {
    const cleared = !crashed && (await page
      .evaluate(() => {
        localStorage.clear();
        sessionStorage.clear();
        return localStorage.length === 0 && sessionStorage.length === 0;
      })
      .catch(() => false));
    await context.clearCookies().catch(() => {});
    await page.close().catch(() => {});
    // A page that could not clear its storage (crashed, or never reached the origin) leaves its context unused.
    if (cleared) idleContexts.push(context);
    else await context.close().catch(() => {});
  }
}

function runStory(story) {
  return withContext((page) => checkStory(story, page));
}

async function checkStory(story, page) {
  /** Problems per combination label; `story` holds those that belong to no single combination. */
  const problems = Object.fromEntries([...COMBOS.map((c) => [c.label, []]), ['story', []]]);
  let current = COMBOS[0].label;
  const axeCounts = {};
  const allowHttpErrors = story.tags?.includes('http-errors');
  page.on('pageerror', (error) => problems[current].push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'warning' && MISSING_STRING.test(text)) problems[current].push(`missing string: ${text}`);
    if (message.type() !== 'error') return;
    if (allowHttpErrors && HTTP_ERROR_LINE.test(text)) return;
    const where = message.location()?.url;
    problems[current].push(`console error: ${text}${where && HTTP_ERROR_LINE.test(text) ? ` (${where.replace(origin, '')})` : ''}`);
  });
  let inflight = 0;
  let lastActivity = performance.now();
  /**
   * Requests that count as loading. A live event stream (`Accept: text/event-stream`, a story under
   * `<reseller-provider live>`) stays open as long as the page does: it is not loading, and would
   * never let the page settle. The requests its events cause count like any other.
   */
  const counted = new WeakSet();
  /** Wakes settle() on a counted request's start or end (see `untilActivity`). */
  let wake = null;
  const activity = () => {
    lastActivity = performance.now();
    wake?.();
  };
  const done = (request) => {
    if (!counted.has(request)) return;
    counted.delete(request);
    inflight = Math.max(0, inflight - 1);
    activity();
  };
  page.on('request', (request) => {
    if ((request.headers().accept ?? '').includes('text/event-stream')) return;
    counted.add(request);
    inflight++;
    activity();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);

  let shown = '';
  /** Each combination (the load, then each switch) gets the full timeout. */
  let deadline = performance.now() + storyTimeout;
  const start = performance.now();
  const storyUrl = (combo) =>
    `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story${combo ? `&globals=locale:${combo.locale};theme:${combo.theme}` : ''}`;

  /** Storybook marks the body: sb-show-main once the story rendered, sb-show-errordisplay on error. */
  async function waitForStory() {
    await page.waitForFunction(
      () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
      null,
      {timeout: Math.max(1000, deadline - performance.now())},
    );
    const errorDisplay = await page.evaluate(() =>
      document.body.classList.contains('sb-show-errordisplay')
        ? `${document.querySelector('#error-message')?.textContent ?? ''} ${document.querySelector('#error-stack')?.textContent ?? ''}`.trim()
        : null,
    );
    if (errorDisplay !== null) throw new Error(`Storybook error display: ${errorDisplay.slice(0, 500)}`);
  }

  /** Resolves after `ms`, or sooner when a counted request starts or ends. */
  const untilActivity = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, Math.max(0, ms));
      wake = () => {
        wake = null;
        clearTimeout(timer);
        resolve();
      };
    });

  /**
   * Settle: nothing in flight for `quietMs`, nothing marked as loading. Waits for the condition,
   * not in fixed steps: with requests in flight it sleeps until one ends; when none is in flight, until
   * the quiet window would be over (a request starting meanwhile wakes it and restarts the window);
   * while something is still marked as loading (no request to wait for), it looks again every 50 ms.
   */
  async function settle(quietMs) {
    let busy = [];
    for (;;) {
      const quietFor = performance.now() - lastActivity;
      let wait = 50;
      if (inflight > 0) wait = deadline - performance.now();
      else if (quietFor < quietMs) wait = quietMs - quietFor;
      else {
        const since = lastActivity;
        busy = await page.evaluate(pageBusy);
        // A request that started while pageBusy ran restarts the window.
        if (!busy.length && inflight === 0 && lastActivity === since) return;
      }
      if (performance.now() > deadline) {
        throw new Error(`did not settle within ${storyTimeout} ms (${inflight} request(s) in flight${busy.length ? `; loading: ${busy.join(', ')}` : ''})`);
      }
      await untilActivity(Math.min(wait, deadline - performance.now() + 1));
    }
  }

  const timings = [];
  const violations = [];
  const collectViolations = async () => {
    const list = await page.evaluate(() => window.__cspViolations.splice(0)).catch(() => []);
    for (const v of list) {
      violations.push(v);
      if (violationOwner(v) === 'kit') problems[current].push(`CSP/Trusted Types violation (kit): ${describeViolation(v)}`);
    }
  };

  for (const [index, combo] of COMBOS.entries()) {
    current = combo.label;
    const comboStart = performance.now();
    deadline = comboStart + storyTimeout;
    try {
      if (index === 0) {
        await page.goto(storyUrl(null), {timeout: storyTimeout});
        await waitForStory();
        await settle(SETTLE_QUIET_MS);
        const empty = await page.evaluate(() => !document.querySelector('#storybook-root')?.children.length);
        if (empty) throw new Error('the story rendered nothing');
      } else if (await page.evaluate(switchInPlace, combo)) {
        await page.evaluate(renderSettled);
        await settle(SWITCH_QUIET_MS);
      } else {
        await page.goto(storyUrl(combo), {timeout: storyTimeout});
        await waitForStory();
        await settle(SETTLE_QUIET_MS);
      }
      const seen = await page.evaluate(shownCombo);
      // A story that pins a global (e.g. `globals: {theme: 'dark'}`) shows its own value on load;
      // the switches after it are checked to have taken effect.
      if (index > 0 && (seen.theme !== combo.theme || seen.locale !== combo.locale)) {
        problems[current].push(`switch did not take effect: shows ${seen.locale} ${seen.theme}`);
      }
      if (index > 0 && seen.locale === combo.locale && seen.direction !== (combo.rtl ? 'rtl' : 'ltr')) {
        problems[current].push(`${combo.locale} shows ${seen.direction}, not ${combo.rtl ? 'rtl' : 'ltr'}`);
      }
      await collectViolations();
      const axe = await runAxe(page);
      axeCounts[combo.label] = axe.length;
      for (const v of axe) problems[current].push(`axe: ${v}`);
      if (verbose && (index === 0 || combo.label === 'nl light')) shown += `${index ? '\n    shows (nl): ' : ''}${await page.evaluate(pageText)}`;
      timings.push(`${combo.label} ${Math.round(performance.now() - comboStart)} ms`);
    } catch (error) {
      problems[current].push(error.message.split('\n')[0]);
      if (index === 0) break;
    }
  }
  // Violations raised while axe ran (after the last collection) still count.
  await collectViolations();
  if (problems[COMBOS[0].label].length && !(COMBOS[1].label in axeCounts)) {
    for (const combo of COMBOS.slice(1)) problems[combo.label].push('not checked: the story failed to load');
  }
  const kitViolations = violations.filter((v) => violationOwner(v) === 'kit');
  const storybookViolations = violations.filter((v) => violationOwner(v) === 'storybook');
  return {
    id: story.id,
    title: `${story.title} / ${story.name}`,
    ms: Math.round(performance.now() - start),
    problems,
    axeCounts,
    csp: {kit: kitViolations.map(describeViolation), storybook: storybookViolations.map(describeViolation), loaded: COMBOS[0].label in axeCounts},
    shown,
    timings,
  };
}

// ---------------------------------------------------------------------------------------------
// Docs pages

/**
 * Storybook's docs blocks (its `blocks-*.js` chunk) style the page at run time (emotion): under the
 * kit's policy those inline styles are blocked. That is Storybook's docs chrome, not the kit: such
 * violations (and the console lines reporting them) are counted as Storybook's; the kit's still fail.
 */
const DOCS_STORYBOOK_SOURCE = /\/assets\/blocks-[\w-]+\.js$/;
const docsViolationOwner = (v) =>
  violationOwner(v) === 'storybook' || (v.source && DOCS_STORYBOOK_SOURCE.test(new URL(v.source, origin).pathname)) ? 'storybook' : 'kit';
const fromStorybook = (url) => {
  if (!url) return false;
  const pathname = new URL(url, origin).pathname;
  return STORYBOOK_SOURCE.test(pathname) || DOCS_STORYBOOK_SOURCE.test(pathname);
};

/** In the page: the heading and the name cell of every row of the docs page's argument tables. */
function docsContent() {
  const rows = [...document.querySelectorAll('#storybook-docs table.docblock-argstable tbody tr')]
    .map((tr) => tr.cells[0]?.innerText.trim().split('\n')[0] ?? '')
    .filter(Boolean);
  return {heading: document.querySelector('#storybook-docs h1')?.textContent.trim() ?? '', rows};
}

/** Row names an element's docs table must have: everything custom-elements.json documents. */
async function expectedDocsRows() {
  const {docsId, manifestElements, storyTitles} = await import('./editor-data.mjs');
  const manifestPath = join(root, 'dist/custom-elements.json');
  if (!existsSync(manifestPath)) return null;
  const elements = manifestElements(JSON.parse(readFileSync(manifestPath, 'utf8')));
  const byDocsId = new Map();
  for (const [tag, title] of Object.entries(storyTitles())) {
    const d = elements.find((e) => e.tagName === tag);
    if (!d) continue;
    const withAttribute = new Set((d.attributes ?? []).map((a) => a.fieldName).filter(Boolean));
    const names = [
      ...(d.attributes ?? []).map((a) => a.name),
      ...(d.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.name.startsWith('#') && (m.privacy ?? 'public') === 'public' && !withAttribute.has(m.name))
        .map((m) => m.name),
      ...(d.events ?? []).filter((e) => e.name).map((e) => e.name),
      ...(d.slots ?? []).map((s) => s.name || '(default)'),
      ...(d.cssProperties ?? []).map((p) => p.name),
      ...(d.cssParts ?? []).map((p) => p.name),
    ];
    byDocsId.set(docsId(title), {tag, names: [...new Set(names)]});
  }
  return byDocsId;
}

function runDocs(entry, expected) {
  return withContext((page) => checkDocs(entry, expected, page));
}

async function checkDocs(entry, expected, page) {
  const problems = [];
  // The page renders every story of its element inline: their HTTP errors are allowed as in story mode.
  const allowHttpErrors = indexEntries.some((s) => s.type === 'story' && s.title === entry.title && s.tags?.includes('http-errors'));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'warning' && MISSING_STRING.test(text)) problems.push(`missing string: ${text}`);
    if (message.type() !== 'error') return;
    if (allowHttpErrors && HTTP_ERROR_LINE.test(text)) return;
    if (/Content Security Policy/.test(text) && fromStorybook(message.location()?.url)) return; // recorded as Storybook's violation below
    problems.push(`console error: ${text}`);
  });
  const start = performance.now();
  // A docs page prepares every story of its element: twice a story's time.
  const deadline = start + 2 * storyTimeout;
  let rows = 0;
  let storybookViolations = 0;
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`, {timeout: storyTimeout});
    await page.waitForFunction(
      () => document.querySelector('#storybook-docs h1') || document.body.classList.contains('sb-show-errordisplay'),
      null,
      {timeout: Math.max(1000, deadline - performance.now())},
    );
    const errorDisplay = await page.evaluate(() =>
      document.body.classList.contains('sb-show-errordisplay') ? (document.querySelector('#error-message')?.textContent ?? '').trim() : null,
    );
    if (errorDisplay !== null) throw new Error(`Storybook error display: ${errorDisplay.slice(0, 500)}`);
    // The page and its table, not every inline story (each story is checked on its own above).
    const want = expected?.get(entry.id);
    if (want) await page.waitForSelector('#storybook-docs table.docblock-argstable tbody tr', {timeout: Math.max(1000, deadline - performance.now())});
    await page.waitForTimeout(SETTLE_QUIET_MS);
    const content = await page.evaluate(docsContent);
    rows = content.rows.length;
    if (!content.heading) problems.push('the docs page shows no heading');
    if (want) {
      const shown = new Set(content.rows);
      const missing = want.names.filter((name) => !shown.has(name));
      if (missing.length) problems.push(`the <${want.tag}> table lacks rows from custom-elements.json: ${missing.join(', ')}`);
    }
    const violations = await page.evaluate(() => window.__cspViolations.splice(0)).catch(() => []);
    for (const v of violations.filter((v) => docsViolationOwner(v) === 'kit')) problems.push(`CSP/Trusted Types violation (kit): ${describeViolation(v)}`);
    const theirs = violations.filter((v) => docsViolationOwner(v) === 'storybook');
    storybookViolations = theirs.length;
    if (verbose) for (const v of theirs) console.log(`    Storybook CSP: ${describeViolation(v)}`);
  } catch (error) {
    problems.push(error.message.split('\n')[0]);
  }
  return {id: entry.id, ms: Math.round(performance.now() - start), rows, problems, storybookViolations};
}

// ---------------------------------------------------------------------------------------------
// Report cells (scripts/reliability-report.mjs merges reports/reliability/*.json into docs/reliability.md)

function writeReports(results) {
  const dir = join(root, 'reports', 'reliability');
  mkdirSync(dir, {recursive: true});
  const generated_at = new Date().toISOString();
  const a11yCells = results.flatMap((result) =>
    COMBOS.map((combo) => {
      const list = result.problems[combo.label];
      return {
        row: result.id,
        column: combo.label,
        passed: list.length === 0,
        detail: list.length ? list.join('; ').slice(0, 600) : `axe wcag2a+wcag2aa: 0 violations; no page or console error`,
      };
    }),
  );
  const cspCells = results.map((result) => ({
    row: result.id,
    column: 'strict CSP + Trusted Types',
    passed: result.csp.loaded && result.csp.kit.length === 0,
    detail: result.csp.loaded
      ? `kit violations: ${result.csp.kit.length}; Storybook violations: ${result.csp.storybook.length}` +
        (result.csp.kit.length || result.csp.storybook.length ? ` (${[...result.csp.kit, ...result.csp.storybook].join('; ').slice(0, 400)})` : '')
      : 'not checked: the story failed to load',
  }));
  writeFileSync(join(dir, 'a11y-stories.json'), `${JSON.stringify({suite: 'a11y-stories', area: 'Accessibility', generated_at, cells: a11yCells}, null, 2)}\n`);
  writeFileSync(join(dir, 'csp-stories.json'), `${JSON.stringify({suite: 'csp-stories', area: 'CSP', generated_at, cells: cspCells}, null, 2)}\n`);
  console.log(`wrote reports/reliability/a11y-stories.json (${a11yCells.length} cells) and csp-stories.json (${cspCells.length} cells)`);
}

/**
 * Runs `run` over `items`, `concurrency` at a time, and hands each result to `report` in the items'
 * order (a result that finishes early waits for those before it), so the log reads the same at any
 * concurrency.
 */
async function inOrder(items, run, report, atOnce = concurrency) {
  const pending = items.map(() => null);
  let next = 0;
  let reported = 0;
  const flush = () => {
    while (reported < items.length && pending[reported]) report(pending[reported++].value);
  };
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      pending[i] = {value: await run(items[i])};
      flush();
    }
  };
  await Promise.all(Array.from({length: Math.min(atOnce, items.length)}, worker));
}

// ---------------------------------------------------------------------------------------------

let passed = 0;
let failed = 0;
const results = [];
try {
  if (!stories.length) console.log(filter ? `no story id contains "${filter}"` : 'no stories in storybook-static/index.json');
  console.log(`each story in ${COMBOS.map((c) => c.label).join(', ')}; ${concurrency} at a time (docs pages ${docsConcurrency}); policy: ${STORYBOOK_CSP}`);
  // Stories run `concurrency` at a time (each on its own page, storage cleared, on its own fresh tenant,
  // so they share nothing); results are printed in index order as they complete.
  await inOrder(stories, runStory, (result) => {
    results.push(result);
    const failing = Object.entries(result.problems).filter(([, list]) => list.length);
    const cspNote = result.csp.storybook.length ? `; Storybook CSP violations: ${result.csp.storybook.length}` : '';
    if (failing.length) {
      failed++;
      console.log(`✗ ${result.id} (${result.ms} ms${cspNote})`);
      for (const [where, list] of failing) for (const problem of list) console.log(`    [${where}] ${problem}`);
    } else {
      passed++;
      console.log(`✓ ${result.id} (${result.ms} ms, ${COMBOS.length} combinations${cspNote})${verbose ? `\n    ${result.timings.join(', ')}\n    shows: ${result.shown}` : ''}`);
    }
    if (verbose && result.csp.storybook.length) for (const v of result.csp.storybook) console.log(`    Storybook CSP: ${v}`);
  });
  const expected = docsPages.length ? await expectedDocsRows() : null;
  if (docsPages.length && !expected) console.log('dist/custom-elements.json not found: docs tables not compared with the manifest');
  await inOrder(docsPages, (entry) => runDocs(entry, expected), (result) => {
    if (result.problems.length) {
      failed++;
      console.log(`✗ ${result.id} (docs, ${result.ms} ms)`);
      for (const problem of result.problems) console.log(`    ${problem}`);
    } else {
      passed++;
      console.log(`✓ ${result.id} (docs, ${result.ms} ms${result.rows ? `, ${result.rows} table rows` : ''}${result.storybookViolations ? `; Storybook CSP violations: ${result.storybookViolations}` : ''})`);
    }
  }, docsConcurrency);
} finally {
  await shutdown();
}
if (!filter && stories.length) writeReports(results);
console.log(`stories smoke-tested in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !(stories.length || docsPages.length) ? 1 : 0);
