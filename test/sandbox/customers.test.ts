import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Customer, CustomerPage, Me, PlanList, Subscription} from '../../src/contract/schemas.js';
import {ERROR_CODES, FIELD_ERROR_CODES} from '../../src/contract/constants.js';
import {call, tenant} from './helpers.js';

void test('GET /me answers the reseller organization and role', async () => {
  const t = await tenant({name: 'Me Test Reseller'});
  const res = await call(t.token, 'GET', '/me');
  assert.equal(res.status, 200);
  const me = Me.parse(res.body);
  assert.equal(me.role, 'RESELLER');
  assert.equal(me.organization.name, 'Me Test Reseller');
  assert.equal(me.organization.id, t.tenantId);
});

void test('GET /me answers a RESELLEE with its own organization (so the UI can say reseller access is required)', async () => {
  const t = await tenant();
  const res = await call(t.reselleeToken, 'GET', '/me');
  assert.equal(res.status, 200);
  assert.equal(Me.parse(res.body).role, 'RESELLEE');
});

void test('GET /plans lists the four plans with their minutes and features', async () => {
  const t = await tenant({customers: 0});
  const plans = PlanList.parse((await call(t.token, 'GET', '/plans')).body).data;
  assert.deepEqual(plans.map((p) => [p.id, p.monthly_minutes, p.custom_models, p.priority_support]), [
    ['bronze', 500, false, false], ['silver', 2000, false, false], ['gold', 10000, true, true], ['enterprise', null, true, true],
  ]);
});

void test('GET /customers pages with total from the database', async () => {
  const t = await tenant({customers: 60});
  const p1 = CustomerPage.parse((await call(t.token, 'GET', '/customers?per_page=25&page=1')).body);
  const p3 = CustomerPage.parse((await call(t.token, 'GET', '/customers?per_page=25&page=3')).body);
  assert.equal(p1.total, 60);
  assert.equal(p1.data.length, 25);
  assert.equal(p3.data.length, 10);
  assert.equal(p3.page, 3);
  const beyond = CustomerPage.parse((await call(t.token, 'GET', '/customers?page=9')).body);
  assert.deepEqual([beyond.data.length, beyond.total], [0, 60]);
  const ids = new Set([...p1.data, ...p3.data].map((c) => c.id));
  assert.equal(ids.size, 35);
});

void test('GET /customers rejects invalid query values with 422 per field', async () => {
  const t = await tenant({customers: 0});
  const res = await call(t.token, 'GET', '/customers?per_page=10&sort=secret&status=gone&order=up&page=0');
  assert.equal(res.status, 422);
  assert.equal(res.body.error.code, 'validation_failed');
  for (const f of ['per_page', 'sort', 'status', 'order', 'page']) assert.ok(res.body.error.fields[f], `message for ${f}`);
});

void test('GET /customers sorts by each column with a deterministic id tie-break', async () => {
  const t = await tenant({customers: 40});
  for (const sort of ['id', 'name', 'email', 'phone', 'created_at', 'status'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      const page = CustomerPage.parse((await call(t.token, 'GET', `/customers?per_page=100&sort=${sort}&order=${order}`)).body);
      const key = (c: Customer) => (sort === 'name' || sort === 'email' ? c[sort].toLowerCase() : c[sort]);
      for (let i = 1; i < page.data.length; i++) {
        const a = page.data[i - 1]!;
        const b = page.data[i]!;
        const ka = key(a);
        const kb = key(b);
        if (ka === kb) {
          assert.ok(order === 'asc' ? a.id < b.id : a.id > b.id, `tie on ${sort} broken by id`);
          continue;
        }
        if (ka === null) assert.fail(`null ${sort} sorted before a value`);
        if (kb === null) continue; // nulls last
        const cmp = sort === 'id' ? (ka as number) - (kb as number) : sort === 'name' || sort === 'email' ? 0 : String(ka) < String(kb) ? -1 : 1;
        if (sort !== 'name' && sort !== 'email') assert.ok(order === 'asc' ? cmp < 0 : cmp > 0, `${sort} ${order} at ${i}: ${ka} vs ${kb}`);
      }
      // Same query twice, same order.
      const again = CustomerPage.parse((await call(t.token, 'GET', `/customers?per_page=100&sort=${sort}&order=${order}`)).body);
      assert.deepEqual(again.data.map((c) => c.id), page.data.map((c) => c.id));
    }
  }
});

void test('GET /customers filters by status and searches name and email case-insensitively', async () => {
  const t = await tenant({customers: 30});
  const inactive = CustomerPage.parse((await call(t.token, 'GET', '/customers?status=inactive&per_page=100')).body);
  assert.ok(inactive.data.every((c) => c.status === 'inactive'));
  const all = CustomerPage.parse((await call(t.token, 'GET', '/customers?per_page=100')).body);
  assert.equal(inactive.total, all.data.filter((c) => c.status === 'inactive').length);

  await call(t.token, 'POST', '/customers', {name: 'Zwaluw Tolkdiensten', email: 'planning@ZWALUW-tolk.nl'});
  await call(t.token, 'POST', '/customers', {name: 'Other Co', email: 'kees@zwaluw.example'});
  const byName = CustomerPage.parse((await call(t.token, 'GET', '/customers?q=zwaLUW')).body);
  assert.deepEqual(byName.data.map((c) => c.email).sort(), ['kees@zwaluw.example', 'planning@ZWALUW-tolk.nl']);
  const byEmail = CustomerPage.parse((await call(t.token, 'GET', '/customers?q=-TOLK.nl')).body);
  assert.deepEqual(byEmail.data.map((c) => c.name), ['Zwaluw Tolkdiensten']);
  // LIKE wildcards are literal.
  const wildcard = CustomerPage.parse((await call(t.token, 'GET', '/customers?q=%25')).body);
  assert.equal(wildcard.total, 0);
});

void test('POST /customers creates an active customer with a server id (201)', async () => {
  const t = await tenant({customers: 3});
  const res = await call(t.token, 'POST', '/customers', {
    name: '  Acme Corporation ', email: 'admin@acme.com', phone: '+31612345678', plan: 'gold',
    metadata: {segment: 'enterprise', industry: 'healthcare', account_manager: 'john@reseller.com'},
  });
  assert.equal(res.status, 201);
  const c = Customer.parse(res.body);
  assert.equal(c.name, 'Acme Corporation');
  assert.equal(c.status, 'active');
  assert.deepEqual(c.usage, {transcription_minutes: 0, quota_minutes: 10000});
  assert.equal(c.metadata.industry, 'healthcare');
  assert.match(res.headers.get('etag') ?? '', /^W\/"\d+"$/);
  const got = Customer.parse((await call(t.token, 'GET', `/customers/${c.id}`)).body);
  assert.deepEqual(got, c);
  const bronze = Customer.parse((await call(t.token, 'POST', '/customers', {name: 'B', email: 'b@b.example'})).body);
  assert.equal(bronze.plan, 'bronze');
  assert.equal(bronze.phone, null);
  assert.ok(bronze.id > c.id);
});

void test('POST /customers: 422 with a message per field', async () => {
  const t = await tenant({customers: 0});
  const res = await call(t.token, 'POST', '/customers', {name: ' ', email: 'not-an-email', phone: '0612345678', plan: 'platinum', metadata: {'Bad Key': 'x'}});
  assert.equal(res.status, 422);
  assert.equal(res.body.error.code, 'validation_failed');
  const f = res.body.error.fields;
  assert.equal(f.name, 'Name is required');
  assert.equal(f.email, 'Enter a valid email address');
  assert.match(f.phone, /international/);
  assert.ok(f.plan);
  assert.ok(Object.keys(f).some((k) => k.startsWith('metadata')));
  const missing = await call(t.token, 'POST', '/customers', {});
  assert.deepEqual(Object.keys(missing.body.error.fields).sort(), ['email', 'name']);
  assert.ok(Object.values(missing.body.error.fields).every((m) => typeof m === 'string' && m.length > 0));
});

void test('POST /customers: Enterprise needs quota_minutes, other plans refuse it', async () => {
  const t = await tenant({customers: 0});
  const noQuota = await call(t.token, 'POST', '/customers', {name: 'E', email: 'e@e.example', plan: 'enterprise'});
  assert.equal(noQuota.status, 422);
  assert.ok(noQuota.body.error.fields.quota_minutes);
  const wrong = await call(t.token, 'POST', '/customers', {name: 'S', email: 's@e.example', plan: 'silver', quota_minutes: 10});
  assert.equal(wrong.status, 422);
  const ok = await call(t.token, 'POST', '/customers', {name: 'E', email: 'e@e.example', plan: 'enterprise', quota_minutes: 25000});
  assert.equal(ok.status, 201);
  assert.equal(ok.body.usage.quota_minutes, 25000);
});

void test('POST /customers: a duplicate email in the same tenant is 422 on email (case-insensitive); another tenant may use it', async () => {
  const t = await tenant({customers: 0});
  const other = await tenant({customers: 0});
  assert.equal((await call(t.token, 'POST', '/customers', {name: 'A', email: 'same@dup.example'})).status, 201);
  const dup = await call(t.token, 'POST', '/customers', {name: 'B', email: 'SAME@dup.example'});
  assert.equal(dup.status, 422);
  assert.equal(dup.body.error.fields.email, 'This email address is already in use');
  assert.deepEqual(dup.body.error.field_codes, {email: 'email_taken'});
  assert.equal((await call(other.token, 'POST', '/customers', {name: 'C', email: 'same@dup.example'})).status, 201);
});

void test('error codes: every answer uses the closed lists; a 422 gives a code per field (required, invalid_email, too_long, quota_required)', async () => {
  const t = await tenant({customers: 0});
  const bad = await call(t.token, 'POST', '/customers', {email: 'not-an-email', name: 'x'.repeat(201)});
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.code, 'validation_failed');
  assert.deepEqual(bad.body.error.field_codes, {email: 'invalid_email', name: 'too_long'});
  const missing = await call(t.token, 'POST', '/customers', {email: 'a@b.example'});
  assert.deepEqual(missing.body.error.field_codes, {name: 'required'});
  const enterprise = await call(t.token, 'POST', '/customers', {name: 'E', email: 'e@b.example', plan: 'enterprise'});
  assert.deepEqual(enterprise.body.error.field_codes, {quota_minutes: 'quota_required'});
  const answers = [bad, missing, enterprise, await call(t.token, 'GET', '/customers/999999'), await call('nope', 'GET', '/customers')];
  for (const answer of answers) {
    assert.ok((ERROR_CODES as readonly string[]).includes(answer.body.error.code), answer.body.error.code);
    for (const code of Object.values(answer.body.error.field_codes ?? {})) assert.ok((FIELD_ERROR_CODES as readonly string[]).includes(code as string), String(code));
  }
});

void test('POST /customers: wrong content type is 415, broken JSON is 400', async () => {
  const t = await tenant({customers: 0});
  const r415 = await call(t.token, 'POST', '/customers', 'name=x', {'content-type': 'application/x-www-form-urlencoded'});
  assert.equal(r415.status, 415);
  assert.equal(r415.body.error.code, 'unsupported_media_type');
  const r400 = await call(t.token, 'POST', '/customers', '{"name": ', {'content-type': 'application/json'});
  assert.equal(r400.status, 400);
  assert.equal(r400.body.error.code, 'bad_request');
});

void test('PATCH /customers/{id} updates fields, bumps the ETag, honours If-Match (412 on mismatch)', async () => {
  const t = await tenant({customers: 2});
  const created = await call(t.token, 'POST', '/customers', {name: 'Patch Me', email: 'p@p.example', phone: '+31612345678'});
  const etag = created.headers.get('etag')!;
  const ok = await call(t.token, 'PATCH', `/customers/${created.body.id}`, {name: 'Patched', phone: null, status: 'inactive', metadata: {segment: 'smb'}}, {'if-match': etag});
  assert.equal(ok.status, 200);
  const c = Customer.parse(ok.body);
  assert.deepEqual([c.name, c.phone, c.status, c.metadata], ['Patched', null, 'inactive', {segment: 'smb'}]);
  const newEtag = ok.headers.get('etag')!;
  assert.notEqual(newEtag, etag);
  assert.ok(c.updated_at > created.body.updated_at);

  const stale = await call(t.token, 'PATCH', `/customers/${c.id}`, {name: 'Lost update'}, {'if-match': etag});
  assert.equal(stale.status, 412);
  assert.equal(stale.body.error.code, 'precondition_failed');
  assert.equal((await call(t.token, 'GET', `/customers/${c.id}`)).body.name, 'Patched');

  const noHeader = await call(t.token, 'PATCH', `/customers/${c.id}`, {name: 'No If-Match'});
  assert.equal(noHeader.status, 200);
  assert.equal((await call(t.token, 'GET', `/customers/${c.id}`)).headers.get('etag'), noHeader.headers.get('etag'));

  const invalid = await call(t.token, 'PATCH', `/customers/${c.id}`, {email: 'nope', status: 'trial'});
  assert.equal(invalid.status, 422);
  assert.deepEqual(Object.keys(invalid.body.error.fields).sort(), ['email', 'status']);
});

void test('two PATCHes with the same ETag: exactly one wins', async () => {
  const t = await tenant({customers: 1});
  const c = (await call(t.token, 'GET', '/customers')).body.data[0];
  const etag = (await call(t.token, 'GET', `/customers/${c.id}`)).headers.get('etag')!;
  const results = await Promise.all(['One', 'Two'].map((name) => call(t.token, 'PATCH', `/customers/${c.id}`, {name}, {'if-match': etag})));
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 412]);
});

void test('DELETE /customers/{id} answers 204 and removes it with its usage, tokens, users and transcripts', async () => {
  const t = await tenant({customers: 5});
  const list = CustomerPage.parse((await call(t.token, 'GET', '/customers')).body);
  const victim = list.data[0]!;
  const del = await call(t.token, 'DELETE', `/customers/${victim.id}`);
  assert.equal(del.status, 204);
  assert.equal(del.text, '');
  assert.equal((await call(t.token, 'GET', `/customers/${victim.id}`)).status, 404);
  assert.equal((await call(t.token, 'DELETE', `/customers/${victim.id}`)).status, 404);
  assert.equal(CustomerPage.parse((await call(t.token, 'GET', '/customers')).body).total, 4);
  assert.equal((await call(t.token, 'GET', `/transcripts?customer_id=${victim.id}`)).status, 404);
  const docs = (await call(t.token, 'GET', '/transcripts/documents?per_page=100')).body.data;
  assert.ok(docs.every((d: {customer_id: number}) => d.customer_id !== victim.id));
});

void test('subscription: GET and PUT change the plan and quota', async () => {
  const t = await tenant({customers: 0});
  const c = (await call(t.token, 'POST', '/customers', {name: 'Sub', email: 'sub@s.example', plan: 'silver'})).body;
  const sub = Subscription.parse((await call(t.token, 'GET', `/customers/${c.id}/subscription`)).body);
  assert.deepEqual([sub.plan, sub.quota_minutes, sub.custom_models, sub.priority_support], ['silver', 2000, false, false]);
  assert.match(sub.billing_period.start, /^\d{4}-\d{2}-01$/);
  const gold = await call(t.token, 'PUT', `/customers/${c.id}/subscription`, {plan: 'gold'});
  assert.equal(gold.status, 200);
  assert.deepEqual([gold.body.plan, gold.body.quota_minutes, gold.body.custom_models], ['gold', 10000, true]);
  const ent = await call(t.token, 'PUT', `/customers/${c.id}/subscription`, {plan: 'enterprise'});
  assert.equal(ent.status, 422);
  assert.ok(ent.body.error.fields.quota_minutes);
  const ent2 = await call(t.token, 'PUT', `/customers/${c.id}/subscription`, {plan: 'enterprise', quota_minutes: 42000});
  assert.equal(ent2.body.quota_minutes, 42000);
  assert.equal((await call(t.token, 'GET', `/customers/${c.id}`)).body.usage.quota_minutes, 42000);
  const bad = await call(t.token, 'PUT', `/customers/${c.id}/subscription`, {plan: 'diamond'});
  assert.equal(bad.status, 422);
  assert.ok(bad.body.error.fields.plan);
});

void test('PATCH /customers/{id} with plan applies it with the subscription rules (never a silent 200)', async () => {
  const t = await tenant({customers: 0});
  const c = (await call(t.token, 'POST', '/customers', {name: 'Patch Plan', email: 'plan@p.example', plan: 'bronze'})).body;
  const silver = await call(t.token, 'PATCH', `/customers/${c.id}`, {plan: 'silver'});
  assert.equal(silver.status, 200);
  assert.equal(Customer.parse(silver.body).plan, 'silver');
  assert.equal(silver.body.usage.quota_minutes, 2000);
  const sub = Subscription.parse((await call(t.token, 'GET', `/customers/${c.id}/subscription`)).body);
  assert.deepEqual([sub.plan, sub.quota_minutes], ['silver', 2000]);
  // Enterprise needs its minutes, as on PUT /subscription; the refused PATCH changes nothing.
  const ent = await call(t.token, 'PATCH', `/customers/${c.id}`, {plan: 'enterprise', name: 'Renamed'});
  assert.equal(ent.status, 422);
  assert.ok(ent.body.error.fields.quota_minutes);
  const after = Customer.parse((await call(t.token, 'GET', `/customers/${c.id}`)).body);
  assert.deepEqual([after.plan, after.name], ['silver', 'Patch Plan']);
  const ent2 = await call(t.token, 'PATCH', `/customers/${c.id}`, {plan: 'enterprise', quota_minutes: 42000});
  assert.deepEqual([ent2.status, ent2.body.plan, ent2.body.usage.quota_minutes], [200, 'enterprise', 42000]);
  // A quota alone changes an Enterprise customer's minutes, and is refused (not dropped) for other plans.
  assert.equal((await call(t.token, 'PATCH', `/customers/${c.id}`, {quota_minutes: 50000})).body.usage.quota_minutes, 50000);
  assert.equal((await call(t.token, 'PATCH', `/customers/${c.id}`, {plan: 'gold'})).body.usage.quota_minutes, 10000);
  const stray = await call(t.token, 'PATCH', `/customers/${c.id}`, {quota_minutes: 123});
  assert.equal(stray.status, 422);
  assert.ok(stray.body.error.fields.quota_minutes);
  const bad = await call(t.token, 'PATCH', `/customers/${c.id}`, {plan: 'diamond'});
  assert.equal(bad.status, 422);
  assert.ok(bad.body.error.fields.plan);
});

void test('usage summary on the customer equals the sum of the current billing period', async () => {
  const t = await tenant({customers: 20});
  const list = CustomerPage.parse((await call(t.token, 'GET', '/customers?per_page=100')).body);
  const today = new Date().toISOString().slice(0, 10);
  const monthStart = today.slice(0, 8) + '01';
  for (const c of list.data.slice(0, 5)) {
    const usage = (await call(t.token, 'GET', `/customers/${c.id}/usage?from=${monthStart}&to=${today}`)).body;
    const sum = usage.daily.reduce((s: number, d: {audio_minutes: number}) => s + d.audio_minutes, 0);
    assert.ok(Math.abs(sum - c.usage.transcription_minutes) < 0.2, `${sum} vs ${c.usage.transcription_minutes}`);
  }
});

void test('a search answers the customers whose name or email holds the term, in the sort\'s order, the same by cursor and by page number', async () => {
  const t = await tenant({customers: 100});
  const get = async (query: string) => {
    const res = await call(t.token, 'GET', `/customers?${query}`);
    assert.equal(res.status, 200, res.text);
    return CustomerPage.parse(res.body);
  };
  const everyone = (await get('per_page=100&sort=id')).data;
  assert.equal(everyone.length, 100);
  const holds = (c: {name: string; email: string}, term: string) => c.name.toLowerCase().includes(term) || c.email.toLowerCase().includes(term);
  // A two-letter term that about 40 of the 100 hold (more than a page of 25, not all).
  const terms = new Set(everyone.flatMap((c) => [...`${c.name} ${c.email}`.toLowerCase().matchAll(/(?=([a-z]{2}))/g)].map((m) => m[1]!)));
  const term = [...terms].map((x) => ({x, n: everyone.filter((c) => holds(c, x)).length})).sort((a, b) => Math.abs(a.n - 40) - Math.abs(b.n - 40) || (a.x < b.x ? -1 : 1))[0]!.x;
  const matches = everyone.filter((c) => holds(c, term));
  assert.ok(matches.length > 25 && matches.length < 100, `${term}: ${matches.length} matches`);
  for (const [sort, order] of [['id', 'asc'], ['id', 'desc'], ['name', 'desc'], ['phone', 'asc'], ['created_at', 'desc']] as const) {
    const base = `q=${encodeURIComponent(term.toUpperCase())}&sort=${sort}&order=${order}&per_page=25`;
    const whole = await get(`q=${encodeURIComponent(term)}&sort=${sort}&order=${order}&per_page=100`);
    assert.equal(whole.total, matches.length, `${sort} ${order}: total`);
    assert.equal(whole.total_capped, false);
    assert.deepEqual(whole.data.map((c) => c.id).sort((a, b) => a - b), matches.map((c) => c.id), `${sort} ${order}: exactly the matches`);
    if (sort === 'id') {
      const ids = matches.map((c) => c.id);
      assert.deepEqual(whole.data.map((c) => c.id), order === 'asc' ? ids : [...ids].reverse(), `${order}: by id`);
    }
    const byCursor: number[] = [];
    let page = await get(base);
    for (;;) {
      byCursor.push(...page.data.map((c) => c.id));
      if (!page.next_cursor) break;
      page = await get(`${base}&cursor=${encodeURIComponent(page.next_cursor)}`);
    }
    assert.deepEqual(byCursor, whole.data.map((c) => c.id), `${sort} ${order}: Next through every page`);
    const byNumber: number[] = [];
    for (let n = 1; n <= Math.ceil(matches.length / 25); n++) byNumber.push(...(await get(`${base}&page=${n}`)).data.map((c) => c.id));
    assert.deepEqual(byNumber, whole.data.map((c) => c.id), `${sort} ${order}: every page by number`);
  }
});
