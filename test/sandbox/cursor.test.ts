/**
 * Keyset pagination on GET /customers (sandbox/cursor.ts): walking a list by `next_cursor` and back
 * by `prev_cursor` gives exactly the rows page numbers give, in every sort and order, ties included;
 * a cursor only serves the list it came from (tampered, other sort, other filter, other tenant: 422
 * invalid_cursor); a text search's total stops at 1,000 (`total_capped`).
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {CUSTOMER_SORT_KEYS} from '../../src/contract/constants.js';
import {CustomerPage} from '../../src/contract/schemas.js';
import {sandboxDatabases} from '../../sandbox/index.js';
import {call, sandbox, tenant} from './helpers.js';

const ids = (body: unknown) => CustomerPage.parse(body).data.map((c) => c.id);

async function byNumber(token: string, base: string): Promise<number[]> {
  const out: number[] = [];
  for (let page = 1; ; page++) {
    const res = await call(token, 'GET', `/customers?${base}&page=${page}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const data = ids(res.body);
    if (!data.length) return out;
    out.push(...data);
  }
}

void test('next_cursor then prev_cursor walk every sort and order exactly as page numbers do (ties by id)', async () => {
  const t = await tenant({customers: 80, seed: 4242});
  // Ties: several customers share a status, a plan and (here) a creation time and a missing phone.
  const db = sandboxDatabases.get(await sandbox());
  assert.ok(db, 'the test sandbox exposes its database');
  await db.query(`UPDATE customers SET created_at = '2025-01-01T00:00:00Z', phone = NULL WHERE tenant_id = $1 AND id % 4 = 0`, [t.tenantId]);
  // Metadata sorts: values differing only in case (ties), and customers without the key (last in both orders).
  await db.query(
    `UPDATE customers SET metadata = CASE WHEN id % 3 = 0 THEN '{}'::jsonb
       ELSE jsonb_build_object('region', (ARRAY['Benelux', 'benelux', 'DACH', 'Nordics', 'iberia'])[1 + id % 5]) END
     WHERE tenant_id = $1`,
    [t.tenantId],
  );
  for (const sort of [...CUSTOMER_SORT_KEYS, 'metadata.region', 'metadata.no_such_key']) {
    for (const order of ['asc', 'desc']) {
      const base = `sort=${sort}&order=${order}&per_page=25`;
      const expected = await byNumber(t.token, base);
      assert.ok(expected.length >= 80, `${sort} ${order}: every customer listed (${expected.length})`);
      const forward: number[] = [];
      let page = CustomerPage.parse((await call(t.token, 'GET', `/customers?${base}`)).body);
      const pages = [page.page];
      forward.push(...page.data.map((c) => c.id));
      assert.equal(page.prev_cursor, null, 'page 1 has no previous page');
      while (page.next_cursor) {
        const res = await call(t.token, 'GET', `/customers?${base}&cursor=${encodeURIComponent(page.next_cursor)}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        page = CustomerPage.parse(res.body);
        pages.push(page.page);
        forward.push(...page.data.map((c) => c.id));
      }
      assert.deepEqual(forward, expected, `${sort} ${order}: by cursor = by page number`);
      assert.deepEqual(pages, Array.from({length: Math.ceil(expected.length / 25)}, (_, i) => i + 1), `${sort} ${order}: the cursor's pages are numbered`);
      const backward = page.data.map((c) => c.id);
      while (page.prev_cursor) {
        page = CustomerPage.parse((await call(t.token, 'GET', `/customers?${base}&cursor=${encodeURIComponent(page.prev_cursor)}`)).body);
        backward.unshift(...page.data.map((c) => c.id));
      }
      assert.equal(page.page, 1);
      assert.deepEqual(backward, expected, `${sort} ${order}: back by prev_cursor`);
      // Last by last_cursor: the last page's rows and number, as the page number gives them.
      const last = CustomerPage.parse((await call(t.token, 'GET', `/customers?${base}&cursor=${encodeURIComponent(page.last_cursor!)}`)).body);
      assert.equal(last.page, Math.ceil(expected.length / 25), `${sort} ${order}: last_cursor's page number`);
      assert.deepEqual(last.data.map((c) => c.id), expected.slice((last.page - 1) * 25), `${sort} ${order}: last_cursor's rows`);
      assert.equal(last.next_cursor, null, `${sort} ${order}: nothing after the last page`);
    }
  }
});

void test('a page number in the second half (read from the end) and the last page are the rows OFFSET gives', async () => {
  const t = await tenant({customers: 60, seed: 4243});
  const all = await byNumber(t.token, 'sort=name&order=desc&per_page=25');
  assert.deepEqual(ids((await call(t.token, 'GET', '/customers?sort=name&order=desc&per_page=25&page=3')).body), all.slice(50));
  assert.deepEqual(ids((await call(t.token, 'GET', '/customers?sort=name&order=desc&per_page=25&page=2')).body), all.slice(25, 50));
  const last = CustomerPage.parse((await call(t.token, 'GET', '/customers?sort=name&order=desc&per_page=25&page=3')).body);
  assert.equal(last.next_cursor, null, 'the last page has no next page');
  assert.ok(last.prev_cursor, 'the last page has a previous page');
});

void test('a changed, foreign or misused cursor is a 422 invalid_cursor, and another tenant never sees a row', async () => {
  const a = await tenant({customers: 30, seed: 4244});
  const b = await tenant({customers: 30, seed: 4245});
  const first = CustomerPage.parse((await call(a.token, 'GET', '/customers?sort=name&per_page=25')).body);
  const cursor = first.next_cursor!;
  const metaCursor = CustomerPage.parse((await call(a.token, 'GET', '/customers?sort=metadata.region&per_page=25')).body).next_cursor!;
  const [payload, signature] = cursor.split('.');
  const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {i: number; t: number};
  const forged = Buffer.from(JSON.stringify({...decoded, t: b.tenantId})).toString('base64url');
  const cases: [string, string, string][] = [
    ['tampered payload (another tenant, old signature)', b.token, `sort=name&per_page=25&cursor=${forged}.${signature}`],
    ['another tenant', b.token, `sort=name&per_page=25&cursor=${cursor}`],
    ['another sort', a.token, `sort=email&per_page=25&cursor=${cursor}`],
    ['another order', a.token, `sort=name&order=desc&per_page=25&cursor=${cursor}`],
    ['another page size', a.token, `sort=name&per_page=50&cursor=${cursor}`],
    ['another filter', a.token, `sort=name&per_page=25&status=active&cursor=${cursor}`],
    ['a signature changed', a.token, `sort=name&per_page=25&cursor=${payload}.${signature!.slice(1)}x`],
    ['no signature', a.token, `sort=name&per_page=25&cursor=${payload}`],
    ['garbage', a.token, 'sort=name&per_page=25&cursor=not..a-cursor'],
    ['a valid signature on junk', a.token, `sort=name&per_page=25&cursor=${Buffer.from('[1,2').toString('base64url')}.${signature}`],
    ['a metadata sort', a.token, `sort=metadata.region&per_page=25&cursor=${cursor}`],
    ['another metadata key', a.token, `sort=metadata.tier&per_page=25&cursor=${metaCursor}`],
    ['the last page of another tenant', b.token, `sort=name&per_page=25&cursor=${first.last_cursor}`],
    ['percent-garbled', a.token, `sort=name&per_page=25&cursor=%E2%80%AE${cursor.slice(3)}`],
    ['only dots', a.token, 'sort=name&per_page=25&cursor=...'],
    ['empty', a.token, 'sort=name&per_page=25&cursor='],
    ['too long', a.token, `sort=name&per_page=25&cursor=${'a'.repeat(2001)}`],
  ];
  for (const [what, token, query] of cases) {
    const res = await call(token, 'GET', `/customers?${query}`);
    assert.equal(res.status, 422, `${what}: ${JSON.stringify(res.body)}`);
    assert.ok(['invalid_cursor', 'required', 'too_long'].includes(res.body.error.field_codes?.cursor), `${what}: names cursor: ${JSON.stringify(res.body)}`);
  }
  const ok = await call(a.token, 'GET', `/customers?sort=name&per_page=25&cursor=${encodeURIComponent(cursor)}`);
  assert.equal(ok.status, 200);
  assert.equal(CustomerPage.parse(ok.body).data.length, 5);
});

void test('a text search counts up to 1,000 matches (total_capped), exact filters and the plain list count exactly', async () => {
  const t = await tenant({customers: 0, seed: 4246});
  const db = sandboxDatabases.get(await sandbox());
  assert.ok(db, 'the test sandbox exposes its database');
  await db.query(
    `INSERT INTO customers (tenant_id, name, email, plan, status)
     SELECT $1, 'Capped Search ' || g, 'cap' || g || '@capped.example', 'bronze', CASE WHEN g % 2 = 0 THEN 'active' ELSE 'inactive' END
     FROM generate_series(1, 1100) g`,
    [t.tenantId],
  );
  const search = CustomerPage.parse((await call(t.token, 'GET', '/customers?q=capped')).body);
  assert.deepEqual([search.total, search.total_capped], [1000, true]);
  assert.ok(search.next_cursor, 'a capped search still pages on');
  assert.equal(search.last_cursor, null, 'a capped total has no known last page');
  const narrow = CustomerPage.parse((await call(t.token, 'GET', '/customers?q=search%2010')).body);
  assert.deepEqual([narrow.total, narrow.total_capped], [111, false], 'Search 10, 100–109, 1000–1099: exact under the cap');
  const plain = CustomerPage.parse((await call(t.token, 'GET', '/customers')).body);
  assert.deepEqual([plain.total, plain.total_capped], [1100, false]);
  const filtered = CustomerPage.parse((await call(t.token, 'GET', '/customers?status=active')).body);
  assert.deepEqual([filtered.total, filtered.total_capped], [550, false]);
});

void test('the plain and status totals follow creates, status changes, deletes and bulk changes (customer_counts); a broad metadata filter is capped', async () => {
  const t = await tenant({customers: 7, seed: 4247});
  const total = async (query: string) => {
    const page = CustomerPage.parse((await call(t.token, 'GET', `/customers?per_page=25${query}`)).body);
    return [page.total, page.total_capped];
  };
  const counted = async (status?: string) => {
    const db = sandboxDatabases.get(await sandbox())!;
    const {rows: [r]} = await db.query<{n: number}>(`SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1${status ? ' AND status = $2' : ''}`, status ? [t.tenantId, status] : [t.tenantId]);
    return [r!.n, false];
  };
  const check = async (when: string) => {
    assert.deepEqual(await total(''), await counted(), `${when}: plain total`);
    for (const status of ['active', 'inactive']) assert.deepEqual(await total(`&status=${status}`), await counted(status), `${when}: ${status} total`);
  };
  await check('seeded');
  const created = await call(t.token, 'POST', '/customers', {name: 'Counted Co', email: 'counted@counted.example', plan: 'bronze'});
  assert.equal(created.status, 201);
  await check('after a create');
  const patched = await call(t.token, 'PATCH', `/customers/${created.body.id}`, {status: 'inactive'}, {'if-match': created.headers.get('etag')!});
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  await check('after a status change');
  assert.equal((await call(t.token, 'DELETE', `/customers/${created.body.id}`)).status, 204);
  await check('after a delete');
  const db = sandboxDatabases.get(await sandbox())!;
  await db.query(
    `INSERT INTO customers (tenant_id, name, email, plan, status, metadata)
     SELECT $1, 'Bulk ' || g, 'bulk' || g || '@bulk.example', 'bronze', 'inactive', '{"segment": "smb"}' FROM generate_series(1, 1005) g`,
    [t.tenantId],
  );
  await db.query(`UPDATE customers SET status = 'active' WHERE tenant_id = $1 AND email LIKE 'bulk1%'`, [t.tenantId]);
  await check('after bulk statements');
  assert.deepEqual(await total('&metadata=segment:smb'), [1000, true], 'a metadata filter matching 1,005 customers is capped');
  assert.deepEqual(await total('&q=bulk&status=active'), [117, false], 'bulk1, bulk10–19, bulk100–199, bulk1000–1005: exact under the cap');
});
