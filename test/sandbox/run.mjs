// Runs the sandbox's Node tests (node:test) and ends with a plain `N passed, N failed` line.
// Usage: npm run test:sandbox [-- files…]
import {readdirSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {run} from 'node:test';
import {spec} from 'node:test/reporters';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const files = (args.length ? args : readdirSync(here).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join(here, f))).map((f) => resolve(f));

let passed = 0;
let failed = 0;
const failedIn = new Set();
// A generous per-file timeout: the default seed test builds 340 customers and 13 months of usage.
const stream = run({files, concurrency: Number(process.env.TEST_CONCURRENCY ?? 2), timeout: 600_000});
stream.on('test:pass', (e) => {
  if (e.details?.type !== 'suite' && !files.includes(resolve(e.name))) passed++;
});
stream.on('test:fail', (e) => {
  if (e.details?.type === 'suite') return;
  if (files.includes(resolve(e.name))) {
    // A file that failed outside its tests (crash, timeout, hook error) counts once.
    if (!failedIn.has(resolve(e.name))) failed++;
    return;
  }
  failed++;
  if (e.file) failedIn.add(resolve(e.file));
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', () => {
  // Let the reporter flush first.
  setImmediate(() => {
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  });
});
