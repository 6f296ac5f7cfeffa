#!/usr/bin/env node
/**
 * Story smoke test: `node scripts/smoke-stories.mjs` (after `npm run build-storybook`). The sandbox
 * is TypeScript: the script registers tsx itself (`node --import tsx …` works the same).
 *
 * Serves storybook-static/ and the sandbox API on ONE origin (node:http + nodeMiddleware), reads
 * index.json and opens every story (`iframe.html?id=…&viewMode=story`) in Chromium (playwright-core,
 * found through scripts/browsers.mjs). Per story it waits for Storybook to render, then for the page
 * to settle (no request in flight for 500 ms, no `aria-busy="true"` and no `data-state="loading"`
 * left, shadow roots included), then runs axe (wcag2a + wcag2aa) on #storybook-root.
 *
 * A story fails on: a Storybook error display, a page error, a console error, an axe violation,
 * or not settling within the timeout. Stories tagged `http-errors` (API down, no token, …) may log
 * the browser's own "Failed to load resource: … status of NNN" lines; nothing else.
 *
 * Options: `--filter <text>` runs the stories whose id contains the text; `--timeout <ms>` per story
 * (default 30000); `--verbose` prints the text each story shows. Prints one line per story and a final `N passed, N failed` line; exits 1 on any failure.
 */
import {createReadStream, existsSync, readFileSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {chromiumArgs, findChromium, howToGet} from './browsers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = join(root, 'storybook-static');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const filter = option('--filter', '');
const verbose = argv.includes('--verbose');
const storyTimeout = Number(option('--timeout', '30000'));
const SETTLE_QUIET_MS = 500;
const HTTP_ERROR_LINE = /^Failed to load resource: the server responded with a status of \d{3}/;

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

// ---------------------------------------------------------------------------------------------
// One origin: the static Storybook and the sandbox API

// The sandbox is TypeScript: register tsx (a no-op when already run with `node --import tsx`).
const {register} = await import('tsx/esm/api');
register();
// The browser starts while the sandbox does (PGlite's initdb is the slow part).
const launching = chromium.launch({executablePath, args: chromiumArgs({headless: false}), headless: true});
const {createSandbox} = await import('../sandbox/index.ts');
const {nodeMiddleware} = await import('../sandbox/node.ts');
const sandbox = await createSandbox({dataDir: null, seed: false});
const sandboxMiddleware = nodeMiddleware(sandbox);

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
  res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store'});
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

async function runStory(story) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const allowHttpErrors = story.tags?.includes('http-errors');
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (allowHttpErrors && HTTP_ERROR_LINE.test(text)) return;
    const where = message.location()?.url;
    problems.push(`console error: ${text}${where && HTTP_ERROR_LINE.test(text) ? ` (${where.replace(origin, '')})` : ''}`);
  });
  let inflight = 0;
  let lastActivity = performance.now();
  const done = () => {
    inflight = Math.max(0, inflight - 1);
    lastActivity = performance.now();
  };
  page.on('request', () => {
    inflight++;
    lastActivity = performance.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);

  let shown = '';
  const deadline = performance.now() + storyTimeout;
  const start = performance.now();
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, {timeout: storyTimeout});
    // Storybook marks the body: sb-show-main once the story rendered, sb-show-errordisplay on error.
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

    // Settle: nothing in flight for a while, nothing marked as loading.
    let busy = [];
    for (;;) {
      const quiet = inflight === 0 && performance.now() - lastActivity >= SETTLE_QUIET_MS;
      if (quiet) {
        busy = await page.evaluate(pageBusy);
        if (!busy.length) break;
      }
      if (performance.now() > deadline) {
        throw new Error(`did not settle within ${storyTimeout} ms (${inflight} request(s) in flight${busy.length ? `; loading: ${busy.join(', ')}` : ''})`);
      }
      await page.waitForTimeout(100);
    }

    const empty = await page.evaluate(() => !document.querySelector('#storybook-root')?.children.length);
    if (empty) problems.push('the story rendered nothing');

    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run('#storybook-root', {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}, resultTypes: ['violations']});
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} [${v.nodes.map((n) => n.target.join(' > ')).slice(0, 3).join(', ')}]`);
    });
    for (const v of violations) problems.push(`axe: ${v}`);
    if (verbose) shown = await page.evaluate(pageText);
  } catch (error) {
    problems.push(error.message.split('\n')[0]);
  } finally {
    await context.close().catch(() => {});
  }
  return {id: story.id, title: `${story.title} / ${story.name}`, ms: Math.round(performance.now() - start), problems, shown};
}

// ---------------------------------------------------------------------------------------------

let passed = 0;
let failed = 0;
try {
  if (!stories.length) console.log(filter ? `no story id contains "${filter}"` : 'no stories in storybook-static/index.json');
  for (const story of stories) {
    const result = await runStory(story);
    if (result.problems.length) {
      failed++;
      console.log(`✗ ${result.id} (${result.ms} ms)`);
      for (const problem of result.problems) console.log(`    ${problem}`);
    } else {
      passed++;
      console.log(`✓ ${result.id} (${result.ms} ms)${verbose ? `\n    shows: ${result.shown}` : ''}`);
    }
  }
} finally {
  await shutdown();
}
console.log(`stories smoke-tested in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !stories.length ? 1 : 0);
