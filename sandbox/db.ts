/**
 * The storage seam: one tiny interface over PGlite (a directory or memory) and real PostgreSQL
 * (`pg`, loaded only when `databaseUrl` is given). Every query goes through the same SQL.
 */
import {mkdirSync} from 'node:fs';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{rows: T[]}>;
}

export interface Db extends Queryable {
  /** Runs `fn` in a transaction (BEGIN/COMMIT, ROLLBACK on throw). */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Whether the pg_trgm extension is available (GIN trigram indexes for ILIKE search). */
  trigram: boolean;
  kind: 'pglite' | 'postgres';
}

export async function openDb(options: {dataDir: string | null; databaseUrl?: string}): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Db> {
  const {PGlite} = await import('@electric-sql/pglite');
  const {pg_trgm} = await import('@electric-sql/pglite/contrib/pg_trgm');
  if (dataDir) mkdirSync(dataDir, {recursive: true});
  const pg = await PGlite.create({
    ...(dataDir ? {dataDir} : {}),
    extensions: {pg_trgm},
  });
  await pg.exec(`SET TIME ZONE 'UTC'`);
  let trigram = true;
  try {
    await pg.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch {
    trigram = false;
  }
  return {
    kind: 'pglite',
    trigram,
    query: (sql, params) => pg.query(sql, params) as never,
    exec: async (sql) => {
      await pg.exec(sql);
    },
    tx: (fn) => pg.transaction((t) => fn({query: (sql, params) => t.query(sql, params) as never})),
    close: () => pg.close(),
  };
}

interface PgClient {
  query(sql: string, params?: unknown[]): Promise<{rows: never[]}>;
  release(): void;
}
interface PgPool {
  query(sql: string, params?: unknown[]): Promise<{rows: never[]}>;
  connect(): Promise<PgClient>;
  end(): Promise<void>;
}

async function openPostgres(url: string): Promise<Db> {
  let mod: {default?: {Pool: new (o: object) => PgPool}; Pool?: new (o: object) => PgPool};
  try {
    // `pg` is optional: only needed for DATABASE_URL. Kept out of the static graph on purpose.
    const name = 'pg';
    mod = (await import(name)) as typeof mod;
  } catch {
    throw new Error('DATABASE_URL is set but the "pg" package is not installed (npm install --save-dev pg)');
  }
  const Pool = (mod.Pool ?? mod.default?.Pool)!;
  const pool = new Pool({connectionString: url, options: '-c timezone=UTC'});
  let trigram = true;
  try {
    await pool.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch {
    trigram = false;
  }
  return {
    kind: 'postgres',
    trigram,
    query: (sql, params) => pool.query(sql, params) as never,
    exec: async (sql) => {
      await pool.query(sql);
    },
    tx: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({query: (sql, params) => client.query(sql, params) as never});
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
