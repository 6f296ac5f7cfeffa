/** Row → contract object mapping, the billing period, and the shared customer SELECT. */
import {PLANS} from '../src/contract/constants.js';
import {iso} from './context.js';
import type {Queryable} from './db.js';
import {ApiError} from './http.js';

export {PLANS};

export const planOf = (id: string) => PLANS.find((p) => p.id === id)!;

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The billing period: the current calendar month in UTC. */
export function billingPeriod(today = todayUtc()): {start: string; end: string} {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return {start: `${today.slice(0, 7)}-01`, end: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)};
}

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A period's amount: the plan's monthly price plus each minute above its included minutes at the
 * overage rate, to the cent; `null` for a plan priced by contract (Enterprise). Minutes as shown
 * (one decimal), so the amount follows from the figures on screen.
 */
export function billingAmount(plan: string, minutes: number): number | null {
  const p = planOf(plan);
  if (p.monthly_price === null || p.overage_per_minute === null) return null;
  return Math.round((p.monthly_price + Math.max(0, minutes - (p.monthly_minutes ?? 0)) * p.overage_per_minute) * 100) / 100;
}

export const percent = (minutes: number, quota: number): number => (quota > 0 ? Math.round((minutes / quota) * 1000) / 10 : 0);

/** The plan's monthly minutes, else the customer's custom quota (Enterprise), else 0. */
export const quotaOf = (plan: string, custom: number | null): number => PLANS.find((p) => p.id === plan)?.monthly_minutes ?? custom ?? 0;

export interface CustomerRow {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  plan: string;
  quota_minutes: number | null;
  status: string;
  metadata: Record<string, string>;
  created_at: Date;
  updated_at: Date;
  period_minutes: number;
}

/** Columns of `customers c` plus the current period's minutes (a lateral sum over usage_daily). */
export const CUSTOMER_COLUMNS = `c.id, c.name, c.email, c.phone, c.plan, c.quota_minutes, c.status, c.metadata, c.created_at, c.updated_at,
  coalesce((SELECT sum(u.audio_minutes) FROM usage_daily u WHERE u.customer_id = c.id AND u.day >= $PERIOD::date), 0)::float8 AS period_minutes`;

export function customerObject(r: CustomerRow) {
  return {
    id: r.id, name: r.name, email: r.email, phone: r.phone, plan: r.plan, status: r.status,
    usage: {transcription_minutes: Math.round(r.period_minutes * 10) / 10, quota_minutes: quotaOf(r.plan, r.quota_minutes)},
    metadata: r.metadata ?? {},
    created_at: iso(r.created_at), updated_at: iso(r.updated_at),
  };
}

/** Weak ETag from the update time in ms. */
export const etagOf = (r: {updated_at: Date}): string => `W/"${new Date(r.updated_at).getTime()}"`;

/** One of the tenant's customers (with period usage), or 404. */
export async function loadCustomer(q: Queryable, tenantId: number, id: number, forUpdate = false): Promise<CustomerRow> {
  const {start} = billingPeriod();
  const {rows} = await q.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS.replace('$PERIOD', '$3')} FROM customers c WHERE c.id = $1 AND c.tenant_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, tenantId, start],
  );
  if (!rows[0]) throw new ApiError(404, 'Customer not found');
  return rows[0];
}

/** 404 unless the customer belongs to the tenant. */
export async function assertCustomer(q: Queryable, tenantId: number, id: number): Promise<void> {
  const {rows} = await q.query(`SELECT 1 FROM customers WHERE id = $1 AND tenant_id = $2`, [id, tenantId]);
  if (!rows.length) throw new ApiError(404, 'Customer not found');
}

/** Escapes LIKE wildcards and wraps in `%…%`. */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export const isUniqueViolation = (err: unknown): boolean => (err as {code?: string})?.code === '23505';
