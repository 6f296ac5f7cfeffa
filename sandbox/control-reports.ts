/**
 * Control API for monthly reports (a tenant's bearer token says which tenant):
 * - `POST /__sandbox/reports/month-end` body `{date: 'YYYY-MM-DD'}` runs the month-end job as on
 *   that date for the bearer's tenant (the report of the month before `date`'s), answering
 *   `200 {data: [{tenant_id, period, report_id, outcome, outbox_id}]}`: how tests and the demo
 *   simulate a month boundary without moving the clock. Run twice, it makes the report once.
 * - `GET /__sandbox/outbox`: what the job would have emailed the tenant's recipients, newest first.
 */
import type {Hono} from 'hono';
import * as z from 'zod/mini';
import {DateOnly} from '../src/contract/schemas.js';
import {type Env, iso, requireReseller} from './context.js';
import {JSON_LIMIT, NO_STORE, parseJson, readLimited, validate} from './http.js';
import {runMonthEnd} from './reports.js';

const MonthEnd = z.object({date: DateOnly});

export function reportControlRoutes(app: Hono<Env>): void {
  app.post('/__sandbox/reports/month-end', async (c) => {
    const p = requireReseller(c);
    const input = validate(MonthEnd, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    return c.json({data: await runMonthEnd(c.get('deps').db, input.date, p.tenantId)}, 200, NO_STORE);
  });

  app.get('/__sandbox/outbox', async (c) => {
    const p = requireReseller(c);
    const {rows} = await c.get('deps').db.query<{id: number; report_id: number; recipients: string[]; subject: string; body: string; attachments: string[]; created_at: Date}>(
      `SELECT id, report_id, recipients, subject, body, attachments, created_at FROM report_outbox WHERE tenant_id = $1 ORDER BY id DESC LIMIT 100`,
      [p.tenantId],
    );
    return c.json({data: rows.map((r) => ({...r, created_at: iso(r.created_at)}))}, 200, NO_STORE);
  });
}
