/**
 * A web-test-runner reporter that ends the output with plain lines a CI log (and scripts/test.mjs)
 * can read: the failing tests with their errors, then `N passed, N failed` as the very last line.
 * Tests are summed across browsers (one test in three engines counts three times). A test file
 * that failed without any test result (load error, browser crash, timeout) counts as one failure.
 *
 * Before that, where the time went: one line per test file and browser with its wall time (from the
 * session's start to its end: page load, hooks and the first file's browser launch included), its
 * test count and the seconds mocha measured inside those tests, slowest file first; then the
 * slowest tests (`WTR_SLOWEST_TESTS`, default 15). CI logs keep them, so a slow file or a test that
 * waits is visible without a second run.
 *
 * wtr prints its own closing progress after the reporters' stop(), so the summary is written when
 * the process exits (stdout to a pipe or a terminal is synchronous on Linux).
 */

/** @param {any} suite @param {string[]} path @param {(name: string, test: any) => void} visit */
function walk(suite, path, visit) {
  if (!suite) return;
  for (const test of suite.tests ?? []) visit([...path, test.name].join(' > '), test);
  for (const child of suite.suites ?? []) walk(child, [...path, child.name], visit);
}

function formatError(error) {
  if (!error) return '';
  const lines = [error.message ?? String(error)];
  if (error.expected !== undefined || error.actual !== undefined) {
    lines.push(`expected: ${error.expected}`, `actual:   ${error.actual}`);
  }
  if (error.stack) {
    const frames = String(error.stack)
      .split('\n')
      .filter((l) => /^\s+at |@/.test(l))
      .slice(0, 4);
    lines.push(...frames.map((f) => f.trim()));
  }
  return lines.map((l) => `      ${l}`).join('\n');
}

/** How many of the slowest tests the summary lists (`WTR_SLOWEST_TESTS=200` for more). */
const SLOWEST_TESTS = Number(process.env.WTR_SLOWEST_TESTS) || 15;

/** @param {number} ms */
function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`.padStart(8);
}

/**
 * @param {{skipped?: string[]}} [options] engines that were requested but are not installed
 * @returns {import('@web/test-runner').Reporter}
 */
export function summaryLineReporter({skipped = []} = {}) {
  let rootDir = process.cwd();
  let summary = null;
  let printed = false;
  /** Session id → when it started initialising and when it finished (ms since the epoch). */
  const times = new Map();

  function print() {
    if (printed || !summary) return;
    printed = true;
    process.stdout.write(summary);
  }

  return {
    start({config, sessions, startTime}) {
      rootDir = config.rootDir ?? rootDir;
      process.once('exit', print);
      // The first files start before the reporters do: for them the run's start (browser launch
      // included) stands in for the missed INITIALIZING.
      for (const session of sessions.all()) {
        if (session.status !== 'SCHEDULED') times.set(session.id, {start: startTime});
      }
      sessions.on('session-status-updated', (session) => {
        const t = times.get(session.id) ?? {};
        if (session.status === 'INITIALIZING' && t.start === undefined) t.start = Date.now();
        if (session.status === 'FINISHED') t.end = Date.now();
        times.set(session.id, t);
      });
    },

    stop({sessions}) {
      let passed = 0;
      let failed = 0;
      let skippedTests = 0;
      const failures = [];
      /** @type {{ms: number, line: string}[]} */
      const fileTimes = [];
      /** @type {{ms: number, line: string}[]} */
      const testTimes = [];
      for (const session of sessions) {
        const browser = session.browser?.name ?? 'browser';
        const file = session.testFile.startsWith(rootDir) ? session.testFile.slice(rootDir.length).replace(/^\//, '') : session.testFile;
        let sessionFailures = 0;
        let sessionTests = 0;
        let inTests = 0;
        walk(session.testResults, [], (name, test) => {
          sessionTests++;
          if (typeof test.duration === 'number') {
            inTests += test.duration;
            testTimes.push({ms: test.duration, line: `${seconds(test.duration)}  [${browser}] ${file} > ${name}`});
          }
          if (test.skipped) skippedTests++;
          else if (test.passed) passed++;
          else {
            failed++;
            sessionFailures++;
            failures.push(`  [${browser}] ${file} > ${name}\n${formatError(test.error)}`);
          }
        });
        if (session.passed === false && sessionFailures === 0) {
          // Failed outside any test: load error, hook failure, crash or timeout.
          failed++;
          const errors = (session.errors ?? []).map(formatError).join('\n') || '      (no error reported; status ' + session.status + ')';
          failures.push(`  [${browser}] ${file} (file error)\n${errors}`);
        }
        const t = times.get(session.id);
        if (t?.start !== undefined && t.end !== undefined) {
          fileTimes.push({ms: t.end - t.start, line: `${seconds(t.end - t.start)}  [${browser}] ${file} (${sessionTests} tests, ${(inTests / 1000).toFixed(1)} s in them)`});
        }
      }
      const slowestFirst = (a, b) => b.ms - a.ms;
      const lines = [];
      if (fileTimes.length) lines.push('', '---- time per test file (page load included), slowest first ----', ...fileTimes.sort(slowestFirst).map((f) => f.line));
      if (testTimes.length) lines.push('', `---- the ${SLOWEST_TESTS} slowest tests ----`, ...testTimes.sort(slowestFirst).slice(0, SLOWEST_TESTS).map((t) => t.line));
      lines.push('', '---- browser test summary ----');
      if (skipped.length) lines.push(`engines not installed, skipped: ${skipped.join(', ')}`);
      if (skippedTests) lines.push(`${skippedTests} skipped`);
      if (failures.length) lines.push('failed:', ...failures);
      lines.push(`${passed} passed, ${failed} failed`, '');
      summary = lines.join('\n');
    },
  };
}
