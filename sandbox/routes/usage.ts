/** Usage: one customer's daily series, the reseller-wide aggregate, and the CSV export. */
import type {Hono} from 'hono';
import {AggregateUsage, CustomerUsage, UsageExportQuery, UsageQuery} from '../../src/contract/schemas.js';
import {type Env, idParam, requireReseller, send} from '../context.js';
import {ApiError, validate} from '../http.js';
import {addDays, assertCustomer, billingPeriod, loadCustomer, percent, quotaOf, todayUtc} from '../model.js';

const MAX_RANGE_DAYS = 1100;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** [from, to]: `to` defaults to today, `from` to 29 days before `to` (30 days). */
function range(query: {from?: string; to?: string}): {from: string; to: string} {
  const to = query.to ?? todayUtc();
  const from = query.from ?? addDays(to, -29);
  if (from > to) throw new ApiError(422, 'Invalid date range', {from: 'The start date is after the end date'});
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) throw new ApiError(422, 'Invalid date range', {to: `The range is at most ${MAX_RANGE_DAYS} days`});
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
  // first bucket, which then holds only the days inside [from, to].
  api.get('/usage/export', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const query = validate(UsageExportQuery, c.req.query(), 'Invalid query parameters');
    const {from, to} = range(query);
    const params: unknown[] = [p.tenantId, from, to];
    if (query.customer_id !== undefined) {
      await assertCustomer(db, p.tenantId, query.customer_id);
      params.push(query.customer_id);
    }
    const {rows} = await db.query<{period_start: string; id: number; name: string; m: number; t: number}>(
      `SELECT to_char(${BUCKETS[query.granularity]}, 'YYYY-MM-DD') AS period_start, c.id, c.name,
         sum(u.audio_minutes)::float8 AS m, sum(u.transcriptions)::int AS t
       FROM usage_daily u JOIN customers c ON c.id = u.customer_id
       WHERE c.tenant_id = $1 AND u.day BETWEEN $2::date AND $3::date${params.length > 3 ? ' AND c.id = $4' : ''}
       GROUP BY 1, c.id, c.name
       ORDER BY 1, c.id`,
      params,
    );
    const lines = ['period_start,customer_id,customer_name,audio_minutes,audio_hours,transcriptions'];
    for (const r of rows) {
      lines.push([r.period_start, r.id, r.name, round1(r.m), Math.round((r.m / 60) * 100) / 100, r.t].map(csvCell).join(','));
    }
    return new Response(lines.join('\r\n') + '\r\n', {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="usage_${from}_${to}.csv"`,
        'cache-control': 'no-store',
      },
    });
  });
}
