/**
 * A web-test-runner reporter that ends the output with plain lines a CI log (and scripts/test.mjs)
 * can read: the failing tests with their errors, then `N passed, N failed` as the very last line.
 * Tests are summed across browsers (one test in three engines counts three times). A test file
 * that failed without any test result (load error, browser crash, timeout) counts as one failure.
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

/**
 * @param {{skipped?: string[]}} [options] engines that were requested but are not installed
 * @returns {import('@web/test-runner').Reporter}
 */
export function summaryLineReporter({skipped = []} = {}) {
  let rootDir = process.cwd();
  let summary = null;
  let printed = false;

  function print() {
    if (printed || !summary) return;
    printed = true;
    process.stdout.write(summary);
  }

  return {
    start({config}) {
      rootDir = config.rootDir ?? rootDir;
      process.once('exit', print);
    },

    stop({sessions}) {
      let passed = 0;
      let failed = 0;
      let skippedTests = 0;
      const failures = [];
      for (const session of sessions) {
        const browser = session.browser?.name ?? 'browser';
        const file = session.testFile.startsWith(rootDir) ? session.testFile.slice(rootDir.length).replace(/^\//, '') : session.testFile;
        let sessionFailures = 0;
        walk(session.testResults, [], (name, test) => {
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
      }
      const lines = ['', '---- browser test summary ----'];
      if (skipped.length) lines.push(`engines not installed, skipped: ${skipped.join(', ')}`);
      if (skippedTests) lines.push(`${skippedTests} skipped`);
      if (failures.length) lines.push('failed:', ...failures);
      lines.push(`${passed} passed, ${failed} failed`, '');
      summary = lines.join('\n');
    },
  };
}
