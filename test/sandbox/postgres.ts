/**
 * The PostgreSQL switch of the sandbox tests. With `SANDBOX_TEST_DATABASE_URL` set (the runner sets
 * it for `npm run test:sandbox:pg`), every sandbox a test creates gets a database of its own,
 * created from that URL's server and dropped when the sandbox closes, so tests see exactly what an
 * in-memory PGlite gives them: an empty database nobody else writes to. Without it nothing changes
 * (PGlite in memory).
 */
import {createSandbox, type Sandbox, type SandboxOptions} from '../../sandbox/index.js';

/** The server the tests run on, or undefined for PGlite. */
export const testDatabaseUrl: string | undefined = process.env.SANDBOX_TEST_DATABASE_URL || undefined;

/** Names this run's databases (`<prefix>_<pid>_<n>`) so the runner can drop what a crashed file left. */
export const testDatabasePrefix = (run = process.env.SANDBOX_TEST_RUN ?? 'manual'): string => `reseller_test_${run.replace(/\W/g, '')}`.toLowerCase();

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{rows: Record<string, unknown>[]}>;
  end(): Promise<void>;
}

/** One query on the server's maintenance connection (the URL's own database). */
export async function adminQuery(url: string, sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> {
  // Untyped and optional (only this mode needs it): kept out of the static graph like sandbox/db.ts does.
  const name = 'pg';
  const {default: pg} = (await import(name)) as {default: {Client: new (o: object) => PgClient}};
  const client = new pg.Client({connectionString: url, connectionTimeoutMillis: 5000});
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * `DROP DATABASE … WITH (FORCE)`. FORCE ends the database's other connections, but a role without
 * `pg_signal_backend` may not end an autovacuum worker that is busy in it (42501; seen on Debian's
 * PostgreSQL 15 under load): the worker finishes in moments, so the drop is tried again for up to
 * ~5 s before the error is passed on with what to grant.
 */
async function dropDatabase(url: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (err) {
      if ((err as {code?: string}).code !== '42501') throw err;
      if (attempt === 25) {
        throw new Error(`could not drop the test database ${name}: ${(err as Error).message} (an autovacuum worker kept it for 5 s; GRANT pg_signal_backend TO the test role lets FORCE end it)`, {cause: err});
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

let counter = 0;

/**
 * Extra `CREATE DATABASE` options for the test databases, e.g.
 * `TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'` to run under a linguistic collation
 * (PGlite and Debian's default cluster use C / C.UTF-8).
 */
const createOptions = process.env.SANDBOX_TEST_DATABASE_OPTIONS ?? '';

/** A new empty database on the test server: its URL, and `drop()` (also ends its other connections). */
export async function createTestDatabase(url = testDatabaseUrl!): Promise<{databaseUrl: string; drop(): Promise<void>}> {
  const name = `${testDatabasePrefix()}_${process.pid}_${++counter}`;
  await adminQuery(url, `CREATE DATABASE "${name}" ${createOptions}`);
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  return {
    databaseUrl: databaseUrl.toString(),
    drop: () => dropDatabase(url, name),
  };
}

/**
 * `createSandbox(options)` for a test: in-memory PGlite by default (`dataDir: null`); on the test
 * PostgreSQL a fresh database, dropped by `close()`.
 */
export async function createTestSandbox(options: Omit<SandboxOptions, 'dataDir' | 'databaseUrl'> = {}): Promise<Sandbox> {
  if (!testDatabaseUrl) return createSandbox({...options, dataDir: null});
  const database = await createTestDatabase();
  let sb: Sandbox;
  try {
    sb = await createSandbox({...options, databaseUrl: database.databaseUrl});
  } catch (err) {
    await database.drop();
    throw err;
  }
  const close = sb.close;
  let closed: Promise<void> | null = null;
  sb.close = () => (closed ??= close().then(database.drop));
  return sb;
}
