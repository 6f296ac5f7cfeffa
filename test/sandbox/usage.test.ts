import assert from 'node:assert/strict';
import {test} from 'node:test';
import {AggregateUsage, CustomerPage, CustomerUsage} from '../../src/contract/schemas.js';
import {call, firstCustomer, tenant, today} from './helpers.js';

const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);

void test('GET /customers/{id}/usage: one point per day, zeros included, default last 30 days', async () => {
  const t = await tenant({customers: 5});
  const c = await firstCustomer(t);
  const res = await call(t.token, 'GET', `/customers/${c.id}/usage`);
  assert.equal(res.status, 200);
  const u = CustomerUsage.parse(res.body);
  assert.equal(u.to, today());
  assert.equal(u.from, addDays(today(), -29));
  assert.equal(u.daily.length, 30);
  u.daily.forEach((p, i) => assert.equal(p.date, addDays(u.from, i)));
  assert.equal(u.quota_minutes, c.usage.quota_minutes);
  assert.equal(u.transcription_minutes, c.usage.transcription_minutes);
  assert.equal(u.usage_percent, Math.round((u.transcription_minutes / u.quota_minutes) * 1000) / 10);

  // A range before the customer existed: all zeros, still one point per day.
  const old = CustomerUsage.parse((await call(t.token, 'GET', `/customers/${c.id}/usage?from=2000-01-01&to=2000-01-10`)).body);
  assert.equal(old.daily.length, 10);
  assert.ok(old.daily.every((p) => p.audio_minutes === 0 && p.transcriptions === 0));
});

void test('usage: invalid or reversed ranges are 422 with the field', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const bad = await call(t.token, 'GET', `/customers/${c.id}/usage?from=2024-13-01`);
  assert.equal(bad.status, 422);
  assert.ok(bad.body.error.fields.from);
  const reversed = await call(t.token, 'GET', `/customers/${c.id}/usage?from=2024-02-01&to=2024-01-01`);
  assert.equal(reversed.status, 422);
  assert.ok(reversed.body.error.fields.from);
  assert.equal((await call(t.token, 'GET', `/usage?from=2020-01-01&to=2024-01-01`)).status, 422);
});

void test('seeded usage has a weekday/weekend pattern and customers above 80 % and 100 % of quota', async () => {
  const t = await tenant({customers: 120, seed: 7});
  const agg = AggregateUsage.parse((await call(t.token, 'GET', `/usage?from=${addDays(today(), -364)}&to=${today()}`)).body);
  assert.equal(agg.daily.length, 365);
  const weekday = agg.daily.filter((d) => ![0, 6].includes(new Date(d.date).getUTCDay()));
  const weekend = agg.daily.filter((d) => [0, 6].includes(new Date(d.date).getUTCDay()));
  const avg = (xs: {audio_minutes: number}[]) => xs.reduce((s, d) => s + d.audio_minutes, 0) / xs.length;
  assert.ok(avg(weekday) > 3 * avg(weekend), `weekday ${avg(weekday)} vs weekend ${avg(weekend)}`);
  const over = agg.customers.filter((c) => c.usage_percent >= 100);
  const warn = agg.customers.filter((c) => c.usage_percent >= 80 && c.usage_percent < 100);
  assert.ok(over.length >= 1, 'some customers over quota');
  assert.ok(warn.length >= 1, 'some customers above 80 %');
  const active = agg.customers.filter((c) => c.status === 'active').length;
  assert.ok(active / agg.customers.length > 0.7 && active / agg.customers.length < 0.97, `active share ${active}`);
});

void test('GET /usage aggregates every customer, sorted by audio minutes desc, totals add up', async () => {
  const t = await tenant({customers: 25});
  const from = addDays(today(), -59);
  const agg = AggregateUsage.parse((await call(t.token, 'GET', `/usage?from=${from}&to=${today()}`)).body);
  assert.equal(agg.daily.length, 60);
  assert.equal(agg.totals.customers, 25);
  const list = CustomerPage.parse((await call(t.token, 'GET', '/customers?status=active&per_page=100')).body);
  assert.equal(agg.totals.active_customers, list.total);
  for (let i = 1; i < agg.customers.length; i++) {
    const [a, b] = [agg.customers[i - 1]!, agg.customers[i]!];
    assert.ok(a.audio_minutes > b.audio_minutes || (a.audio_minutes === b.audio_minutes && a.customer_id < b.customer_id));
  }
  const byCustomer = agg.customers.reduce((s, c) => s + c.audio_minutes, 0);
  const byDay = agg.daily.reduce((s, d) => s + d.audio_minutes, 0);
  assert.ok(Math.abs(byCustomer - agg.totals.audio_minutes) < 1 && Math.abs(byDay - agg.totals.audio_minutes) < 1);
  assert.equal(agg.totals.transcriptions, agg.customers.reduce((s, c) => s + c.transcriptions, 0));
  // The one customer's series agrees with its aggregate row.
  const top = agg.customers[0]!;
  const own = CustomerUsage.parse((await call(t.token, 'GET', `/customers/${top.customer_id}/usage?from=${from}&to=${today()}`)).body);
  assert.ok(Math.abs(own.daily.reduce((s, d) => s + d.audio_minutes, 0) - top.audio_minutes) < 0.5);
});

void test('GET /usage/export: CSV with headers, buckets by day, ISO week and month', async () => {
  const t = await tenant({customers: 6});
  const from = '2026-01-01';
  const to = addDays(today(), 0) < from ? from : today();
  const res = await call(t.token, 'GET', `/usage/export?from=${addDays(today(), -60)}&to=${to}&granularity=week`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(res.headers.get('content-disposition'), `attachment; filename="usage_${addDays(today(), -60)}_${to}.csv"`);
  const lines = res.text.trim().split('\r\n');
  assert.equal(lines[0], 'period_start,customer_id,customer_name,audio_minutes,audio_hours,transcriptions');
  assert.ok(lines.length > 1);
  for (const line of lines.slice(1)) {
    const start = line.slice(0, 10);
    assert.equal(new Date(start + 'T00:00:00Z').getUTCDay(), 1, `week starts on Monday: ${start}`);
  }
  const month = await call(t.token, 'GET', `/usage/export?from=${addDays(today(), -90)}&to=${today()}&granularity=month`);
  assert.ok(month.text.trim().split('\r\n').slice(1).every((l) => l.slice(8, 10) === '01'));
  // Day buckets for one customer sum to its usage over the range.
  const c = await firstCustomer(t);
  const day = await call(t.token, 'GET', `/usage/export?customer_id=${c.id}`);
  const rows = day.text.trim().split('\r\n').slice(1);
  assert.ok(rows.every((r) => r.split(',')[1] === String(c.id)));
  const usage = CustomerUsage.parse((await call(t.token, 'GET', `/customers/${c.id}/usage`)).body);
  const csvSum = rows.reduce((s, r) => s + Number(r.split(',').at(-3)), 0);
  assert.ok(Math.abs(csvSum - usage.daily.reduce((s, d) => s + d.audio_minutes, 0)) < 0.5);
  assert.equal((await call(t.token, 'GET', '/usage/export?granularity=year')).status, 422);
});

void test('GET /usage/export is CSV-injection safe and quotes commas and quotes', async () => {
  const t = await tenant({customers: 4});
  const from = addDays(today(), -365);
  const top = AggregateUsage.parse((await call(t.token, 'GET', `/usage?from=${from}&to=${today()}`)).body).customers[0]!;
  assert.ok(top.audio_minutes > 0);
  for (const [name, cell] of [
    ['@SUM(A1:A9), "quoted"', `"'@SUM(A1:A9), ""quoted"""`],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+cmd|calc', `'+cmd|calc`],
    ['-2+3', `'-2+3`],
  ] as const) {
    assert.equal((await call(t.token, 'PATCH', `/customers/${top.customer_id}`, {name})).status, 200);
    const csv = (await call(t.token, 'GET', `/usage/export?customer_id=${top.customer_id}&from=${from}`)).text;
    const line = csv.split('\r\n')[1]!;
    assert.ok(line.includes(`,${top.customer_id},${cell},`), line);
  }
});
