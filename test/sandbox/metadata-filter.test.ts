/**
 * GET /customers by metadata: `metadata=key:value` filters (exact, repeated, AND) and `metadata_q`
 * (search within every value), answered in SQL; bad input is refused at the edge with the error
 * body (422, or 400 for a NUL), never a 500; hostile keys and values are data, never SQL or a JSON path.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {CustomerPage, SandboxErrorBody, type Customer} from '../../src/contract/schemas.js';
import {call, tenant, type Tenant} from './helpers.js';

const q = (params: [string, string][]) => new URLSearchParams(params).toString();

async function all(t: Tenant, extra: [string, string][] = []): Promise<{data: Customer[]; total: number}> {
  const res = await call(t.token, 'GET', `/customers?${q([['per_page', '100'], ['sort', 'id'], ...extra])}`);
  assert.equal(res.status, 200, res.text);
  return CustomerPage.parse(res.body);
}

async function create(t: Tenant, name: string, metadata: Record<string, string>): Promise<Customer> {
  const res = await call(t.token, 'POST', '/customers', {name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, metadata});
  assert.equal(res.status, 201, res.text);
  return res.body as Customer;
}

void test('seeded customers carry region and tier metadata, and a key:value filter answers exactly the customers with that value', async () => {
  const t = await tenant({customers: 40});
  const everyone = (await all(t)).data;
  assert.ok(everyone.every((c) => c.metadata.region && c.metadata.tier), 'every seeded customer has a region and a tier');
  const region = everyone[0]!.metadata.region!;
  const expected = everyone.filter((c) => c.metadata.region === region).map((c) => c.id);
  assert.ok(expected.length > 0 && expected.length < everyone.length, `the region ${region} splits the tenant (${expected.length} of ${everyone.length})`);
  const page = await all(t, [['metadata', `region:${region}`]]);
  assert.deepEqual(page.data.map((c) => c.id), expected);
  assert.equal(page.total, expected.length);
});

void test('two filters combine with AND, with the other list parameters, and page with a total', async () => {
  const t = await tenant({customers: 0});
  await create(t, 'North Gold', {region: 'north', tier: 'gold'});
  await create(t, 'North Silver', {region: 'north', tier: 'silver'});
  await create(t, 'South Gold', {region: 'south', tier: 'gold'});
  const names = async (params: [string, string][]) => (await all(t, params)).data.map((c) => c.name);
  assert.deepEqual(await names([['metadata', 'region:north']]), ['North Gold', 'North Silver']);
  assert.deepEqual(await names([['metadata', 'region:north'], ['metadata', 'tier:gold']]), ['North Gold']);
  assert.deepEqual(await names([['metadata', 'region:north'], ['q', 'silver']]), ['North Silver']);
  assert.deepEqual(await names([['metadata', 'region:North']]), [], 'values match exactly (case too)');
  assert.deepEqual(await names([['metadata', 'tier:gold'], ['sort', 'name'], ['order', 'desc']]), ['South Gold', 'North Gold']);
});

void test('metadata_q searches within every metadata value, case-insensitively, with % and _ as plain characters', async () => {
  const t = await tenant({customers: 0});
  await create(t, 'Alpha', {account_manager: 'john@reseller.com', note: '100% on time'});
  await create(t, 'Beta', {account_manager: 'mary@reseller.com', crm_id: 'CRM_42'});
  await create(t, 'Gamma', {});
  const names = async (text: string) => (await all(t, [['metadata_q', text]])).data.map((c) => c.name);
  assert.deepEqual(await names('JOHN'), ['Alpha']);
  assert.deepEqual(await names('reseller.com'), ['Alpha', 'Beta']);
  assert.deepEqual(await names('%'), ['Alpha']);
  assert.deepEqual(await names('m_42'), ['Beta'], '_ is not a wildcard');
  assert.deepEqual(await names('account_manager'), [], 'keys are not searched, only values');
});

void test('hostile filter values are data: SQL, JSON and JSON path characters match only themselves', async () => {
  const t = await tenant({customers: 0});
  const hostile = [`x' OR '1'='1`, `"}'::jsonb OR true --`, '$.region ? (@ == "north")', 'a"b\\c', '{"region":"north"}', 'ünï €', `x'); DROP TABLE customers; --`];
  await create(t, 'Plain', {region: 'north'});
  for (const [i, value] of hostile.entries()) await create(t, `Hostile ${i}`, {region: value});
  for (const [i, value] of hostile.entries()) {
    const page = await all(t, [['metadata', `region:${value}`]]);
    assert.deepEqual(page.data.map((c) => c.name), [`Hostile ${i}`], `metadata=region:${value}`);
    const search = await all(t, [['metadata_q', value]]);
    assert.ok(search.data.some((c) => c.name === `Hostile ${i}`) && !search.data.some((c) => c.name === 'Plain'), `metadata_q=${value}`);
  }
  const long = 'v'.repeat(500);
  await create(t, 'Long', {region: long});
  assert.deepEqual((await all(t, [['metadata', `region:${long}`]])).data.map((c) => c.name), ['Long'], 'a 500-character value');
  assert.deepEqual((await all(t, [['metadata', 'region:a:b']])).data, [], 'a value may hold ":"');
  assert.equal((await all(t)).total, hostile.length + 2, 'nothing was changed or lost');
});

void test('bad metadata filters answer 422 with the error body naming the parameter, a NUL 400, never 500', async () => {
  const t = await tenant({customers: 2});
  const bad: [string, [string, string][]][] = [
    ['no colon', [['metadata', 'region']]],
    ['empty value', [['metadata', 'region:']]],
    ['empty key', [['metadata', ':north']]],
    ['uppercase key', [['metadata', 'Region:north']]],
    ['JSON path key', [['metadata', '$.region:north']]],
    ['dotted key', [['metadata', 'a.b:north']]],
    ['quote in key', [['metadata', `re'gion:north`]]],
    ['41-character key', [['metadata', `${'k'.repeat(41)}:v`]]],
    ['501-character value', [['metadata', `region:${'v'.repeat(501)}`]]],
    ['six filters', Array.from({length: 6}, (_, i): [string, string] => ['metadata', `k${i}:v`])],
    ['201-character metadata_q', [['metadata_q', 'x'.repeat(201)]]],
  ];
  for (const [what, params] of bad) {
    const res = await call(t.token, 'GET', `/customers?${q(params)}`);
    assert.equal(res.status, 422, `${what}: ${res.status} ${res.text.slice(0, 200)}`);
    const body = SandboxErrorBody.parse(res.body);
    assert.equal(body.error.code, 'validation_failed', what);
    assert.ok(Object.keys(body.error.fields ?? {}).some((f) => f.startsWith(params[0]![0])), `${what}: the field names ${params[0]![0]} (${JSON.stringify(body.error.fields)})`);
  }
  for (const nul of ['metadata=region%3Anor%00th', 'metadata_q=a%00b']) {
    const res = await call(t.token, 'GET', `/customers?${nul}`);
    assert.equal(res.status, 400, `${nul}: ${res.status}`);
    SandboxErrorBody.parse(res.body);
  }
  const longUrl = await call(t.token, 'GET', `/customers?${q([['metadata_q', 'y'.repeat(20_000)]])}`);
  assert.ok(longUrl.status >= 400 && longUrl.status < 500, `a very long value: ${longUrl.status}`);
});

void test('sort=metadata.<key> orders by that value case-insensitively, customers without the key last in both orders', async () => {
  const t = await tenant({customers: 0});
  await create(t, 'Ca', {region: 'north'});
  await create(t, 'Cb', {});
  await create(t, 'Cc', {region: 'Benelux'});
  await create(t, 'Cd', {region: 'south'});
  await create(t, 'Ce', {tier: 'gold'});
  await create(t, 'Cf', {region: 'north'});
  const names = async (order: string, extra = '') => {
    const res = await call(t.token, 'GET', `/customers?per_page=100&sort=metadata.region&order=${order}${extra}`);
    assert.equal(res.status, 200, res.text);
    return CustomerPage.parse(res.body).data.map((c) => c.name);
  };
  assert.deepEqual(await names('asc'), ['Cc', 'Ca', 'Cf', 'Cd', 'Cb', 'Ce'], 'Benelux before north (case-insensitive), ties by id, no region last');
  assert.deepEqual(await names('desc'), ['Cd', 'Cf', 'Ca', 'Cc', 'Ce', 'Cb'], 'reversed, ties by id descending, no region still last');
  assert.deepEqual(await names('asc', '&metadata=region:north'), ['Ca', 'Cf'], 'with a filter');
  const tier = await call(t.token, 'GET', '/customers?per_page=25&sort=metadata.tier&order=desc');
  assert.deepEqual(CustomerPage.parse(tier.body).data.map((c) => c.name), ['Ce', 'Cf', 'Cd', 'Cc', 'Cb', 'Ca'], 'another key: the one customer with a tier first, the rest by id');
});

void test('a bad metadata sort is a 422 naming sort, and a hostile key is never SQL', async () => {
  const t = await tenant({customers: 3});
  for (const sort of ['metadata.', 'metadata.Region', 'metadata.a-b', "metadata.x')--", 'metadata.x y', `metadata.${'k'.repeat(41)}`, 'metadata', 'meta.region', 'metadata.region.sub']) {
    const res = await call(t.token, 'GET', `/customers?sort=${encodeURIComponent(sort)}`);
    assert.equal(res.status, 422, `${sort}: ${res.text}`);
    const body = SandboxErrorBody.parse(res.body);
    assert.ok(body.error.fields?.sort, `${sort}: the error names sort (${res.text})`);
  }
  const ok = await call(t.token, 'GET', '/customers?sort=metadata.no_such_key&order=desc');
  assert.equal(ok.status, 200, 'a key no customer has sorts everyone last, by id');
  assert.deepEqual(CustomerPage.parse(ok.body).data.map((c) => c.id), [...CustomerPage.parse(ok.body).data.map((c) => c.id)].sort((a, b) => b - a));
});

void test('a metadata sort after creates, PATCHes and DELETEs is the order a sort over every customer gives, by cursor (Next, Prev, Last) and by page number', async () => {
  const t = await tenant({customers: 60});
  const seeded = (await all(t)).data;
  const patch = async (c: Customer, metadata: Record<string, string>) => {
    const res = await call(t.token, 'PATCH', `/customers/${c.id}`, {metadata});
    assert.equal(res.status, 200, res.text);
  };
  // 33 lose their region (so a page boundary falls among the customers without one), one gets a
  // new first value, one the last, one a known value in capitals (ties by id); two are deleted, two added.
  for (const c of seeded.slice(9, 42)) await patch(c, {tier: 'gold'});
  await patch(seeded[1]!, {region: 'Aaland', tier: 'gold'});
  await patch(seeded[3]!, {region: 'zeeland'});
  await patch(seeded[5]!, {region: 'DACH'});
  for (const c of [seeded[7]!, seeded[8]!]) assert.equal((await call(t.token, 'DELETE', `/customers/${c.id}`)).status, 204);
  await create(t, 'Meta late', {region: 'Benelux'});
  await create(t, 'Meta none', {tier: 'gold'});

  const everyone = (await all(t)).data;
  assert.equal(everyone.length, 60);
  const withRegion = everyone.filter((c) => c.metadata.region !== undefined);
  const without = everyone.filter((c) => c.metadata.region === undefined);
  const byValue = (a: Customer, b: Customer) => {
    const [x, y] = [a.metadata.region!.toLowerCase(), b.metadata.region!.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : a.id - b.id;
  };
  const expected = {
    asc: [...withRegion.sort(byValue), ...without.sort((a, b) => a.id - b.id)].map((c) => c.id),
    desc: [...withRegion.sort(byValue).reverse(), ...without.sort((a, b) => b.id - a.id)].map((c) => c.id),
  };
  const get = async (query: string) => {
    const res = await call(t.token, 'GET', `/customers?${query}`);
    assert.equal(res.status, 200, res.text);
    return CustomerPage.parse(res.body);
  };
  for (const order of ['asc', 'desc'] as const) {
    const base = `sort=metadata.region&order=${order}&per_page=25`;
    // Next from the first page to the end (pages cross from the customers with a region to those without).
    const forward: number[] = [];
    let page = await get(base);
    let last = page;
    for (;;) {
      forward.push(...page.data.map((c) => c.id));
      last = page;
      if (!page.next_cursor) break;
      page = await get(`${base}&cursor=${encodeURIComponent(page.next_cursor)}`);
    }
    assert.deepEqual(forward, expected[order], `${order}: Next through every page`);
    // Prev from the last page back to the first.
    const backward: number[][] = [];
    page = last;
    for (;;) {
      backward.unshift(page.data.map((c) => c.id));
      if (!page.prev_cursor) break;
      page = await get(`${base}&cursor=${encodeURIComponent(page.prev_cursor)}`);
    }
    assert.deepEqual(backward.flat(), expected[order], `${order}: Prev back to the first page`);
    assert.equal(backward.length, 3);
    // Last by last_cursor, and every page by number (the second half read from the end).
    const first = await get(base);
    const lastPage = await get(`${base}&cursor=${encodeURIComponent(first.last_cursor!)}`);
    assert.deepEqual(lastPage.data.map((c) => c.id), expected[order].slice(50), `${order}: Last`);
    for (let n = 1; n <= 3; n++) {
      assert.deepEqual((await get(`${base}&page=${n}`)).data.map((c) => c.id), expected[order].slice((n - 1) * 25, n * 25), `${order}: page ${n}`);
    }
  }
  // A filter or a search with the sort (under the cap: its matches sorted by the value itself): only
  // the matching customers, in the same order, by cursor as by page.
  const gold = await get('sort=metadata.region&per_page=100&metadata=tier:gold');
  assert.deepEqual(gold.data.map((c) => c.id), expected.asc.filter((id) => everyone.find((c) => c.id === id)!.metadata.tier === 'gold'));
  for (const order of ['asc', 'desc'] as const) {
    const base = `sort=metadata.region&order=${order}&per_page=25&q=E`;
    const pages = [await get(base)];
    while (pages.at(-1)!.next_cursor) pages.push(await get(`${base}&cursor=${encodeURIComponent(pages.at(-1)!.next_cursor!)}`));
    const matching = expected[order].filter((id) => /e/i.test(`${everyone.find((c) => c.id === id)!.name} ${everyone.find((c) => c.id === id)!.email}`));
    assert.ok(matching.length > 25, `${order}: more than a page matches (${matching.length})`);
    assert.deepEqual(pages.flatMap((p) => p.data.map((c) => c.id)), matching, `${order}: a search's pages by cursor`);
    assert.deepEqual((await get(`${base}&page=2`)).data.map((c) => c.id), matching.slice(25, 50), `${order}: a search's page 2`);
  }
});
