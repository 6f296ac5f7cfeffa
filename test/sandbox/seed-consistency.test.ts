/**
 * One source for the seeded figures: a customer's usage (per day, per range, reseller-wide) is the
 * count and the summed duration of the finished transcripts the transcripts endpoint lists.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {AggregateUsage, CustomerPage, CustomerUsage, DocumentPage, TranscriptPage} from '../../src/contract/schemas.js';
import {call, control, tenant, today} from './helpers.js';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

/** Every finished transcript of a customer (or all) in [from, to], through the API, page by page. */
async function finished(token: string, from: string, to: string, customerId?: number) {
  const rows = [];
  for (let page = 1; ; page++) {
    const q = `/transcripts?status=done&per_page=100&page=${page}&from=${from}&to=${to}${customerId ? `&customer_id=${customerId}` : ''}`;
    const res = TranscriptPage.parse((await call(token, 'GET', q)).body);
    rows.push(...res.data);
    if (page * 100 >= res.total) {
      assert.equal(rows.length, res.total);
      return rows;
    }
  }
}

const minutes = (rows: {duration_seconds: number}[]) => Math.round(rows.reduce((s, r) => s + r.duration_seconds, 0) / 6) / 10;

void test('a customer\'s usage equals its finished transcripts, day by day and over ranges', async () => {
  const t = await tenant({customers: 12, seed: 18_001});
  const customers = CustomerPage.parse((await call(t.token, 'GET', '/customers?per_page=25&sort=created_at&order=asc')).body).data;
  const ranges: [string, string][] = [[daysAgo(6), today()], [daysAgo(29), today()], [daysAgo(120), daysAgo(60)]];
  let checked = 0;
  for (const c of customers.slice(0, 5)) {
    for (const [from, to] of ranges) {
      const usage = CustomerUsage.parse((await call(t.token, 'GET', `/customers/${c.id}/usage?from=${from}&to=${to}`)).body);
      const rows = await finished(t.token, from, to, c.id);
      const count = usage.daily.reduce((s, d) => s + d.transcriptions, 0);
      assert.equal(count, rows.length, `customer ${c.id} ${from}..${to}: usage counts ${count}, the list has ${rows.length}`);
      assert.equal(Math.round(usage.daily.reduce((s, d) => s + d.audio_minutes, 0) * 10) / 10, minutes(rows), `customer ${c.id} ${from}..${to} minutes`);
      for (const d of usage.daily) {
        const ofDay = rows.filter((r) => r.created_at.slice(0, 10) === d.date);
        assert.equal(d.transcriptions, ofDay.length, `customer ${c.id} on ${d.date}`);
        assert.equal(d.audio_minutes, minutes(ofDay), `customer ${c.id} minutes on ${d.date}`);
      }
      checked += rows.length;
    }
  }
  assert.ok(checked > 50, `the seed has transcripts to compare (${checked})`);
});

void test('the reseller-wide usage over a year counts exactly the finished transcripts listed', async () => {
  const t = await tenant({customers: 8, seed: 18_002});
  const from = daysAgo(364);
  const agg = AggregateUsage.parse((await call(t.token, 'GET', `/usage?from=${from}&to=${today()}`)).body);
  const listed = TranscriptPage.parse((await call(t.token, 'GET', `/transcripts?status=done&per_page=25&from=${from}&to=${today()}`)).body);
  assert.ok(agg.totals.transcriptions > 100, 'a year of usage');
  assert.equal(agg.totals.transcriptions, listed.total);
  for (const c of agg.customers) {
    const one = TranscriptPage.parse((await call(t.token, 'GET', `/transcripts?status=done&per_page=25&from=${from}&to=${today()}&customer_id=${c.customer_id}`)).body);
    assert.equal(c.transcriptions, one.total, `customer ${c.customer_id}`);
  }
  // Failed and running transcripts are listed but not billed.
  const all = TranscriptPage.parse((await call(t.token, 'GET', `/transcripts?per_page=25&from=${from}&to=${today()}`)).body);
  assert.ok(all.total > listed.total, 'some transcripts failed (not billed)');
});

void test('the current period\'s minutes on the customer (quota meter) are its finished transcripts of this month', async () => {
  const t = await tenant({customers: 10, seed: 18_003});
  const monthStart = today().slice(0, 8) + '01';
  const customers = CustomerPage.parse((await call(t.token, 'GET', '/customers?per_page=25')).body).data;
  for (const c of customers.slice(0, 4)) {
    assert.equal(c.usage.transcription_minutes, minutes(await finished(t.token, monthStart, today(), c.id)), `customer ${c.id}`);
  }
});

void test('a finished transcript added through the control API counts in today\'s usage', async () => {
  const t = await tenant({customers: 2, seed: 18_004});
  const c = CustomerPage.parse((await call(t.token, 'GET', '/customers')).body).data[0]!;
  const before = CustomerUsage.parse((await call(t.token, 'GET', `/customers/${c.id}/usage?from=${today()}&to=${today()}`)).body).daily[0]!;
  assert.equal((await control('POST', '/transcripts', t.token, {customer_id: c.id, title: 'Added'})).status, 201);
  assert.equal((await control('POST', '/transcripts', t.token, {customer_id: c.id, title: 'Running', status: 'processing'})).status, 201);
  const after = CustomerUsage.parse((await call(t.token, 'GET', `/customers/${c.id}/usage?from=${today()}&to=${today()}`)).body).daily[0]!;
  assert.equal(after.transcriptions, before.transcriptions + 1);
  assert.equal(Math.round((after.audio_minutes - before.audio_minutes) * 10) / 10, 2);
  assert.equal(after.transcriptions, (await finished(t.token, today(), today(), c.id)).length);
});

void test('recent finished transcripts have documents to download', async () => {
  const t = await tenant({customers: 6, seed: 18_005});
  const docs = DocumentPage.parse((await call(t.token, 'GET', '/transcripts/documents?per_page=100')).body);
  assert.ok(docs.total > 20);
  const recent = await finished(t.token, daysAgo(30), today());
  const withDocs = new Set(docs.data.map((d) => d.transcript_id));
  assert.ok(recent.slice(0, 20).every((r) => withDocs.has(r.id)), 'the newest finished transcripts have documents');
});
