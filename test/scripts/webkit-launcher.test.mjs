/**
 * The WebKit launcher's recovery (scripts/webkit-launcher.mjs), with the real WebKitWebDriver and
 * MiniBrowser: the browser's web process is frozen (SIGSTOP) the way MiniBrowser stopped answering
 * in CI, and the launcher must end that file within its bound and open the next one in a new browser.
 * With the upstream launcher the stop never returns (the runner waited 180 s, then crashed).
 */
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {test} from 'node:test';
import {ensureDisplay, findWebKit, groupProcesses, howToGet} from '../../scripts/browsers.mjs';
import {resilientWebKitLauncher} from '../../scripts/webkit-launcher.mjs';

const ci = process.env.CI === 'true' || process.env.CI === '1';

/** Pids of WebKit's web content processes in the driver's process group. */
const webProcesses = (groupId) => (groupProcesses(groupId) ?? []).filter((p) => p.comm.startsWith('WebKitWebProces')).map((p) => p.pid);

async function waitFor(what, fn, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A real WebKitWebDriver + MiniBrowser behind the resilient launcher, and a local server answering
 * with `handler`; null (the test skipped) where WebKit is not installed, a failure under CI.
 */
async function startRun(t, handler, {startTimeoutMs}) {
  const webkit = findWebKit();
  if (!webkit) {
    if (ci) assert.fail(howToGet('webkit'));
    t.skip(`WebKit is not installed here: ${howToGet('webkit')}`);
    return null;
  }
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const display = await ensureDisplay();
  const messages = [];
  const webkitRun = await resilientWebKitLauncher({
    display: display.display,
    driver: webkit.driver,
    browser: webkit.browser,
    stopTimeoutMs: 5_000,
    startTimeoutMs,
    maxRecoveries: 1,
    log: (message) => messages.push(message),
  });
  await webkitRun.launcher.initialize({concurrency: 1, coverage: false});
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    webkitRun,
    launcher: webkitRun.launcher,
    messages,
    async close() {
      await webkitRun.launcher.stop();
      await webkitRun.stop();
      await display.stop();
      server.close();
    },
  };
}

test('a MiniBrowser that stops answering is restarted and the next file opens', {timeout: 120_000}, async (t) => {
  const run = await startRun(
    t,
    (req, res) => {
      const title = new URL(req.url, 'http://x').searchParams.get('title') ?? 'none';
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><title>${title.replace(/[^a-z]/g, '')}</title><p>page</p>`);
    },
    {startTimeoutMs: 20_000},
  );
  if (!run) return;
  const {base, webkitRun, launcher, messages} = run;
  const frozen = [];
  try {
    await launcher.startSession('first', `${base}?title=one`);
    assert.equal(await launcher.driver.getTitle(), 'one');
    const firstDriver = launcher.driver;

    // Freeze the page's web process: WebDriver commands to it no longer return.
    const pids = await waitFor('a WebKitWebProcess in the driver group', () => {
      const found = webProcesses(webkitRun.driverPid());
      return found.length ? found : null;
    });
    for (const pid of pids) {
      process.kill(pid, 'SIGSTOP');
      frozen.push(pid);
    }

    const started = Date.now();
    const result = await launcher.stopSession('first');
    assert.ok(Date.now() - started < 15_000, 'the stop returned within its bound plus a restart');
    assert.deepEqual(result, {testCoverage: undefined});
    assert.equal(webkitRun.recoveries(), 1);
    assert.match(messages.join('\n'), /did not answer within 5000 ms after its tests finished; restarting WebKitWebDriver/);

    // The next file opens in a new browser.
    await launcher.startSession('second', `${base}?title=two`);
    assert.notEqual(launcher.driver, firstDriver);
    assert.equal(await launcher.driver.getTitle(), 'two');
    const next = await launcher.stopSession('second');
    assert.deepEqual(next, {testCoverage: undefined});
    assert.equal(webkitRun.recoveries(), 1, 'a browser that answers is not restarted');
  } finally {
    for (const pid of frozen) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // ended with its group
      }
    }
    await run.close();
  }
});


test('a page whose navigation does not return keeps running: no restart, no uncaught rejection', {timeout: 120_000}, async (t) => {
  // The page is up at once, but an image that never arrives holds its load event, and with it
  // WebDriver's navigation command (page load strategy "normal").
  const seen = [];
  const held = [];
  const run = await startRun(
    t,
    (req, res) => {
      const url = new URL(req.url, 'http://x');
      seen.push(url.pathname);
      if (url.pathname === '/never.png') {
        held.push(res);
        return;
      }
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>up</title><p>page</p><img src="/never.png" alt=""><script>fetch("/ran")</script>');
    },
    {startTimeoutMs: 5_000},
  );
  if (!run) return;
  const {base, webkitRun, launcher, messages} = run;
  const unhandled = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const started = Date.now();
    await launcher.startSession('slow', `${base}?page=slow`);
    assert.ok(Date.now() - started < 15_000, 'the start returned within its bound');
    assert.match(messages.join('\n'), /navigation did not return within 5000 ms; going on/);
    assert.equal(webkitRun.recoveries(), 0, 'the browser was not restarted');
    await waitFor('the page to run its script', () => seen.includes('/ran'));
    // Ending the file: bounded, whatever the browser does; the rejected navigation is handled.
    await launcher.stopSession('slow');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    for (const res of held) res.destroy();
    await run.close();
  }
});
