/**
 * The streamed usage export (GET /usage/export): several chunks, byte-identical to the export as
 * one query and one string (how the sandbox built it before it streamed).
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sandboxDatabases} from '../../sandbox/index.js';
import {csvCell} from '../../sandbox/routes/usage.js';
import {raw, sandbox, tenant, today} from './helpers.js';

const get = async (token: string, path: string) => raw(path, {headers: {authorization: `Bearer ${token}`}});

/** The export as one query and one string, as the sandbox built it before it streamed. */
async function referenceExport(token: string, granularity: 'day' | 'week' | 'month', from: string, to: string, customerId?: number): Promise<string> {
  const db = sandboxDatabases.get(await sandbox())!;
  const {rows: [owner]} = await db.query<{tenant_id: number}>('SELECT tenant_id FROM tokens WHERE prefix = $1', [token.slice(0, 12)]);
  const bucket = {day: 'u.day', week: `date_trunc('week', u.day)::date`, month: `date_trunc('month', u.day)::date`}[granularity];
  const params: unknown[] = [owner!.tenant_id, from, to];
  if (customerId !== undefined) params.push(customerId);
  const {rows} = await db.query<{period_start: string; id: number; name: string; m: number; t: number}>(
    `SELECT to_char(${bucket}, 'YYYY-MM-DD') AS period_start, c.id, c.name, sum(u.audio_minutes)::float8 AS m, sum(u.transcriptions)::int AS t
     FROM usage_daily u JOIN customers c ON c.id = u.customer_id
     WHERE c.tenant_id = $1 AND u.day BETWEEN $2::date AND $3::date${customerId !== undefined ? ' AND c.id = $4' : ''}
     GROUP BY 1, c.id, c.name ORDER BY 1, c.id`,
    params,
  );
  const lines = ['period_start,customer_id,customer_name,audio_minutes,audio_hours,transcriptions'];
  for (const r of rows) lines.push([r.period_start, r.id, r.name, Math.round(r.m * 10) / 10, Math.round((r.m / 60) * 100) / 100, r.t].map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

async function readChunks(res: Response): Promise<{text: string; chunks: number}> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let chunks = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks++;
    text += decoder.decode(value, {stream: true});
  }
  return {text: text + decoder.decode(), chunks};
}

void test('GET /usage/export streams in several chunks, byte-identical to the one-query export', async () => {
  const a = (await tenant({customers: 40})).token;
  const to = today();
  const from = new Date(Date.parse(to) - 364 * 86_400_000).toISOString().slice(0, 10);
  const customer = ((await (await get(a, '/customers?sort=id')).json()) as {data: {id: number}[]}).data[3]!.id;
  for (const [granularity, query, customerId] of [
    ['day', `from=${from}&to=${to}`, undefined],
    ['week', `from=${from}&to=${to}`, undefined],
    ['month', `from=2025-02-11&to=${to}`, undefined],
    ['day', `from=${from}&to=${to}&customer_id=${customer}`, customer],
  ] as const) {
    const res = await get(a, `/usage/export?granularity=${granularity}&${query}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    const {text, chunks} = await readChunks(res);
    const reference = await referenceExport(a, granularity, query.match(/from=([\d-]+)/)![1]!, to, customerId);
    assert.ok(reference.split('\r\n').length > 40, `${granularity}: the reference has rows`);
    assert.equal(text, reference, `${granularity} ${query}`);
    if (granularity === 'day' && customerId === undefined) assert.ok(chunks >= 4, `day export of 40 customers over a year: ${chunks} chunks`);
  }
});

