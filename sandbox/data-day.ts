/**
 * Demo data that stays current. `npm start` keeps its database between runs; seeded on the 1st of a
 * month and opened on the 20th, it would show no usage this month, empty quota meters and a
 * transcription list that stopped weeks ago. On start, every seeded date moves forward by the whole
 * days since the data was last brought up to date (never past now), so the data looks as it did on
 * the day it was seeded: same weekdays, same month-to-date shape, usage still the sum of the
 * transcripts listed.
 *
 * The day is kept in `sandbox_meta` ('data_day'); a database seeded before it existed falls back to
 * its latest usage day. Only dates the seed writes move (tenants, customers, users, tokens,
 * transcripts, documents, usage); a token's expiry moves with it and may stay in the future.
 */
import type {Db, Queryable} from './db.js';

const DATA_DAY = 'data_day';
/** Days (~2,700 years) further than any seeded date is from another. */
const FAR = 1_000_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Records that the data is current as of `day` (the seed calls it). */
export async function markDataDay(q: Queryable, day = isoDay(Date.now())): Promise<void> {
  await q.query(
    `INSERT INTO sandbox_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [DATA_DAY, day],
  );
}

/** Moves the seeded dates forward to `today`; returns the number of days moved (0 when current or empty). */
export async function keepDatesCurrent(db: Db, today = isoDay(Date.now())): Promise<number> {
  return db.tx(async (q) => {
    const {rows: [meta]} = await q.query<{value: string}>(`SELECT value FROM sandbox_meta WHERE key = $1`, [DATA_DAY]);
    const {rows: [latest]} = meta ? {rows: [{day: meta.value}]} : await q.query<{day: string | null}>(`SELECT max(day)::text AS day FROM usage_daily`);
    const days = latest?.day ? daysBetween(latest.day, today) : 0;
    if (days > 0) await moveDates(q, days);
    if (days > 0 || (!meta && latest?.day)) await markDataDay(q, today);
    return Math.max(0, days);
  });
}

/**
 * Moves every seeded date by `days` (negative: back), never past now; a token's expiry moves as
 * given. Exported for tests, which age fresh data with it.
 */
export async function moveDates(q: Queryable, days: number): Promise<void> {
  // `col + LEAST(…)`, not `LEAST(col + …, now())`: LEAST skips NULLs, and an unset date must stay unset.
  const move = (column: string) => `${column} = ${column} + LEAST($1::int * interval '1 day', now() - ${column})`;
  await q.query(`UPDATE tenants SET ${move('created_at')}, ${move('branding_updated_at')}`, [days]);
  await q.query(`UPDATE customers SET ${move('created_at')}, ${move('updated_at')}`, [days]);
  await q.query(`UPDATE users SET ${move('created_at')}, ${move('last_login_at')}, ${move('accepted_at')}`, [days]);
  await q.query(
    `UPDATE tokens SET ${move('created_at')}, ${move('last_used_at')}, ${move('revoked_at')}, expires_at = expires_at + $1::int * interval '1 day'`,
    [days],
  );
  await q.query(`UPDATE transcripts SET ${move('created_at')}, ${move('completed_at')}`, [days]);
  await q.query(`UPDATE documents SET ${move('created_at')}`, [days]);
  // (customer, day) is the key and is checked row by row: moving day by day could collide half-way,
  // so the rows go far out first (no seeded day is anywhere near) and then to where they belong.
  await q.query(`UPDATE usage_daily SET day = day + $1::int`, [FAR + days]);
  await q.query(`UPDATE usage_daily SET day = day - $1::int`, [FAR]);
}
