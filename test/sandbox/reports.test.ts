/**
 * Monthly usage reports: the month-end job at a simulated month boundary (once per period), "Generate
 * now", the CSV against the JSON, the PDF parsed back, settings, the outbox, isolation and roles.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {inflateSync} from 'node:zlib';
import {Report, ReportPage, ReportSettings} from '../../src/contract/schemas.js';
import {call, control, raw, tenant, today} from './helpers.js';

const thisMonth = () => today().slice(0, 7);
const monthBefore = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
};
const monthAfter = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
};
const lastDay = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const monthEnd = (token: string, date: string) => control('POST', '/reports/month-end', token, {date});

/** RFC 4180: quoted fields with doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  assert.equal(cell + row.join(''), '', 'the CSV ends with CRLF');
  return rows;
}

void test('month-end job at a simulated boundary: one report of the month before, however often it runs; figures match GET /usage', async () => {
  const t = await tenant({customers: 15});
  const period = monthBefore(thisMonth());
  const first = await monthEnd(t.token, `${thisMonth()}-01`);
  assert.equal(first.status, 200, first.text);
  assert.equal(first.headers.get('cache-control'), 'no-store');
  assert.deepEqual(first.body.data.map((r: {period: string; outcome: string}) => [r.period, r.outcome]), [[period, 'created']]);
  const again = await monthEnd(t.token, `${thisMonth()}-01`);
  const later = await monthEnd(t.token, today());
  assert.deepEqual([again.body.data[0].outcome, later.body.data[0].outcome], ['unchanged', 'unchanged']);
  assert.equal(again.body.data[0].report_id, first.body.data[0].report_id);

  const list = await call(t.token, 'GET', '/reports');
  assert.equal(list.status, 200);
  assert.equal(list.headers.get('cache-control'), 'no-store');
  const page = ReportPage.parse(list.body);
  assert.equal(page.total, 1);
  assert.deepEqual([page.data[0]!.period, page.data[0]!.complete, page.data[0]!.trigger, page.data[0]!.from, page.data[0]!.to], [period, true, 'schedule', `${period}-01`, lastDay(period)]);
  assert.equal('lines' in page.data[0]!, false, 'the list carries summaries');

  const one = await call(t.token, 'GET', `/reports/${page.data[0]!.id}`);
  const report = Report.parse(one.body);
  const usage = (await call(t.token, 'GET', `/usage?from=${period}-01&to=${lastDay(period)}`)).body;
  assert.equal(report.totals.audio_minutes, usage.totals.audio_minutes);
  assert.equal(report.totals.transcriptions, usage.totals.transcriptions);
  assert.equal(report.totals.customers, 15);
  assert.equal(report.lines.length, 15);
  assert.ok(report.totals.audio_minutes > 0, 'the seeded tenant used the service last month');
  assert.equal(report.plans.reduce((s, p) => s + p.customers, 0), 15);
  for (const line of report.lines) {
    assert.equal(line.overage_minutes, line.quota_minutes > 0 ? Math.round(Math.max(0, line.audio_minutes - line.quota_minutes) * 10) / 10 : 0);
  }

  // The next boundary makes the next month's report: two in the list, newest first.
  const next = await monthEnd(t.token, `${monthAfter(thisMonth())}-01`);
  assert.deepEqual([next.body.data[0].period, next.body.data[0].outcome], [thisMonth(), 'created']);
  assert.deepEqual((await call(t.token, 'GET', '/reports')).body.data.map((r: {period: string}) => r.period), [thisMonth(), period]);
});

void test('reports off: the job makes nothing; on with recipients: one outbox entry per period, with both files', async () => {
  const t = await tenant({customers: 3});
  const off = await call(t.token, 'PUT', '/reports/settings', {enabled: false, recipients: ['ops@partner.example']});
  assert.equal(off.status, 200, off.text);
  assert.equal((await monthEnd(t.token, `${thisMonth()}-01`)).body.data[0].outcome, 'disabled');
  assert.equal((await call(t.token, 'GET', '/reports')).body.total, 0);
  assert.deepEqual((await control('GET', '/outbox', t.token)).body.data, []);

  await call(t.token, 'PUT', '/reports/settings', {enabled: true, recipients: ['ops@partner.example', 'finance@partner.example']});
  const run = await monthEnd(t.token, `${thisMonth()}-01`);
  await monthEnd(t.token, `${thisMonth()}-02`);
  const outbox = await control('GET', '/outbox', t.token);
  assert.equal(outbox.status, 200);
  assert.equal(outbox.body.data.length, 1, 'emailed once for the period');
  const mail = outbox.body.data[0];
  const period = monthBefore(thisMonth());
  assert.deepEqual(mail.recipients, ['ops@partner.example', 'finance@partner.example']);
  assert.equal(mail.report_id, run.body.data[0].report_id);
  assert.equal(mail.subject, `Usage report ${period}`);
  assert.deepEqual(mail.attachments, [`usage-report_${period}.csv`, `usage-report_${period}.pdf`]);
  // The outbox is the control plane's: a tenant token alone cannot read it.
  assert.equal((await call(t.token, 'GET', 'http://sandbox.test/__sandbox/outbox')).status, 401);
});

void test('Generate now: the month in progress (refreshed in place), a past month (once), the job completes the one in progress', async () => {
  const t = await tenant({customers: 4});
  const now = await call(t.token, 'POST', '/reports', {});
  assert.equal(now.status, 201, now.text);
  const current = Report.parse(now.body);
  assert.deepEqual([current.period, current.complete, current.trigger, current.to], [thisMonth(), false, 'manual', today()]);
  const refreshed = await call(t.token, 'POST', '/reports', {period: thisMonth()});
  assert.equal(refreshed.status, 200);
  assert.equal(refreshed.body.id, current.id);

  const past = monthBefore(monthBefore(thisMonth()));
  const made = await call(t.token, 'POST', '/reports', {period: past});
  assert.equal(made.status, 201);
  assert.equal(made.body.complete, true);
  const repeat = await call(t.token, 'POST', '/reports', {period: past});
  assert.equal(repeat.status, 200);
  assert.deepEqual([repeat.body.id, repeat.body.generated_at], [made.body.id, made.body.generated_at], 'a closed month is made once');

  await call(t.token, 'PUT', '/reports/settings', {enabled: true, recipients: ['ops@partner.example']});
  const job = await monthEnd(t.token, `${monthAfter(thisMonth())}-01`);
  assert.deepEqual([job.body.data[0].report_id, job.body.data[0].outcome], [current.id, 'completed']);
  const completed = (await call(t.token, 'GET', `/reports/${current.id}`)).body;
  assert.deepEqual([completed.complete, completed.trigger, completed.to], [true, 'schedule', lastDay(thisMonth())]);
  assert.equal((await control('GET', '/outbox', t.token)).body.data.length, 1);
  assert.equal((await call(t.token, 'GET', '/reports')).body.total, 2);
});

void test('Generate now refuses bad input with 4xx and its error body', async () => {
  const t = await tenant({customers: 1});
  const future = await call(t.token, 'POST', '/reports', {period: monthAfter(thisMonth())});
  assert.equal(future.status, 422);
  assert.equal(future.body.error.field_codes.period, 'invalid');
  for (const period of ['2026-13', '2026-1', 'last month', 202611, '1899-12']) {
    const bad = await call(t.token, 'POST', '/reports', {period});
    assert.equal(bad.status, 422, `period ${JSON.stringify(period)}`);
    assert.ok(bad.body.error.fields.period);
  }
  assert.equal((await call(t.token, 'POST', '/reports', '{"period":')).status, 400);
  assert.equal((await call(t.token, 'POST', '/reports', {period: thisMonth()}, {'content-type': 'text/plain'})).status, 415);
  assert.equal((await call(t.token, 'GET', '/reports?per_page=10')).status, 422);
  assert.equal((await call(t.token, 'GET', '/reports?page=0')).status, 422);
  assert.equal((await call(t.token, 'GET', '/reports/99999999999')).status, 404);
  assert.equal((await call(t.token, 'GET', '/reports/abc/csv')).status, 404);
  assert.equal((await control('POST', '/reports/month-end', t.token, {date: '2026-02-30'})).status, 422);
  assert.equal((await call(t.token, 'GET', '/reports')).body.total, 0, 'nothing was made');
});

void test('CSV: RFC 4180, formula-safe, the same figures as the report', async () => {
  const t = await tenant({customers: 5});
  const hostile = ['=HYPERLINK("http://evil.example","x")', '+1 Corp, "quoted"', '-2 Ltd', '@SUM(A1)', 'Line\r\nbreak BV'];
  for (const [i, name] of hostile.entries()) {
    const created = await call(t.token, 'POST', '/customers', {name, email: `hostile${i}@example.com`});
    assert.equal(created.status, 201, created.text);
  }
  // The month in progress: the customers just created are in it (a closed month has only those that existed then).
  const report = Report.parse((await call(t.token, 'POST', '/reports', {})).body);
  const res = await raw(`/reports/${report.id}/csv`, {headers: {authorization: `Bearer ${t.token}`}});
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(res.headers.get('content-disposition'), `attachment; filename="usage-report_${report.period}.csv"`);
  const rows = parseCsv(await res.text());
  const [header, ...body] = rows;
  assert.deepEqual(header, ['period', 'line', 'customer_id', 'customer_name', 'plan', 'status', 'audio_minutes', 'transcriptions', 'quota_minutes', 'usage_percent', 'overage_minutes']);
  const customers = body.filter((r) => r[1] === 'customer');
  assert.equal(customers.length, report.lines.length);
  customers.forEach((r, i) => {
    const l = report.lines[i]!;
    const name = /^[=+\-@\t\r]/.test(l.name) ? `'${l.name}` : l.name;
    assert.deepEqual(r, [report.period, 'customer', String(l.customer_id), name, l.plan, l.status, String(l.audio_minutes), String(l.transcriptions), String(l.quota_minutes), String(l.usage_percent), String(l.overage_minutes)]);
  });
  for (const name of hostile) assert.ok(customers.some((r) => r[3] === (/^[=+\-@]/.test(name) ? `'${name}` : name)), name);
  assert.ok(customers.every((r) => !/^[=+\-@]/.test(r[3]!)), 'no cell starts a formula');
  const total = body.filter((r) => r[1] === 'total');
  const tt = report.totals;
  assert.deepEqual(total, [[report.period, 'total', '', '', '', '', String(tt.audio_minutes), String(tt.transcriptions), String(tt.quota_minutes), '', String(tt.overage_minutes)]]);
});

/** The PDF's objects by number, each with its dictionary text and (inflated) stream. */
function parsePdf(bytes: Uint8Array) {
  const text = Buffer.from(bytes).toString('latin1');
  assert.match(text.slice(0, 9), /^%PDF-1\.\d/, 'PDF header');
  assert.match(text.slice(-7), /%%EOF\s*$/, 'ends with %%EOF');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  assert.ok(Number.isInteger(startxref), 'startxref');
  assert.equal(text.slice(startxref, startxref + 4), 'xref', 'startxref points at the xref table');
  const xref = /^xref\s+0 (\d+)\s+([\s\S]*?)trailer\s*<<([\s\S]*?)>>/.exec(text.slice(startxref));
  assert.ok(xref, 'xref table and trailer');
  const size = Number(xref[1]);
  assert.match(xref[3]!, new RegExp(`/Size ${size}\\b`));
  const root = /\/Root (\d+) 0 R/.exec(xref[3]!);
  assert.ok(root, 'trailer names the catalog');
  const entries = xref[2]!.trim().split(/\s*\n\s*/);
  assert.equal(entries.length, size);
  const objects = new Map<number, {dict: string; stream: Buffer | null}>();
  entries.forEach((entry, n) => {
    const [offset, , kind] = entry.split(' ');
    if (kind !== 'n') return;
    const at = Number(offset);
    assert.ok(text.startsWith(`${n} 0 obj`, at), `object ${n} at its xref offset`);
    const end = text.indexOf('endobj', at);
    const body = text.slice(at, end);
    const s = body.indexOf('stream\n');
    let stream: Buffer | null = null;
    if (s >= 0) {
      const length = Number(/\/Length (\d+)/.exec(body)?.[1]);
      const data = Buffer.from(bytes.subarray(at + s + 7, at + s + 7 + length));
      stream = /\/FlateDecode/.test(body) ? inflateSync(data) : data;
    }
    objects.set(n, {dict: s >= 0 ? body.slice(0, s) : body, stream});
  });
  assert.match(objects.get(Number(root[1]))!.dict, /\/Type \/Catalog/);
  return objects;
}

/** The text a content stream shows: its hex and literal strings in order (TJ arrays joined). */
function shownText(stream: Buffer): string {
  const content = stream.toString('latin1');
  let out = '';
  for (const m of content.matchAll(/\[((?:<[0-9a-fA-F]*>|\([^)]*\)|-?[\d.]+|\s)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
    const parts = m[1] !== undefined ? [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((p) => p[1]!) : [m[2]!];
    out += parts.map((hex) => Buffer.from(hex, 'hex').toString('latin1')).join('') + '\n';
  }
  return out;
}

void test('PDF: a valid document (header, xref, trailer, pages) that shows the totals', async () => {
  const t = await tenant({customers: 45});
  const report = Report.parse((await call(t.token, 'POST', '/reports', {period: monthBefore(thisMonth())})).body);
  const res = await raw(`/reports/${report.id}/pdf`, {headers: {authorization: `Bearer ${t.token}`}});
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(res.headers.get('content-disposition'), `attachment; filename="usage-report_${report.period}.pdf"`);
  const objects = parsePdf(new Uint8Array(await res.arrayBuffer()));
  const dicts = [...objects.values()].map((o) => o.dict);
  const pages = dicts.filter((d) => /\/Type \/Page\b(?!s)/.test(d));
  const count = Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(dicts.find((d) => /\/Type \/Pages\b/.test(d))!)?.[1]);
  assert.equal(count, pages.length, '/Count is the number of page objects');
  assert.ok(count >= 2, `45 customers need more than one page (got ${count})`);
  const shown = [...objects.values()].filter((o) => o.stream).map((o) => shownText(o.stream!)).join('');
  const n = (v: number, d = 0) => v.toLocaleString('en-US', {minimumFractionDigits: d, maximumFractionDigits: d});
  assert.match(shown, new RegExp(`Usage report ${report.period}`));
  assert.ok(shown.includes(`Audio minutes: ${n(report.totals.audio_minutes, 1)}`), 'audio minutes total shown');
  assert.ok(shown.includes(`Transcriptions: ${n(report.totals.transcriptions)}`), 'transcriptions total shown');
  assert.ok(shown.includes(`Customers: ${n(report.totals.customers)} (${n(report.totals.active_customers)} active)`), 'customer count shown');
  assert.ok(shown.includes(`page ${count} of ${count}`), 'the footer numbers the pages');
});

void test('settings: defaults, stored, validated at the edge (422 per recipient), nothing saved on failure', async () => {
  const t = await tenant({customers: 0});
  const start = ReportSettings.parse((await call(t.token, 'GET', '/reports/settings')).body);
  assert.deepEqual(start, {enabled: true, recipients: [], updated_at: null});
  const saved = await call(t.token, 'PUT', '/reports/settings', {enabled: true, recipients: [' ops@partner.example ']});
  assert.equal(saved.status, 200);
  assert.equal(saved.headers.get('cache-control'), 'no-store');
  assert.deepEqual(saved.body.recipients, ['ops@partner.example']);
  assert.ok(saved.body.updated_at);

  const invalid = await call(t.token, 'PUT', '/reports/settings', {enabled: false, recipients: ['ok@partner.example', 'not-an-email']});
  assert.equal(invalid.status, 422);
  assert.equal(invalid.body.error.field_codes['recipients.1'], 'invalid_email');
  const twice = await call(t.token, 'PUT', '/reports/settings', {enabled: true, recipients: ['a@partner.example', 'A@Partner.example']});
  assert.equal(twice.status, 422);
  assert.equal(twice.body.error.fields['recipients.1'], 'This address is already in the list');
  const many = await call(t.token, 'PUT', '/reports/settings', {enabled: true, recipients: Array.from({length: 11}, (_, i) => `r${i}@partner.example`)});
  assert.equal(many.status, 422);
  assert.ok(many.body.error.fields.recipients);
  assert.equal((await call(t.token, 'PUT', '/reports/settings', {recipients: []})).body.error.field_codes.enabled, 'required');
  assert.equal((await call(t.token, 'PUT', '/reports/settings', {enabled: 'yes', recipients: []})).status, 422);
  assert.equal((await call(t.token, 'PUT', '/reports/settings', {enabled: true, recipients: ['a\u0000@x.example']})).status, 422);
  assert.equal((await call(t.token, 'PUT', '/reports/settings', 'nope')).status, 400);
  assert.deepEqual((await call(t.token, 'GET', '/reports/settings')).body, saved.body, 'failures saved nothing');
});

void test('isolation: another reseller\'s report is 404 everywhere; RESELLEE 403 and no token 401, with error bodies', async () => {
  const a = await tenant({customers: 2});
  const b = await tenant({customers: 2});
  const report = (await call(a.token, 'POST', '/reports', {})).body;
  for (const path of [`/reports/${report.id}`, `/reports/${report.id}/csv`, `/reports/${report.id}/pdf`]) {
    const other = await call(b.token, 'GET', path);
    assert.equal(other.status, 404, path);
    assert.equal(other.body.error.code, 'not_found');
  }
  assert.equal((await call(b.token, 'GET', '/reports')).body.total, 0);
  await call(a.token, 'PUT', '/reports/settings', {enabled: false, recipients: ['a@partner.example']});
  assert.deepEqual((await call(b.token, 'GET', '/reports/settings')).body.recipients, []);

  const calls: [string, string, unknown?][] = [
    ['GET', '/reports'], ['POST', '/reports', {}], ['GET', `/reports/${report.id}`], ['GET', `/reports/${report.id}/csv`],
    ['GET', `/reports/${report.id}/pdf`], ['GET', '/reports/settings'], ['PUT', '/reports/settings', {enabled: true, recipients: []}],
  ];
  for (const [method, path, body] of calls) {
    const resellee = await call(a.reselleeToken, method, path, body);
    assert.equal(resellee.status, 403, `${method} ${path}`);
    assert.equal(resellee.body.error.code, 'forbidden');
    assert.equal(resellee.headers.get('cache-control'), 'no-store');
    const anonymous = await call(null, method, path, body);
    assert.equal(anonymous.status, 401, `${method} ${path}`);
    assert.equal(anonymous.body.error.code, 'unauthorized');
  }
  assert.equal((await control('POST', '/reports/month-end', a.reselleeToken, {date: today()})).status, 403);
  assert.equal((await call(a.token, 'GET', '/reports')).body.total, 1, 'nothing was made by refused calls');
});
