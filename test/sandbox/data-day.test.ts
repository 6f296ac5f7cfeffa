/**
 * Demo data stays current (sandbox/data-day.ts): data seeded days ago has its dates moved forward on
 * start, by whole days, never past now, with usage still the sum of the finished transcripts per day.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {keepDatesCurrent, markDataDay, moveDates} from '../../sandbox/data-day.js';
import {openDb, PGLITE_VERSION, type Db} from '../../sandbox/db.js';
import {createSchema, SCHEMA_VERSION} from '../../sandbox/schema.js';
import {seedTenant} from '../../sandbox/seed.js';

const DAY = 86_400_000;
/** An in-memory database from the tests' snapshot of an empty one. */
const FRESH = {dataDir: null, init: createSchema, templateKey: `${PGLITE_VERSION}-${SCHEMA_VERSION}`};
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const TODAY = isoDay(Date.now());
const SEEDED_ON = isoDay(Date.now() - 12 * DAY);

/** Data as a start twelve days ago left it: seeded today, then every date moved twelve days back. */
async function seededDaysAgo(): Promise<Db> {
  const db = await openDb(FRESH);
  await seedTenant(db, {name: 'Stale Demo', customers: 25, seed: 21_001});
  await db.tx((q) => moveDates(q, -12));
  return db;
}

/** Per customer and day: usage_daily against the finished transcripts of that day. */
async function usageMismatches(db: Db): Promise<number> {
  const {rows} = await db.query<{n: number}>(`
    SELECT count(*)::int AS n FROM usage_daily u
    FULL JOIN (SELECT customer_id, (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS c, sum(duration_seconds) / 60.0 AS m
               FROM transcripts WHERE status = 'done' GROUP BY 1, 2) t USING (customer_id, day)
    WHERE u.transcriptions IS DISTINCT FROM t.c OR round(u.audio_minutes, 1) IS DISTINCT FROM round(t.m, 1)`);
  return rows[0]!.n;
}

/** How many rows leave each nullable date unset. */
async function unsetDates(db: Db) {
  const {rows: [r]} = await db.query<{revoked: number; loggedIn: number; used: number; completed: number; expires: number}>(`SELECT
    (SELECT count(*)::int FROM tokens WHERE revoked_at IS NULL) AS revoked,
    (SELECT count(*)::int FROM tokens WHERE last_used_at IS NULL) AS used,
    (SELECT count(*)::int FROM tokens WHERE expires_at IS NULL) AS expires,
    (SELECT count(*)::int FROM users WHERE last_login_at IS NULL) AS "loggedIn",
    (SELECT count(*)::int FROM transcripts WHERE completed_at IS NULL) AS completed`);
  return r!;
}

const one = async <T>(db: Db, sql: string) => (await db.query<{v: T}>(sql)).rows[0]!.v;

void test('data seeded twelve days ago is moved twelve days forward, consistently, never past now', async () => {
  const db = await seededDaysAgo();
  try {
    await markDataDay(db, SEEDED_ON);
    const before = {
      lastUsage: await one<string>(db, `SELECT max(day)::text AS v FROM usage_daily`),
      transcripts: await one<number>(db, `SELECT count(*)::int AS v FROM transcripts`),
      expiry: await one<string | null>(db, `SELECT min(expires_at)::text AS v FROM tokens WHERE expires_at IS NOT NULL`),
      minutes: await one<string>(db, `SELECT sum(audio_minutes)::text AS v FROM usage_daily`),
      unset: await unsetDates(db),
    };
    assert.equal(before.lastUsage, SEEDED_ON, 'the seed has usage on the day it was seeded');
    assert.equal(await usageMismatches(db), 0, 'seeded usage matches its transcripts');

    assert.equal(await keepDatesCurrent(db, TODAY), 12);

    assert.equal(await one<string>(db, `SELECT max(day)::text AS v FROM usage_daily`), TODAY, 'the latest usage is today');
    assert.equal(await one<number>(db, `SELECT count(*)::int AS v FROM transcripts`), before.transcripts, 'no transcript lost');
    assert.equal(await one<string>(db, `SELECT sum(audio_minutes)::text AS v FROM usage_daily`), before.minutes, 'no minute lost');
    assert.equal(await usageMismatches(db), 0, 'usage still equals the finished transcripts, day by day');
    assert.deepEqual(await unsetDates(db), before.unset, 'an unset date stays unset (not revoked, never logged in, still processing)');
    assert.ok(before.unset.revoked > 0 && before.unset.loggedIn > 0, `the seed has unset dates to keep: ${JSON.stringify(before.unset)}`);
    for (const [table, column] of [['customers', 'created_at'], ['customers', 'updated_at'], ['users', 'created_at'], ['users', 'last_login_at'], ['tokens', 'last_used_at'], ['transcripts', 'created_at'], ['transcripts', 'completed_at'], ['documents', 'created_at']]) {
      assert.equal(await one<number>(db, `SELECT count(*)::int AS v FROM ${table} WHERE ${column} > now()`), 0, `no ${table}.${column} in the future`);
    }
    if (before.expiry) {
      const moved = await one<string>(db, `SELECT min(expires_at)::text AS v FROM tokens WHERE expires_at IS NOT NULL`);
      assert.equal(Date.parse(moved) - Date.parse(before.expiry), 12 * DAY, 'a token expiry moves by the same days');
    }
    assert.equal(await keepDatesCurrent(db, TODAY), 0, 'a second start the same day moves nothing');
  } finally {
    await db.close();
  }
});

void test('a database seeded before the data day was recorded falls back to its latest usage day', async () => {
  const db = await seededDaysAgo();
  try {
    assert.equal(await one<number>(db, `SELECT count(*)::int AS v FROM sandbox_meta`), 0);
    assert.equal(await keepDatesCurrent(db, TODAY), 12);
    assert.equal(await one<string>(db, `SELECT value AS v FROM sandbox_meta WHERE key = 'data_day'`), TODAY, 'recorded for the next start');
  } finally {
    await db.close();
  }
});

void test('an empty database and a clock that went back move nothing', async () => {
  const db = await openDb(FRESH);
  try {
    assert.equal(await keepDatesCurrent(db, TODAY), 0);
    await markDataDay(db, isoDay(Date.now() + 3 * DAY));
    assert.equal(await keepDatesCurrent(db, TODAY), 0);
  } finally {
    await db.close();
  }
});
