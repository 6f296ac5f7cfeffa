// Runs the sandbox's Node tests (node:test) and ends with a plain `N passed, N failed` line.
// Usage: npm run test:sandbox [-- files…]
//        npm run test:sandbox:pg [-- files…]   (--postgres: on the PostgreSQL at DATABASE_URL, see postgres.ts)
import {readdirSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {run} from 'node:test';
import {spec} from 'node:test/reporters';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const postgres = process.argv.includes('--postgres');
const args = process.argv.slice(2).filter((a) => a !== '--postgres');
const files = (args.length ? args : readdirSync(here).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join(here, f))).map((f) => resolve(f));

let pg = null;
let pgUrl = '';
if (postgres) {
  const url = process.env.SANDBOX_TEST_DATABASE_URL || process.env.DATABASE_URL;
  const howTo = [
    '  Start one and point DATABASE_URL at a database its role may create databases from, e.g. (Debian/Ubuntu, as root):',
    '    pg_ctlcluster 15 main start',
    `    su postgres -c "psql -c \\"CREATE ROLE reseller LOGIN PASSWORD 'reseller' CREATEDB\\""`,
    '    su postgres -c "createdb -O reseller reseller_sandbox"',
    '    DATABASE_URL=postgres://reseller:reseller@127.0.0.1:5432/reseller_sandbox npm run test:sandbox:pg',
    '  (or: docker run -d -p 5432:5432 -e POSTGRES_USER=reseller -e POSTGRES_PASSWORD=reseller -e POSTGRES_DB=reseller_sandbox postgres:15)',
  ].join('\n');
  if (!url) {
    console.error(`test:sandbox:pg needs DATABASE_URL (postgres://user:password@host:port/database).\n${howTo}`);
    process.exit(2);
  }
  pg = await import('./postgres.ts');
  const {redactDatabaseUrl} = await import('../../sandbox/db.ts');
  try {
    await pg.adminQuery(url, 'SELECT 1');
  } catch (err) {
    console.error(`test:sandbox:pg: cannot reach PostgreSQL at ${redactDatabaseUrl(url)}: ${err.message || err.code || err}\n${howTo}`);
    process.exit(2);
  }
  // Each sandbox a test creates gets its own database named after this run; leftovers are dropped at the end.
  process.env.SANDBOX_TEST_DATABASE_URL = url;
  process.env.SANDBOX_TEST_RUN = `${process.pid}`;
  pgUrl = url;
  console.log(`Sandbox tests on PostgreSQL (${(await pg.adminQuery(url, 'SHOW server_version'))[0].server_version}), one database per sandbox`);
}

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
  setImmediate(async () => {
    if (pg) {
      // A file that crashed or timed out did not drop its databases.
      const prefix = pg.testDatabasePrefix();
      const left = await pg.adminQuery(pgUrl, `SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}\\_%`]);
      for (const {datname} of left) await pg.adminQuery(pgUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      if (left.length) console.log(`Dropped ${left.length} database(s) left by crashed test files`);
    }
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  });
});
