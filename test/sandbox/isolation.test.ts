import assert from 'node:assert/strict';
import {test} from 'node:test';
import {call, control, tenant, type Tenant} from './helpers.js';

interface Ids {
  customer: {id: number; name: string; email: string; plan: string};
  user: number;
  token: number;
  transcript: number;
  document: number;
}

async function idsOf(t: Tenant): Promise<Ids> {
  const customer = (await call(t.token, 'GET', '/customers?sort=id')).body.data[0];
  const user = (await call(t.token, 'GET', `/customers/${customer.id}/users`)).body.data[0].id;
  const token = (await call(t.token, 'POST', '/tokens', {customer_id: customer.id, name: 'T', permissions: ['usage:read']})).body.id;
  const doc = (await call(t.token, 'GET', '/transcripts/documents')).body.data[0];
  return {customer, user, token, transcript: doc.transcript_id, document: doc.id};
}

/** Every reseller route and verb, parameterised by ids. */
const routes = (ids: Ids): [string, string, unknown?][] => [
  ['GET', `/customers/${ids.customer.id}`],
  ['PATCH', `/customers/${ids.customer.id}`, {name: 'Hijacked'}],
  ['DELETE', `/customers/${ids.customer.id}`],
  ['GET', `/customers/${ids.customer.id}/usage`],
  ['GET', `/customers/${ids.customer.id}/subscription`],
  ['PUT', `/customers/${ids.customer.id}/subscription`, {plan: 'gold'}],
  ['GET', `/customers/${ids.customer.id}/tokens`],
  ['GET', `/customers/${ids.customer.id}/users`],
  ['POST', `/customers/${ids.customer.id}/users`, {name: 'Intruder', email: 'intruder@evil.example'}],
  ['PATCH', `/customers/${ids.customer.id}/users/${ids.user}`, {status: 'inactive'}],
  ['DELETE', `/customers/${ids.customer.id}/users/${ids.user}`],
  ['POST', '/tokens', {customer_id: ids.customer.id, name: 'Stolen', permissions: ['transcripts:read']}],
  ['DELETE', `/tokens/${ids.token}`],
  ['GET', `/transcripts?customer_id=${ids.customer.id}`],
  ['GET', `/transcripts/documents?customer_id=${ids.customer.id}`],
  ['GET', `/transcripts/documents?transcript_id=${ids.transcript}`],
  ['GET', `/transcripts/documents/${ids.document}/download`],
  ['GET', `/usage/export?customer_id=${ids.customer.id}`],
];

const tenantWide: [string, string, unknown?][] = [
  ['GET', '/customers'], ['POST', '/customers', {name: 'X', email: 'x@x.example'}], ['GET', '/plans'], ['GET', '/usage'],
  ['GET', '/usage/export'], ['GET', '/transcripts'], ['GET', '/transcripts/documents'], ['GET', '/branding'],
  ['PATCH', '/branding', {brand_color: '#000000'}], ['DELETE', '/branding/logo'],
];

void test("another tenant's ids answer 404 on every route and verb, with no data, and change nothing", async () => {
  const a = await tenant({customers: 5});
  const b = await tenant({customers: 5});
  const ids = await idsOf(b);
  for (const [method, path, body] of routes(ids)) {
    const res = await call(a.token, method, path, body);
    assert.equal(res.status, 404, `${method} ${path}`);
    assert.equal(res.body.error.code, 'not_found', `${method} ${path}`);
    assert.ok(!res.text.includes(ids.customer.name) && !res.text.includes(ids.customer.email), `no data in ${method} ${path}`);
  }
  // B is untouched.
  const c = await call(b.token, 'GET', `/customers/${ids.customer.id}`);
  assert.equal(c.body.name, ids.customer.name);
  assert.equal(c.body.plan, ids.customer.plan);
  const users = (await call(b.token, 'GET', `/customers/${ids.customer.id}/users`)).body.data;
  assert.ok(users.some((u: {id: number; status: string}) => u.id === ids.user));
  assert.ok(!users.some((u: {email: string}) => u.email === 'intruder@evil.example'));
  assert.ok((await call(b.token, 'GET', `/customers/${ids.customer.id}/tokens`)).body.data.some((x: {id: number}) => x.id === ids.token));
  // …and A's own lists never show B's rows.
  const aList = (await call(a.token, 'GET', '/customers?per_page=100')).body.data;
  assert.ok(!aList.some((x: {id: number}) => x.id === ids.customer.id));
  const agg = (await call(a.token, 'GET', '/usage')).body.customers;
  assert.ok(!agg.some((x: {customer_id: number}) => x.customer_id === ids.customer.id));
  const search = (await call(a.token, 'GET', `/customers?q=${encodeURIComponent(ids.customer.email)}`)).body;
  assert.equal(search.total, 0);
});

void test('a RESELLEE token gets 403 forbidden on every reseller endpoint (it may only read the branding)', async () => {
  const t = await tenant({customers: 3});
  const ids = await idsOf(t);
  for (const [method, path, body] of [...routes(ids), ...tenantWide.filter(([m, p]) => !(m === 'GET' && p === '/branding'))]) {
    const res = await call(t.reselleeToken, method, path, body);
    assert.equal(res.status, 403, `${method} ${path}`);
    assert.equal(res.body.error.code, 'forbidden');
    assert.ok(!res.text.includes(ids.customer.email));
  }
  const logo = await call(t.reselleeToken, 'PUT', '/branding/logo', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), {'content-type': 'image/png'});
  assert.equal(logo.status, 403);
  assert.equal((await call(t.token, 'GET', `/customers/${ids.customer.id}`)).body.name, ids.customer.name);
});

void test('no, unknown, revoked and expired tokens get 401 on every endpoint (and /me)', async () => {
  const t = await tenant({customers: 3});
  const ids = await idsOf(t);
  const revoked = (await control('POST', '/tokens', t.token, {role: 'RESELLER'})).body.token;
  assert.equal((await call(revoked, 'GET', '/me')).status, 200);
  assert.equal((await control('DELETE', '/tokens', revoked)).status, 204);
  const expired = (await control('POST', '/tokens', t.token, {role: 'RESELLER', expires_at: '2020-01-01T00:00:00Z'})).body.token;
  const soon = (await control('POST', '/tokens', t.token, {role: 'RESELLER', expires_at: new Date(Date.now() + 3_600_000).toISOString()})).body.token;
  assert.equal((await call(soon, 'GET', '/me')).status, 200);
  for (const token of [null, 'rs_live_unknown', revoked, expired, `${t.token}x`]) {
    for (const [method, path, body] of [['GET', '/me'] as [string, string], ...routes(ids), ...tenantWide]) {
      const res = await call(token, method, path, body);
      assert.equal(res.status, 401, `${token?.slice(0, 8)} ${method} ${path}`);
      assert.equal(res.body.error.code, 'unauthorized');
      assert.ok(!res.text.includes(ids.customer.email));
    }
  }
  assert.equal((await call(null, 'GET', '/customers', undefined, {authorization: `Basic ${btoa('a:b')}`})).status, 401);
});

void test('tokens are stored only as SHA-256 hashes (the secret is not in any API answer after creation)', async () => {
  const t = await tenant({customers: 1});
  const c = (await call(t.token, 'GET', '/customers')).body.data[0];
  const created = (await call(t.token, 'POST', '/tokens', {customer_id: c.id, name: 'Hash', permissions: ['usage:read']})).body;
  const everything = [
    await call(t.token, 'GET', `/customers/${c.id}/tokens`), await call(t.token, 'GET', `/customers/${c.id}`),
    await control('GET', '/requests', t.token),
  ].map((r) => r.text).join('\n');
  assert.ok(!everything.includes(created.secret));
  assert.ok(!everything.includes(t.token), 'the request log never holds the bearer token');
});
