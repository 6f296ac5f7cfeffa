import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {AggregateUsage, CustomerPage, DocumentPage, Me, TranscriptPage} from '../../src/contract/schemas.js';
import {createSandbox, type SandboxOptions} from '../../sandbox/index.js';
import {createTestDatabase, testDatabaseUrl} from './postgres.js';

const get = async (sb: {fetch(r: Request): Promise<Response>}, token: string, path: string) =>
  (await sb.fetch(new Request(`http://x/api/v3/reseller${path}`, {headers: {authorization: `Bearer ${token}`}}))).json();

void test('the default seed: two reseller tenants with the documented dev tokens, realistic data, a RESELLEE login', async () => {
  // A PGlite data directory, or (npm run test:sandbox:pg) a fresh PostgreSQL database: both are reopened below.
  const dir = testDatabaseUrl ? null : mkdtempSync(join(tmpdir(), 'sandbox-seed-'));
  const database = testDatabaseUrl ? await createTestDatabase() : null;
  const storage: SandboxOptions = database ? {databaseUrl: database.databaseUrl} : {dataDir: dir};
  try {
    let sb = await createSandbox(storage);
    const {resellerA, resellerB, resellee} = sb.devTokens;
    assert.deepEqual([resellerA, resellerB, resellee], ['rs_dev_reseller_a', 'rs_dev_reseller_b', 'rs_dev_resellee']);
    const a = CustomerPage.parse(await get(sb, resellerA, '/customers?per_page=100'));
    const b = CustomerPage.parse(await get(sb, resellerB, '/customers?per_page=100'));
    assert.equal(a.total, 300);
    assert.equal(b.total, 40);
    const meA = Me.parse(await get(sb, resellerA, '/me'));
    const meB = Me.parse(await get(sb, resellerB, '/me'));
    assert.notEqual(meA.organization.id, meB.organization.id);
    const ee = Me.parse(await get(sb, resellee, '/me'));
    assert.equal(ee.role, 'RESELLEE');
    assert.ok((await get(sb, resellerA, `/customers/${ee.organization.id}`)).id === ee.organization.id, "the RESELLEE belongs to one of A's customers");
    const all = [...a.data];
    for (let page = 2; page <= 3; page++) all.push(...CustomerPage.parse(await get(sb, resellerA, `/customers?per_page=100&page=${page}`)).data);
    assert.equal(new Set(all.map((c) => c.email.toLowerCase())).size, 300);
    const phones = all.filter((c) => c.phone);
    assert.ok(phones.every((c) => /^\+[1-9]\d{7,14}$/.test(c.phone!)));
    assert.ok(phones.filter((c) => c.phone!.startsWith('+31')).length > phones.length / 2, 'mostly Dutch numbers');
    assert.ok(all.some((c) => c.phone === null));
    const active = all.filter((c) => c.status === 'active').length / all.length;
    assert.ok(active > 0.78 && active < 0.92, `active ${active}`);
    assert.deepEqual(new Set(all.map((c) => c.plan)), new Set(['bronze', 'silver', 'gold', 'enterprise']));
    assert.ok(all.every((c) => c.metadata.segment && c.metadata.industry && c.metadata.account_manager));
    const created = all.map((c) => Date.parse(c.created_at));
    assert.ok(Math.min(...created) < Date.now() - 2.5 * 365 * 86_400_000 && Math.max(...created) <= Date.now());
    assert.ok(all.some((c) => [...c.name].some((ch) => ch.charCodeAt(0) > 127)), 'international names');
    const agg = AggregateUsage.parse(await get(sb, resellerA, `/usage?from=${new Date(Date.now() - 390 * 86_400_000).toISOString().slice(0, 10)}`));
    assert.ok(agg.daily.filter((d) => d.audio_minutes > 0).length > 360, '13 months of usage');
    assert.ok(agg.customers.some((c) => c.usage_percent > 100) && agg.customers.some((c) => c.usage_percent > 80 && c.usage_percent < 100));
    assert.ok(TranscriptPage.parse(await get(sb, resellerA, '/transcripts')).total > 300);
    assert.ok(DocumentPage.parse(await get(sb, resellerA, '/transcripts/documents')).total > 200);
    await sb.close();

    // A restart on the same directory (database) keeps the data and does not seed again.
    sb = await createSandbox(storage);
    assert.equal(CustomerPage.parse(await get(sb, resellerA, '/customers')).total, 300);
    await sb.close();
  } finally {
    if (dir) rmSync(dir, {recursive: true, force: true});
    await database?.drop();
  }
});
