/**
 * The WebKit launcher for web-test-runner: `@web/test-runner-webdriver` driving WebKitGTK's
 * MiniBrowser through WebKitWebDriver, made to survive a browser that stops answering.
 *
 * Why: in a CI run every WebKit test passed, but MiniBrowser stopped answering WebDriver after one
 * file had reported its results (the runner's `execute` + `navigateTo('about:blank')` that ends a
 * file hung for the whole 180 s `testsFinishTimeout`), and the next file's navigation was then
 * aborted inside a promise the launcher does not await: an uncaught exception that stopped the
 * runner. Nothing about the code under test; one hung browser failed the whole CI.
 *
 * What this changes, and only this:
 * - Ending a file (`stopSession`) has its own bound (`stopTimeoutMs`). When the browser does not
 *   answer, WebKitWebDriver and its MiniBrowser are killed and started afresh for the next file,
 *   and the file keeps the results its page had already reported (a test that failed or timed out
 *   is still failed: the runner passes those errors alongside, not through the browser).
 * - Opening a file (`startSession`) is awaited (the upstream launcher drops the promise) and bounded
 *   (`startTimeoutMs`); a navigation that does not return in time is logged and left to the runner's
 *   own timeouts, never an uncaught rejection. It does not restart the browser: in a CI run the page
 *   was up and running its tests while the navigation command hung, and killing it failed the file
 *   ("navigated to another origin"); a browser that really hangs is restarted when the file ends.
 * - At most `maxRecoveries` restarts per run: a browser that keeps hanging is a problem to look at,
 *   so after that the errors go through to the report. Every restart is printed.
 */
import {webdriverLauncher} from '@web/test-runner-webdriver';
import {startWebKitDriver, webkitCapabilities, withTimeout} from './browsers.mjs';

/**
 * @param {{display: string, driver?: string, browser?: string, stopTimeoutMs?: number, startTimeoutMs?: number,
 *   maxRecoveries?: number, log?: (message: string) => void}} options
 * @returns {Promise<{launcher: import('@web/test-runner-webdriver').WebdriverLauncher, recoveries: () => number, driverPid: () => number, stop: () => Promise<void>}>}
 */
export async function resilientWebKitLauncher({
  display,
  driver: driverPath,
  browser,
  stopTimeoutMs = 30_000,
  startTimeoutMs = 50_000,
  maxRecoveries = 3,
  log = (message) => console.warn(message),
}) {
  let driver = await startWebKitDriver({display, driver: driverPath});
  const launcher = webdriverLauncher({
    hostname: '127.0.0.1',
    port: driver.port,
    path: '/',
    logLevel: 'error',
    capabilities: webkitCapabilities(browser),
  });
  let recoveries = 0;

  /** Kills the unresponsive driver and browser and starts a new driver; the next session opens a new browser. */
  async function restart(reason) {
    recoveries += 1;
    log(`[webkit] ${reason}; restarting WebKitWebDriver and MiniBrowser (restart ${recoveries} of at most ${maxRecoveries} in this run)`);
    if (launcher.pendingHeartbeat != null) clearInterval(launcher.pendingHeartbeat);
    launcher.driver = undefined;
    launcher.driverManager = undefined;
    launcher.__managerPromise = undefined;
    await driver.kill();
    driver = await startWebKitDriver({display, driver: driverPath});
    launcher.options.port = driver.port;
  }

  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (id) => {
    try {
      return await withTimeout(stopSession(id), stopTimeoutMs, `the page did not answer within ${stopTimeoutMs} ms after its tests finished`);
    } catch (error) {
      if (recoveries >= maxRecoveries) throw error;
      await restart(error instanceof Error ? error.message : String(error));
      return {testCoverage: undefined};
    }
  };

  launcher.startSession = async (id, url) => {
    const opening = (async () => {
      await launcher.ensureManagerInitialized();
      await launcher.driverManager.startSession(id, url);
    })();
    // The navigation may still fail after the bound (its driver killed by a later restart): not an uncaught rejection.
    opening.catch(() => {});
    try {
      await withTimeout(opening, startTimeoutMs, `the test page's navigation did not return within ${startTimeoutMs} ms`);
    } catch (error) {
      // Not a reason to kill the browser: the page may be up and running its tests while WebDriver's
      // navigation command has not returned (a CI run: the page connected, its tests started, and a
      // restart here then failed the file as "navigated to another origin"). The runner's own bounds
      // decide the file (testsStartTimeout when the page never connects, testsFinishTimeout), and
      // ending it (stopSession above) restarts a browser that does not answer.
      log(`[webkit] ${error instanceof Error ? error.message : String(error)}; going on (the runner's timeouts decide the file)`);
    }
  };

  return {
    launcher,
    recoveries: () => recoveries,
    /** The current driver's process id (its process group holds MiniBrowser and WebKit's processes). */
    driverPid: () => driver.pid,
    async stop() {
      await driver.stop();
    },
  };
}
