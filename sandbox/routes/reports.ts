/** Monthly usage reports: list, one, CSV, PDF, "Generate now", settings (RESELLER only). */
import type {Hono} from 'hono';
import {Report, ReportGenerate, ReportListQuery, ReportPage, ReportSettings, ReportSettingsUpdate} from '../../src/contract/schemas.js';
import {type Env, idParam, requireReseller, send} from '../context.js';
import {ApiError, JSON_LIMIT, NO_STORE, parseJson, readLimited, validate} from '../http.js';
import {idempotent} from '../idempotency.js';
import {reportPdf} from '../report-pdf.js';
import {
  generateReport, loadReport, loadSettings, periodOf, REPORT_COLUMNS, reportCsv, reportFileName, reportObject, type ReportRow, saveSettings, todayUtc,
} from '../reports.js';

const download = (body: string | Uint8Array<ArrayBuffer>, type: string, name: string): Response =>
  new Response(body, {status: 200, headers: {...NO_STORE, 'content-type': type, 'content-disposition': `attachment; filename="${name}"`}});

export function reportRoutes(api: Hono<Env>): void {
  api.get('/reports', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const query = validate(ReportListQuery, c.req.query(), 'Invalid query parameters');
    const {rows: [count]} = await db.query<{total: number}>('SELECT count(*)::int AS total FROM reports WHERE tenant_id = $1', [p.tenantId]);
    const {rows} = await db.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS.replace(/, data$/, '')}, jsonb_build_object('totals', data->'totals') AS data
       FROM reports WHERE tenant_id = $1 ORDER BY period DESC LIMIT $2 OFFSET $3`,
      [p.tenantId, query.per_page, (query.page - 1) * query.per_page],
    );
    return send(ReportPage, {data: rows.map((r) => reportObject(r, true)), page: query.page, per_page: query.per_page, total: count!.total});
  });

  api.post('/reports', async (c) => {
    const p = requireReseller(c);
    return idempotent(c, p, JSON_LIMIT, async (bytes) => {
      const input = validate(ReportGenerate, bytes.byteLength ? parseJson(c.req.raw, bytes) : {});
      const today = todayUtc();
      const period = input.period ?? periodOf(today);
      if (period > periodOf(today)) throw new ApiError(422, 'Some fields are invalid', {period: {code: 'invalid', message: 'This month has not started yet'}});
      const {report, outcome} = await generateReport(c.get('deps').db, p.tenantId, period, today, 'manual');
      return send(Report, reportObject(report), outcome === 'created' ? 201 : 200);
    });
  });

  api.get('/reports/settings', async (c) => {
    const p = requireReseller(c);
    return send(ReportSettings, await loadSettings(c.get('deps').db, p.tenantId));
  });

  api.put('/reports/settings', async (c) => {
    const p = requireReseller(c);
    const input = validate(ReportSettingsUpdate, parseJson(c.req.raw, await readLimited(c.req.raw, JSON_LIMIT)));
    // One address once: a repeat (case-insensitive) is refused where it stands, not silently dropped.
    const seen = new Set<string>();
    input.recipients.forEach((email, i) => {
      const key = email.toLowerCase();
      if (seen.has(key)) throw new ApiError(422, 'Some fields are invalid', {[`recipients.${i}`]: {code: 'invalid', message: 'This address is already in the list'}});
      seen.add(key);
    });
    return send(ReportSettings, await saveSettings(c.get('deps').db, p.tenantId, input.enabled, input.recipients));
  });

  api.get('/reports/:id', async (c) => {
    const p = requireReseller(c);
    return send(Report, reportObject(await loadReport(c.get('deps').db, p.tenantId, idParam(c))));
  });

  api.get('/reports/:id/csv', async (c) => {
    const p = requireReseller(c);
    const report = await loadReport(c.get('deps').db, p.tenantId, idParam(c));
    return download(reportCsv(report), 'text/csv; charset=utf-8', reportFileName(report.period, 'csv'));
  });

  api.get('/reports/:id/pdf', async (c) => {
    const p = requireReseller(c);
    const {db} = c.get('deps');
    const report = await loadReport(db, p.tenantId, idParam(c));
    const {rows} = await db.query<{name: string}>('SELECT name FROM tenants WHERE id = $1', [p.tenantId]);
    return download(await reportPdf(report, rows[0]?.name ?? ''), 'application/pdf', reportFileName(report.period, 'pdf'));
  });
}
