/**
 * Browser tests: `npm run test:browser` (all available engines) or
 * `BROWSERS=chromium npm run test:browser -- --files test/harness.test.ts`.
 *
 * Runs under tsx (`node --import tsx …/web-test-runner/dist/bin.js`) because the sandbox it mounts
 * in-process is TypeScript. Engines: BROWSERS=chromium,firefox,webkit (default all). A missing
 * engine is reported and skipped; with CI=true a missing engine fails the run.
 */
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import * as puppeteer from 'puppeteer-core';
import {
  chromiumArgs,
  ensureDisplay,
  findChromium,
  findFirefox,
  findWebKit,
  howToGet,
  requestedEngines,
} from './scripts/browsers.mjs';
import {summaryLineReporter} from './scripts/wtr-reporter.mjs';
import {resilientWebKitLauncher} from './scripts/webkit-launcher.mjs';

process.env.PUPPETEER_SKIP_DOWNLOAD = '1';

const root = fileURLToPath(new URL('.', import.meta.url));
const ci = process.env.CI === 'true' || process.env.CI === '1';

/** Things to undo when the runner stops (sandbox, WebKitWebDriver, Xvfb), last started first. */
const cleanups = [];
let cleanedUp = false;
async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (error) {
      console.error('cleanup:', error);
    }
  }
}
// wtr handles SIGINT itself but not SIGTERM: stop our children, then exit like a signal would.
process.once('SIGTERM', () => {
  cleanup().finally(() => process.exit(143));
});

// ---- the sandbox, mounted in-process on the runner's own origin --------------------------------
const middleware = [];
const sandboxIndex = `${root}sandbox/index.ts`;
const sandboxNode = `${root}sandbox/node.ts`;
if (existsSync(sandboxIndex) && existsSync(sandboxNode)) {
  const {createSandbox} = await import(sandboxIndex);
  const {koaMiddleware} = await import(sandboxNode);
  const {HARNESS_CONTROL} = await import(`${root}sandbox/control.ts`);
  // The control API is on, and the runner adds its admin secret to the test pages' control requests
  // (a harness-only option: test code in the browser never handles the secret).
  const sandbox = await createSandbox({dataDir: null, seed: false, control: HARNESS_CONTROL});
  cleanups.push(() => sandbox.close());
  middleware.push(koaMiddleware(sandbox, {injectAdminSecret: true}));
} else {
  console.warn('web-test-runner: sandbox/index.ts or sandbox/node.ts not present; /api and /__sandbox are not served.');
}

// ---- browsers ----------------------------------------------------------------------------------
const browsers = [];
const missing = [];
/** The Chromium launcher, when Chromium is among the engines (the reliability matrix runs only there). */
let chromiumLauncher = null;
/**
 * The chrome launcher reuses a test file's page for the next file. In Firefox (WebDriver BiDi) a
 * reused page sometimes stopped receiving keyboard input after many files, so keyboard tests of a
 * late file failed in a full run although they pass alone. Closing each page after its file gives
 * every file a fresh one.
 */
/**
 * A Firefox page whose `setViewport` works on a Firefox without WebDriver BiDi's
 * `emulation.setScreenOrientationOverride` (Debian's firefox-esr 140.12 answers "unknown command").
 * Puppeteer 24 sends it beside `browsingContext.setViewport` on every `setViewport` (the runner's
 * 800 × 600 at the start of each file, and the tests' setViewport command), so without this not one
 * file starts. On that answer the viewport alone is set again and awaited; any other error is thrown.
 */
async function firefoxPage({context}) {
  const page = await context.newPage();
  const setViewport = page.setViewport.bind(page);
  page.setViewport = async (viewport) => {
    try {
      await setViewport(viewport);
    } catch (error) {
      if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(error?.message))) throw error;
      const size = viewport?.width && viewport?.height ? {width: viewport.width, height: viewport.height} : null;
      await page.mainFrame().browsingContext.setViewport({viewport: size, devicePixelRatio: viewport?.deviceScaleFactor || null});
    }
  };
  return page;
}

function freshPagePerFile(launcher) {
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const result = await stopSession(sessionId);
    const page = launcher.inactivePages.pop();
    await page?.puppeteerPage.close().catch(() => {});
    return result;
  };
  return launcher;
}

for (const engine of requestedEngines()) {
  if (engine === 'chromium') {
    const executablePath = findChromium();
    if (!executablePath) {
      missing.push(engine);
      continue;
    }
    chromiumLauncher = chromeLauncher({
      puppeteer,
      launchOptions: {executablePath, headless: true, args: chromiumArgs({headless: false})},
    });
    browsers.push(chromiumLauncher);
  } else if (engine === 'firefox') {
    const executablePath = findFirefox();
    if (!executablePath) {
      missing.push(engine);
      continue;
    }
    browsers.push(
      freshPagePerFile(
        chromeLauncher({
          puppeteer,
          launchOptions: {browser: 'firefox', protocol: 'webDriverBiDi', headless: true, executablePath},
          createPage: firefoxPage,
        }),
      ),
    );
  } else if (engine === 'webkit') {
    const webkit = findWebKit();
    if (!webkit) {
      missing.push(engine);
      continue;
    }
    const display = await ensureDisplay();
    cleanups.push(() => display.stop());
    // A MiniBrowser that stops answering is restarted instead of failing the run (scripts/webkit-launcher.mjs).
    const resilient = await resilientWebKitLauncher({display: display.display, driver: webkit.driver, browser: webkit.browser});
    cleanups.push(() => resilient.stop());
    browsers.push(resilient.launcher);
  }
}
for (const engine of missing) {
  console.warn(`${ci ? 'ERROR' : 'SKIPPED'} ${engine}: ${howToGet(engine)}`);
}
if (ci && missing.length) {
  await cleanup();
  throw new Error(`CI=true and engine(s) missing: ${missing.join(', ')}`);
}
if (!browsers.length) {
  await cleanup();
  throw new Error('no browser engine available (see the messages above)');
}

// ---- the reliability matrix (test/reliability/) -------------------------------------------------
// It runs in Chromium only (CI time), as its own group whose page has a strict CSP with Trusted
// Types, so a payload that reached a DOM sink would be a reported violation. A run with explicit
// `--files` runs exactly those files (in the default page, without the CSP meta).
const reliabilityFiles = 'test/reliability/**/*.test.ts';
const explicitFiles = process.argv.some((arg) => arg === '--files' || arg.startsWith('--files='));
const reliabilityCsp =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";
const groups =
  chromiumLauncher && !explicitFiles
    ? [{
        name: 'reliability',
        files: reliabilityFiles,
        browsers: [chromiumLauncher],
        testRunnerHtml: (testFramework) => testPage(testFramework, `<meta http-equiv="Content-Security-Policy" content="${reliabilityCsp}">`),
      }]
    : [];

/** `reliability-record` (executeServerCommand): appends matrix cells to reports/reliability/<suite>.json. */
function reliabilityRecordPlugin() {
  const suites = new Map(); // this run's cells per suite: a suite's file starts afresh each run
  return {
    name: 'reliability-record',
    executeCommand({command, payload}) {
      if (command !== 'reliability-record') return undefined;
      const {suite, area, cells} = payload ?? {};
      if (typeof suite !== 'string' || !/^[a-z0-9-]+$/.test(suite) || !Array.isArray(cells)) throw new Error('reliability-record: {suite, area, cells[]} expected');
      const report = suites.get(suite) ?? {suite, area, generated_at: '', cells: []};
      report.area = area;
      report.generated_at = new Date().toISOString();
      for (const c of cells) report.cells.push({row: String(c.row), column: String(c.column), passed: c.passed === true, detail: String(c.detail ?? '')});
      suites.set(suite, report);
      const dir = `${root}reports/reliability`;
      mkdirSync(dir, {recursive: true});
      writeFileSync(`${dir}/${suite}.json`, JSON.stringify(report, null, 2) + '\n');
      return true;
    },
  };
}

/** The test page; `head` adds to its head (the reliability group's CSP). */
function testPage(testFramework, head = '') {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8">${head}<title>reseller-elements tests</title></head>
  <body>
    <script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;
}

export default {
  rootDir: root,
  // The menu controller's keyboard tests run last: WebKitWebDriver keeps a modifier latched after
  // them (cause not pinned down yet), so every later file typed lower case and '2' for '@'.
  files: ['test/**/*.test.ts', '!test/sandbox/**', '!test/e2e/**', '!test/reliability/**', '!test/controllers/menu-controller.test.ts', 'test/controllers/menu-controller.test.ts'],
  groups,
  nodeResolve: true,
  // One file at a time per engine: two at once was slower on 2 cores and failed focus, dialog and
  // keyboard tests (only one page has focus); figures in docs/testing.md.
  concurrency: 1,
  concurrentBrowsers: 1,
  // Above the WebKit launcher's own bound for opening a page (50 s), so its one retry can happen.
  browserStartTimeout: 120_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: {config: {ui: 'bdd', timeout: 20_000}},
  browsers,
  middleware,
  // Lit's dev build stays on (it warns about real mistakes); only its "dev mode" banner, printed
  // once per file per browser, is silenced.
  testRunnerHtml: (testFramework) => testPage(testFramework),
  plugins: [
    // TypeScript with the project's tsconfig, so experimentalDecorators + useDefineForClassFields
    // false are honoured (no browser here has native decorators).
    esbuildPlugin({ts: true, target: 'es2022', tsconfig: `${root}tsconfig.json`}),
    {name: 'reseller-cleanup', serverStop: cleanup},
    reliabilityRecordPlugin(),
  ],
  reporters: [defaultReporter(), summaryLineReporter({skipped: missing})],
};
