/**
 * The storage seam: one tiny interface over PGlite (a directory or memory) and real PostgreSQL
 * (`pg`, loaded only when `databaseUrl` is given). Every query goes through the same SQL.
 */
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {extractTar} from './tar.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{rows: T[]}>;
}

export interface Db extends Queryable {
  /** Runs `fn` in a transaction (BEGIN/COMMIT, ROLLBACK on throw). */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` while no other sandbox process runs an `exclusive` section on this database (schema
   * creation, the default seed). PGlite has one owner, so it just runs `fn`; on PostgreSQL it holds
   * a session advisory lock, so sandboxes started together on an empty database neither race on
   * `CREATE TABLE IF NOT EXISTS` nor seed twice.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tar file (snapshot.ts). */
  dumpDataDir?: () => Promise<Blob>;
  /** Whether the pg_trgm extension is available (GIN trigram indexes for ILIKE search). */
  trigram: boolean;
  kind: 'pglite' | 'postgres';
}

/** The installed PGlite version (part of the snapshot key). */
export const PGLITE_VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('@electric-sql/pglite')), 'utf8')) as {version: string}).version;
  } catch {
    return 'unknown';
  }
})();

export interface OpenOptions {
  dataDir: string | null;
  databaseUrl?: string;
  /** Creates the schema (idempotent). */
  init: (db: Db) => Promise<void>;
  /**
   * In-memory databases start from a cached snapshot of an empty, initialised database (initdb is
   * the slow part of a PGlite start); the key names the snapshot (PGlite version + schema hash).
   */
  templateKey?: string;
  /**
   * A PGlite data directory with no database yet starts from this tar file (a database dumped by
   * `dumpDataDir`: the seed snapshot, snapshot.ts) instead of running initdb.
   */
  restoreFrom?: string | null;
  /**
   * PostgreSQL only: the connections' `statement_timeout` in ms (0 or unset: none). PGlite cannot
   * interrupt a statement; limits.ts checks it there when the statement returns.
   */
  statementTimeoutMs?: number;
}

export async function openDb(options: OpenOptions): Promise<Db> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl, options.statementTimeoutMs ?? 0) : await openPglite(options);
  await db.exclusive(() => options.init(db));
  return db;
}

async function openPglite(options: OpenOptions): Promise<Db> {
  const {PGlite} = await import('@electric-sql/pglite');
  const {pg_trgm} = await import('@electric-sql/pglite/contrib/pg_trgm');
  const {dataDir, templateKey} = options;
  if (dataDir) mkdirSync(dataDir, {recursive: true});
  const templatePath = !dataDir && templateKey && process.env.SANDBOX_PGLITE_TEMPLATE !== '0'
    ? join(tmpdir(), `reseller-sandbox-pglite-${templateKey}.tar`) : null;
  let template: Blob | undefined;
  if (templatePath) {
    try {
      template = new Blob([readFileSync(templatePath)]);
    } catch {
      template = undefined;
    }
  } else if (dataDir && options.restoreFrom && !existsSync(join(dataDir, 'PG_VERSION'))) {
    // PG_VERSION last: a restore cut short is redone on the next start, never opened half-written.
    extractTar(readFileSync(options.restoreFrom), dataDir, 'PG_VERSION');
  }
  const pg = await PGlite.create({
    ...(dataDir ? {dataDir} : {}),
    ...(template ? {loadDataDir: template} : {}),
    extensions: {pg_trgm},
  });
  await pg.exec(`SET TIME ZONE 'UTC'`);
  // PGlite's pages live in memory (or are read whole from its data dir): a random page costs what a
  // sequential one does. With the default 4.0 the planner chose full scans over the trigram indexes
  // for common search terms (bench, 100 000 customers: search p50 250 → 37 ms).
  await pg.exec('SET random_page_cost = 1.1');
  let trigram = true;
  try {
    await pg.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch {
    trigram = false;
  }
  if (templatePath && !template) {
    // First in-memory start on this machine: create the schema now and keep a snapshot for next time.
    const db = pgliteDb(pg, trigram);
    await options.init(db);
    const dump = await pg.dumpDataDir('none');
    const tmp = `${templatePath}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, templatePath);
  }
  return pgliteDb(pg, trigram);
}

type PGliteInstance = Awaited<ReturnType<typeof import('@electric-sql/pglite').PGlite.create>>;

function pgliteDb(pg: PGliteInstance, trigram: boolean): Db {
  return {
    kind: 'pglite',
    trigram,
    query: (sql, params) => pg.query(sql, params) as never,
    exec: async (sql) => {
      await pg.exec(sql);
    },
    exclusive: (fn) => fn(),
    tx: (fn) => pg.transaction((t: {query: PGliteInstance['query']}) => fn({query: (sql, params) => t.query(sql, params) as never})),
    close: () => pg.close(),
    dumpDataDir: () => pg.dumpDataDir('none') as Promise<Blob>,
  };
}

interface PgClient {
  query(sql: string, params?: unknown[]): Promise<{rows: never[]}>;
  /** `true` (or an error) destroys the connection instead of returning it to the pool. */
  release(destroy?: boolean | Error): void;
}
interface PgPool {
  query(sql: string, params?: unknown[]): Promise<{rows: never[]}>;
  connect(): Promise<PgClient>;
  end(): Promise<void>;
  on(event: 'error', listener: (err: Error) => void): void;
}

/** A database URL without its password, for messages. */
export const redactDatabaseUrl = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

async function openPostgres(url: string, statementTimeoutMs: number): Promise<Db> {
  let mod: {default?: {Pool: new (o: object) => PgPool}; Pool?: new (o: object) => PgPool};
  try {
    // `pg` is optional: only needed for DATABASE_URL. Kept out of the static graph on purpose.
    const name = 'pg';
    mod = (await import(name)) as typeof mod;
  } catch {
    throw new Error('DATABASE_URL is set but the "pg" package is not installed (npm install --save-dev pg)');
  }
  const Pool = (mod.Pool ?? mod.default?.Pool)!;
  const pool = new Pool({connectionString: url, options: `-c timezone=UTC -c statement_timeout=${statementTimeoutMs}`});
  // An idle connection that the server closes (restart, pg_terminate_backend) is reported here; without
  // a listener the 'error' event would end the process. The pool replaces the connection by itself.
  pool.on('error', (err) => console.error(`[sandbox] PostgreSQL connection lost (the pool reconnects): ${err.message}`));
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`Cannot reach PostgreSQL at DATABASE_URL (${redactDatabaseUrl(url)}): ${(err as Error).message || (err as {code?: string}).code}`, {cause: err});
  }
  const db: Db = {
    kind: 'postgres',
    trigram: false,
    query: (sql, params) => pool.query(sql, params) as never,
    exec: async (sql) => {
      await pool.query(sql);
    },
    exclusive: async (fn) => {
      const client = await pool.connect();
      let broken = true;
      try {
        await client.query(`SELECT pg_advisory_lock(hashtext('reseller-sandbox exclusive'))`);
        try {
          return await fn();
        } finally {
          await client.query(`SELECT pg_advisory_unlock(hashtext('reseller-sandbox exclusive'))`);
          broken = false;
        }
      } finally {
        // A connection that failed to lock or unlock is dropped (which also frees a lock it still holds).
        client.release(broken);
      }
    },
    tx: async (fn) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn({query: (sql, params) => client.query(sql, params) as never});
        await client.query('COMMIT');
        return result;
      } catch (err) {
        // A connection that cannot even roll back is broken: the pool discards it instead of reusing it.
        broken = await client.query('ROLLBACK').then(() => false, () => true);
        throw err;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
  // pg_trgm is in PostgreSQL's contrib (Debian/Ubuntu: part of postgresql-NN; elsewhere postgresql-contrib)
  // and is a trusted extension: the database owner may create it. Without it search still works, unindexed.
  db.trigram = await db.exclusive(async () => {
    try {
      await pool.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      return true;
    } catch (err) {
      console.warn(`[sandbox] pg_trgm is not available (${(err as Error).message}): search runs without trigram indexes`);
      return false;
    }
  });
  return db;
}
