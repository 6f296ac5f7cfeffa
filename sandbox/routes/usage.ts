/** Usage: one customer's daily series, the reseller-wide aggregate, and the CSV export. */
import type {Hono} from 'hono';
import {AggregateUsage, CustomerUsage, UsageExportQuery, UsageQuery} from '../../src/contract/schemas.js';
import {type Env, idParam, requireReseller, send} from '../context.js';
import {ApiError, validate} from '../http.js';
import {currentLane, streamingResponse, withLane} from '../limits.js';
import {addDays, assertCustomer, billingPeriod, loadCustomer, percent, quotaOf, todayUtc} from '../model.js';

const MAX_RANGE_DAYS = 1100;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** [from, to]: `to` defaults to today, `from` to 29 days before `to` (30 days). */
function range(query: {from?: string; to?: string}): {from: string; to: string} {
  const to = query.to ?? todayUtc();
  const from = query.from ?? addDays(to, -29);
  if (from > to) throw new ApiError(422, 'Invalid date range', {from: {code: 'range_reversed', message: 'The start date is after the end date'}});
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) throw new ApiError(422, 'Invalid date range', {to: {code: 'range_too_long', message: `The range is at most ${MAX_RANGE_DAYS} days`}});
  return {from, to};
}

interface PointRow {
  date: string;
  audio_minutes: number;
  transcriptions: number;
}
const point = (r: PointRow) => ({date: r.date, audio_minutes: round1(r.audio_minutes), transcriptions: r.transcriptions});

/** RFC 4180 quoting, and CSV-injection safety: a text cell starting with = + - @ (or tab / CR) gets a leading '. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows a chunk of the streamed export reads at most (about: whole buckets only). */
export const EXPORT_CHUNK_ROWS = 4000;
const BUCKET_DAYS = {day: 1, week: 7, month: 31} as const;

/**
 * The streamed export's chunks: [first day, last day] ranges inside [from, to], each made of whole
 * buckets (so no bucket is split and the rows come out in the same order as one query would give),
 * each reading about EXPORT_CHUNK_ROWS daily rows of `customers` customers.
 */
export function exportChunks(granularity: keyof typeof BUCKETS, from: string, to: string, customers: number): [string, string][] {
  const perChunk = Math.max(1, Math.floor(EXPORT_CHUNK_ROWS / (Math.max(1, customers) * BUCKET_DAYS[granularity])));
  const day = new Date(`${from}T00:00:00Z`);
  if (granularity === 'week') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  if (granularity === 'month') day.setUTCDate(1);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const chunks: [string, string][] = [];
  while (iso(day) <= to) {
    const lo = iso(day) < from ? from : iso(day);
    for (let i = 0; i < perChunk; i++) {
      if (granularity === 'day') day.setUTCDate(day.getUTCDate() + 1);
      else if (granularity === 'week') day.setUTCDate(day.getUTCDate() + 7);
      else day.setUTCMonth(day.getUTCMonth() + 1);
    }
    const last = new Date(day.getTime() - 86_400_000);
    chunks.push([lo, iso(last) > to ? to : iso(last)]);
  }
  return chunks;
}

const BUCKETS = {day: 'u.day', week: `date_trunc('week', u.day)::date`, month: `date_trunc('month', u.day)::date`} as const;

export function usageRoutes(api: Hono<Env>): void {
  api.get('/customers/:id/usage', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const customer = await loadCustomer(db, p.tenantId, idParam(c));
    const {from, to} = range(validate(UsageQuery, c.req.query(), 'Invalid query parameters'));
    const {rows} = await db.query<PointRow>(
      `SELECT to_char(d, 'YYYY-MM-DD') AS date, coalesce(u.audio_minutes, 0)::float8 AS audio_minutes, coalesce(u.transcriptions, 0)::int AS transcriptions
       FROM generate_series($2::date, $3::date, interval '1 day') AS d
       LEFT JOIN usage_daily u ON u.customer_id = $1 AND u.day = d::date
       ORDER BY d`,
      [customer.id, from, to],
    );
    const quota = quotaOf(customer.plan, customer.quota_minutes);
    const minutes = round1(customer.period_minutes);
    return send(CustomerUsage, {
      customer_id: customer.id, plan: customer.plan, from, to, billing_period: billingPeriod(),
      transcription_minutes: minutes, quota_minutes: quota, usage_percent: percent(minutes, quota), daily: rows.map(point),
    });
  });

  api.get('/usage', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const {from, to} = range(validate(UsageQuery, c.req.query(), 'Invalid query parameters'));
    const {rows: daily} = await db.query<PointRow>(
      `SELECT to_char(d, 'YYYY-MM-DD') AS date, coalesce(s.m, 0)::float8 AS audio_minutes, coalesce(s.t, 0)::int AS transcriptions
       FROM generate_series($2::date, $3::date, interval '1 day') AS d
       LEFT JOIN (
         SELECT u.day, sum(u.audio_minutes) AS m, sum(u.transcriptions) AS t
         FROM usage_daily u JOIN customers c ON c.id = u.customer_id
         WHERE c.tenant_id = $1 AND u.day BETWEEN $2::date AND $3::date GROUP BY u.day
       ) s ON s.day = d::date
       ORDER BY d`,
      [p.tenantId, from, to],
    );
    const {rows} = await db.query<{id: number; name: string; plan: string; status: string; quota_minutes: number | null; audio_minutes: number; transcriptions: number; period_minutes: number}>(
      `SELECT c.id, c.name, c.plan, c.status, c.quota_minutes,
         coalesce(r.m, 0)::float8 AS audio_minutes, coalesce(r.t, 0)::int AS transcriptions, coalesce(b.m, 0)::float8 AS period_minutes
       FROM customers c
       LEFT JOIN (SELECT u.customer_id, sum(u.audio_minutes) AS m, sum(u.transcriptions) AS t FROM usage_daily u JOIN customers c2 ON c2.id = u.customer_id
                  WHERE c2.tenant_id = $1 AND u.day BETWEEN $2::date AND $3::date GROUP BY u.customer_id) r ON r.customer_id = c.id
       LEFT JOIN (SELECT u.customer_id, sum(u.audio_minutes) AS m FROM usage_daily u JOIN customers c2 ON c2.id = u.customer_id
                  WHERE c2.tenant_id = $1 AND u.day >= $4::date GROUP BY u.customer_id) b ON b.customer_id = c.id
       WHERE c.tenant_id = $1
       ORDER BY audio_minutes DESC, c.id ASC`,
      [p.tenantId, from, to, billingPeriod().start],
    );
    const customers = rows.map((r) => {
      const quota = quotaOf(r.plan, r.quota_minutes);
      const minutes = round1(r.period_minutes);
      return {
        customer_id: r.id, name: r.name, plan: r.plan, status: r.status, audio_minutes: round1(r.audio_minutes), transcriptions: r.transcriptions,
        transcription_minutes: minutes, quota_minutes: quota, usage_percent: percent(minutes, quota),
      };
    });
    return send(AggregateUsage, {
      from, to,
      totals: {
        audio_minutes: round1(daily.reduce((s, d) => s + d.audio_minutes, 0)),
        transcriptions: daily.reduce((s, d) => s + d.transcriptions, 0),
        customers: customers.length,
        active_customers: customers.filter((r) => r.status === 'active').length,
      },
      daily: daily.map(point),
      customers,
    });
  });

  // CSV: one row per bucket and customer with usage in it (empty buckets are left out). Week buckets
  // start on the ISO Monday (UTC), month buckets on the 1st; period_start may precede `from` for the
  // first bucket, which then holds only the days inside [from, to]. Streamed (see exportChunks).
  api.get('/usage/export', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const query = validate(UsageExportQuery, c.req.query(), 'Invalid query parameters');
    const {from, to} = range(query);
    if (query.customer_id !== undefined) await assertCustomer(db, p.tenantId, query.customer_id);
    const customers = query.customer_id !== undefined ? 1
      : (await db.query<{n: number}>('SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1', [p.tenantId])).rows[0]!.n;
    const chunks = exportChunks(query.granularity, from, to, customers);
    const lane = currentLane(); // the stream is read in its reader's context: keep the tenant's lane
    const encoder = new TextEncoder();
    let next = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('period_start,customer_id,customer_name,audio_minutes,audio_hours,transcriptions\r\n'));
      },
      pull: (controller) => withLane(lane, async () => {
        // One chunk per pull: the reader's pace, and other tenants' statements between chunks.
        while (next < chunks.length) {
          const [lo, hi] = chunks[next++]!;
          const params: unknown[] = [p.tenantId, lo, hi];
          if (query.customer_id !== undefined) params.push(query.customer_id);
          const {rows} = await db.query<{period_start: string; id: number; name: string; m: number; t: number}>(
            `SELECT to_char(${BUCKETS[query.granularity]}, 'YYYY-MM-DD') AS period_start, c.id, c.name,
               sum(u.audio_minutes)::float8 AS m, sum(u.transcriptions)::int AS t
             FROM usage_daily u JOIN customers c ON c.id = u.customer_id
             WHERE c.tenant_id = $1 AND u.day BETWEEN $2::date AND $3::date${params.length > 3 ? ' AND c.id = $4' : ''}
             GROUP BY 1, c.id, c.name
             ORDER BY 1, c.id`,
            params,
          );
          if (!rows.length) continue;
          let text = '';
          for (const r of rows) text += [r.period_start, r.id, r.name, round1(r.m), Math.round((r.m / 60) * 100) / 100, r.t].map(csvCell).join(',') + '\r\n';
          controller.enqueue(encoder.encode(text));
          return;
        }
        controller.close();
      }),
    }, {highWaterMark: 0});
    return streamingResponse(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="usage_${from}_${to}.csv"`,
        'cache-control': 'no-store',
      },
    });
  });
}
