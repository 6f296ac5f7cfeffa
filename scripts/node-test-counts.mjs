/**
 * A `node --test` reporter that prints only the plain `N passed, N failed` line npm test reads
 * (scripts/test.mjs adds those numbers to its total). Use it next to a human reporter:
 *
 *   node --test --test-reporter=spec --test-reporter-destination=stdout \
 *     --test-reporter=./scripts/node-test-counts.mjs --test-reporter-destination=stdout test/package/
 *
 * Counts top-level tests (a file that fails to load counts as one failed test); suites are not tests.
 */
export default async function* counts(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.details?.type !== 'suite') {
      if (event.type === 'test:pass') passed++;
      else failed++;
    }
  }
  yield `${passed} passed, ${failed} failed\n`;
}
