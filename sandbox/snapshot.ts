/**
 * The seeded demo database as a file, so `npm start` on an empty data directory restores it instead
 * of running initdb and the seed (~13 s on a 2-core machine; a restore is ~1 s).
 *
 * `npm ci` builds it (the `prepare` script: scripts/seed-snapshot.ts) into
 * node_modules/.cache/reseller-sandbox/, never into the repository: its name carries a hash of the
 * PGlite version, the schema and the seed's code, so a changed seed makes a new file and a stale one
 * is never read. No file (scripts skipped, another seed): the data directory is seeded as before.
 * The snapshot keeps the day it was seeded (`sandbox_meta.data_day`): a restore on a later day moves
 * its dates to today like any older data directory (data-day.ts).
 */
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {openDb, PGLITE_VERSION} from './db.js';
import {createSchema, SCHEMA_VERSION} from './schema.js';
import {seedDefault} from './seed.js';
import {tarWithout} from './tar.js';

/** The sources whose change changes the seeded data. */
const SEED_SOURCES = ['seed.ts', 'seed-data.ts', 'data-day.ts', 'tokens.ts', 'schema.ts', 'db.ts', 'snapshot.ts', 'tar.ts'];

/** PGlite version, schema and seed code: what the snapshot's content depends on. */
export function seedSnapshotKey(): string {
  const hash = createHash('sha256').update(`${PGLITE_VERSION}\n${SCHEMA_VERSION}\n`);
  for (const name of SEED_SOURCES) {
    const url = new URL(`./${name}`, import.meta.url);
    // Run from the TypeScript sources (tsx): the sources are there. Elsewhere (a bundle) there is
    // no snapshot, and the key says so.
    if (!existsSync(url)) return 'no-sources';
    hash.update(readFileSync(url));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where the snapshot for the current seed lives (it may not exist). */
export function seedSnapshotPath(key = seedSnapshotKey()): string {
  return fileURLToPath(new URL(`../node_modules/.cache/reseller-sandbox/seed-${key}.tar`, import.meta.url));
}

/** The snapshot to restore into an empty data directory, or null when there is none for this seed. */
export function findSeedSnapshot(): string | null {
  if (process.env.SANDBOX_SNAPSHOT === '0') return null;
  const key = seedSnapshotKey();
  if (key === 'no-sources') return null;
  const file = seedSnapshotPath(key);
  return existsSync(file) ? file : null;
}

/** Seeds the two documented tenants in memory and writes the database to `file` (atomically). */
export async function buildSeedSnapshot(file = seedSnapshotPath()): Promise<{file: string; bytes: number}> {
  const db = await openDb({dataDir: null, init: createSchema, templateKey: `${PGLITE_VERSION}-${SCHEMA_VERSION}`});
  try {
    await seedDefault(db);
    // Written pages, not WAL to replay: the restored database starts as a cleanly stopped one.
    await db.exec('VACUUM ANALYZE');
    await db.exec('CHECKPOINT');
    const {rows: [wal]} = await db.query<{segment: string}>('SELECT pg_walfile_name(pg_current_wal_lsn()) AS segment');
    const dump = await db.dumpDataDir!();
    // The other WAL segments are recycled ones kept for later writes (112 MB of a first 178 MB file).
    const bytes = tarWithout(Buffer.from(await dump.arrayBuffer()), (name) => {
      const segment = /(?:^|\/)pg_wal\/([0-9A-F]{24})$/.exec(name)?.[1];
      return segment !== undefined && segment !== wal!.segment;
    });
    mkdirSync(dirname(file), {recursive: true});
    for (const old of readdirSync(dirname(file))) {
      if (/^seed-[0-9a-f]+\.tar$/.test(old) && join(dirname(file), old) !== file) rmSync(join(dirname(file), old), {force: true});
    }
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    return {file, bytes: bytes.length};
  } finally {
    await db.close();
  }
}
