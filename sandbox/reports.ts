/**
 * Monthly usage reports: generation (on demand and by the month-end job), settings, the outbox and
 * the CSV. The PDF is in report-pdf.ts.
 *
 * One report per tenant and calendar month (UTC), enforced by a unique index. A report of the month
 * in progress ("Generate now") is `complete: false` and is refreshed in place by a later "Generate
 * now"; once its month is over, the next generation (the month-end job or "Generate now")
 * completes it, and a complete report never changes again. So the job can run any number of times
 * for a month: the report is made (and emailed) once.
 *
 * Time: everything takes `today` (`YYYY-MM-DD`, UTC) as a parameter. The API passes the real date;
 * the control API's `POST /__sandbox/reports/month-end {date}` runs the job as on any date, so tests
 * simulate a month boundary without touching the process clock; `createSandbox({monthEndJob})`
 * runs the job on a timer with an injectable clock.
 */
import {PLANS, reportFileName} from '../src/contract/constants.js';
import type {Db, Queryable} from './db.js';
import {iso} from './context.js';
import {ApiError} from './http.js';
import {quotaOf, todayUtc} from './model.js';
import {csvCell} from './routes/usage.js';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
export const periodOf = (date: string): string => date.slice(0, 7);

/** The month before `period`. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/** First and last day of a month. */
export function periodRange(period: string): {from: string; end: string} {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return {from: `${period}-01`, end: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)};
}

export interface ReportLineRow {
  customer_id: number;
  name: string;
  plan: string;
  status: string;
  audio_minutes: number;
  transcriptions: number;
  quota_minutes: number;
  usage_percent: number;
  overage_minutes: number;
}

export interface ReportData {
  totals: {customers: number; active_customers: number; audio_minutes: number; transcriptions: number; quota_minutes: number; overage_minutes: number};
  plans: {plan: string; customers: number; quota_minutes: number; audio_minutes: number; transcriptions: number; overage_minutes: number}[];
  lines: ReportLineRow[];
}

export interface ReportRow {
  id: number;
  period: string;
  period_from: string;
  period_to: string;
  complete: boolean;
  trigger: 'schedule' | 'manual';
  generated_at: Date;
  data: ReportData;
}

/** A report row's columns (`data` last). */
export const REPORT_COLUMNS = `id, period, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, complete, trigger, generated_at, data`;

/** One of the tenant's reports, or 404 (another tenant's too). */
export async function loadReport(q: Queryable, tenantId: number, id: number): Promise<ReportRow> {
  const {rows} = await q.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1 AND tenant_id = $2`, [id, tenantId]);
  if (!rows[0]) throw new ApiError(404, 'Report not found');
  return rows[0];
}

/** The contract's Report (full) or ReportSummary (`summary`). */
export function reportObject(r: ReportRow, summary = false) {
  const base = {
    id: r.id, period: r.period, from: r.period_from, to: r.period_to, complete: r.complete, trigger: r.trigger,
    generated_at: iso(r.generated_at), totals: r.data.totals,
  };
  return summary ? base : {...base, plans: r.data.plans, lines: r.data.lines};
}

/**
 * The figures of `period` for a tenant, up to `to`: every customer that existed by the end of `to`
 * or used the service in the period, with its current plan and quota. Overage is the minutes above
 * a customer's quota (none without a quota).
 */
async function computeReport(q: Queryable, tenantId: number, from: string, to: string): Promise<ReportData> {
  const {rows} = await q.query<{id: number; name: string; plan: string; status: string; quota_minutes: number | null; m: number; t: number}>(
    `SELECT c.id, c.name, c.plan, c.status, c.quota_minutes,
       coalesce(sum(u.audio_minutes), 0)::float8 AS m, coalesce(sum(u.transcriptions), 0)::int AS t
     FROM customers c LEFT JOIN usage_daily u ON u.customer_id = c.id AND u.day BETWEEN $2::date AND $3::date
     WHERE c.tenant_id = $1
     GROUP BY c.id
     HAVING c.created_at < $3::date + 1 OR count(u.day) > 0
     ORDER BY m DESC, c.id`,
    [tenantId, from, to],
  );
  const lines: ReportLineRow[] = rows.map((r) => {
    const quota = quotaOf(r.plan, r.quota_minutes);
    const minutes = round1(r.m);
    return {
      customer_id: r.id, name: r.name, plan: r.plan, status: r.status, audio_minutes: minutes, transcriptions: r.t,
      quota_minutes: quota, usage_percent: quota > 0 ? Math.round((minutes / quota) * 1000) / 10 : 0,
      overage_minutes: quota > 0 ? round1(Math.max(0, minutes - quota)) : 0,
    };
  });
  const sum = (list: ReportLineRow[], key: 'audio_minutes' | 'transcriptions' | 'quota_minutes' | 'overage_minutes') => list.reduce((s, l) => s + l[key], 0);
  const plans = PLANS.map(({id}) => {
    const of = lines.filter((l) => l.plan === id);
    return {
      plan: id, customers: of.length, quota_minutes: sum(of, 'quota_minutes'), audio_minutes: round1(sum(of, 'audio_minutes')),
      transcriptions: sum(of, 'transcriptions'), overage_minutes: round1(sum(of, 'overage_minutes')),
    };
  });
  return {
    totals: {
      customers: lines.length, active_customers: lines.filter((l) => l.status === 'active').length,
      audio_minutes: round1(sum(lines, 'audio_minutes')), transcriptions: sum(lines, 'transcriptions'),
      quota_minutes: sum(lines, 'quota_minutes'), overage_minutes: round1(sum(lines, 'overage_minutes')),
    },
    plans, lines,
  };
}

export interface Generated {
  report: ReportRow;
  /** `created`: a new report; `completed`/`refreshed`: an incomplete one made complete / brought up to date; `unchanged`: already complete. */
  outcome: 'created' | 'completed' | 'refreshed' | 'unchanged';
}

/**
 * Generates the tenant's report of `period` as on `today` (`period` must not be after today's
 * month). Idempotent per period: a complete report is returned unchanged.
 */
export async function generateReport(db: Db, tenantId: number, period: string, today: string, trigger: 'schedule' | 'manual'): Promise<Generated> {
  const {from, end} = periodRange(period);
  const complete = today > end;
  const to = complete ? end : today;
  return db.tx(async (q) => {
    // Serialise generations of one tenant's month (two "Generate now" clicks, the job and a click).
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('report:' || $1::text || ':' || $2::text))`, [tenantId, period]);
    const existing = (await q.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports WHERE tenant_id = $1 AND period = $2`, [tenantId, period])).rows[0];
    if (existing?.complete) return {report: existing, outcome: 'unchanged'} as Generated;
    const data = await computeReport(q, tenantId, from, to);
    const {rows} = await q.query<ReportRow>(
      `INSERT INTO reports (tenant_id, period, period_from, period_to, complete, trigger, generated_at, data)
       VALUES ($1, $2, $3::date, $4::date, $5, $6, date_trunc('milliseconds', now()), $7::jsonb)
       ON CONFLICT (tenant_id, period) DO UPDATE SET period_to = EXCLUDED.period_to, complete = EXCLUDED.complete,
         trigger = EXCLUDED.trigger, generated_at = EXCLUDED.generated_at, data = EXCLUDED.data
       RETURNING ${REPORT_COLUMNS}`,
      [tenantId, period, from, to, complete, trigger, JSON.stringify(data)],
    );
    return {report: rows[0]!, outcome: existing ? (complete ? 'completed' : 'refreshed') : 'created'} as Generated;
  });
}

export interface Settings {
  enabled: boolean;
  recipients: string[];
  updated_at: string | null;
}

/** A tenant's report settings; never saved ones are the defaults: on, no recipients. */
export async function loadSettings(q: Queryable, tenantId: number): Promise<Settings> {
  const {rows} = await q.query<{enabled: boolean; recipients: string[]; updated_at: Date}>(
    `SELECT enabled, recipients, updated_at FROM report_settings WHERE tenant_id = $1`, [tenantId],
  );
  const r = rows[0];
  return r ? {enabled: r.enabled, recipients: r.recipients, updated_at: iso(r.updated_at)} : {enabled: true, recipients: [], updated_at: null};
}

export async function saveSettings(q: Queryable, tenantId: number, enabled: boolean, recipients: string[]): Promise<Settings> {
  await q.query(
    `INSERT INTO report_settings (tenant_id, enabled, recipients, updated_at) VALUES ($1, $2, $3, date_trunc('milliseconds', now()))
     ON CONFLICT (tenant_id) DO UPDATE SET enabled = EXCLUDED.enabled, recipients = EXCLUDED.recipients, updated_at = EXCLUDED.updated_at`,
    [tenantId, enabled, recipients],
  );
  return loadSettings(q, tenantId);
}

export {reportFileName};

export interface MonthEndResult {
  tenant_id: number;
  period: string;
  /** The report, or null when the tenant's reports are off. */
  report_id: number | null;
  outcome: Generated['outcome'] | 'disabled';
  /** The outbox entry written for this run (recipients set and the report made or completed now), or null. */
  outbox_id: number | null;
}

/**
 * The month-end job as on `today`: for each tenant (or just `tenantId`) whose reports are on, the
 * report of the month before today's, made or completed once and then recorded in the outbox for
 * its recipients. Running it again for the same month changes nothing.
 */
export async function runMonthEnd(db: Db, today: string, tenantId?: number): Promise<MonthEndResult[]> {
  const period = previousPeriod(periodOf(today));
  const tenants = tenantId === undefined
    ? (await db.query<{id: number}>('SELECT id FROM tenants ORDER BY id')).rows.map((r) => r.id)
    : [tenantId];
  const results: MonthEndResult[] = [];
  for (const id of tenants) {
    const settings = await loadSettings(db, id);
    if (!settings.enabled) {
      results.push({tenant_id: id, period, report_id: null, outcome: 'disabled', outbox_id: null});
      continue;
    }
    const {report, outcome} = await generateReport(db, id, period, today, 'schedule');
    let outboxId: number | null = null;
    if ((outcome === 'created' || outcome === 'completed') && settings.recipients.length) {
      const t = report.data.totals;
      const {rows} = await db.query<{id: number}>(
        `INSERT INTO report_outbox (tenant_id, report_id, recipients, subject, body, attachments) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          id, report.id, settings.recipients, `Usage report ${period}`,
          `The usage report of ${period} (${report.period_from} to ${report.period_to}): ${t.customers} customers, ` +
            `${t.audio_minutes} audio minutes, ${t.transcriptions} transcriptions, ${t.overage_minutes} minutes over quota.`,
          [reportFileName(period, 'csv'), reportFileName(period, 'pdf')],
        ],
      );
      outboxId = rows[0]!.id;
    }
    results.push({tenant_id: id, period, report_id: report.id, outcome, outbox_id: outboxId});
  }
  return results;
}

/**
 * Runs the month-end job for every tenant now and then every `intervalMs` (an hour by default), on
 * `now()` (the clock, injectable): the first run after a month boundary makes last month's
 * reports; the others find them made. Returns the function that stops it (after a run in progress).
 */
export function scheduleMonthEnd(db: Db, now: () => Date = () => new Date(), intervalMs = 3_600_000, onError: (err: unknown) => void = (err) => console.error('[sandbox] month-end job failed:', err)): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running ??= runMonthEnd(db, now().toISOString().slice(0, 10)).catch(onError).finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

export const CSV_HEADER = ['period', 'line', 'customer_id', 'customer_name', 'plan', 'status', 'audio_minutes', 'transcriptions', 'quota_minutes', 'usage_percent', 'overage_minutes'] as const;

/**
 * The report as CSV (RFC 4180, CRLF, formula-safe cells through `csvCell`): one `customer` row per
 * line, then one `total` row with the totals; the same figures as the JSON.
 */
export function reportCsv(r: ReportRow): string {
  const rows: (string | number)[][] = [[...CSV_HEADER]];
  for (const l of r.data.lines) {
    rows.push([r.period, 'customer', l.customer_id, l.name, l.plan, l.status, l.audio_minutes, l.transcriptions, l.quota_minutes, l.usage_percent, l.overage_minutes]);
  }
  const t = r.data.totals;
  rows.push([r.period, 'total', '', '', '', '', t.audio_minutes, t.transcriptions, t.quota_minutes, '', t.overage_minutes]);
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export {todayUtc};
