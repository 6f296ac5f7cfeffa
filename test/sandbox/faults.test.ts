import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {test} from 'node:test';
import {CustomerPage, ErrorBody} from '../../src/contract/schemas.js';
import {adminHeaders, call, control, raw, tenant} from './helpers.js';

/** One rule for one request (a control operation: it carries the admin secret). */
const fault = async (rule: object) => ({'x-sandbox-fault': JSON.stringify(rule), ...(await adminHeaders())});
/** How the request log shows an Idempotency-Key. */
const logged = (key: string) => `sha256:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;

void test('fault rule: status with a contract error body and Retry-After, limited by times', async () => {
  const t = await tenant({customers: 3});
  assert.equal((await control('PUT', '/faults', t.token, {rules: [{method: 'GET', path: '/customers', status: 503, retry_after: 7, times: 2}]})).status, 200);
  for (let i = 0; i < 2; i++) {
    const res = await call(t.token, 'GET', '/customers');
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '7');
    assert.equal(ErrorBody.parse(res.body).error.code, 'service_unavailable');
  }
  assert.equal((await call(t.token, 'GET', '/customers')).status, 200);
});

void test('fault rules match method and path with * wildcards, and only for their tenant', async () => {
  const t = await tenant({customers: 2});
  const other = await tenant({customers: 2});
  await control('PUT', '/faults', t.token, {rules: [{path: '/customers/*', status: 500}, {method: 'POST', path: '/customers', status: 429, retry_after: 1}]});
  const id = (await call(other.token, 'GET', '/customers')).body.data[0].id;
  const own = (await call(t.token, 'GET', '/customers')).body.data[0].id;
  assert.equal((await call(t.token, 'GET', '/customers')).status, 200);
  assert.equal((await call(t.token, 'GET', `/customers/${own}`)).status, 500);
  assert.equal((await call(t.token, 'GET', `/customers/${own}/usage`)).status, 500);
  const limited = await call(t.token, 'POST', '/customers', {name: 'R', email: 'r@r.example'});
  assert.equal(limited.status, 429);
  assert.equal(limited.body.error.code, 'rate_limited');
  assert.equal((await call(other.token, 'GET', `/customers/${id}`)).status, 200, 'the other tenant is unaffected');
  assert.equal((await control('DELETE', '/faults', t.token)).status, 204);
  assert.equal((await call(t.token, 'GET', `/customers/${own}`)).status, 200);
  assert.equal((await call(t.token, 'GET', '/customers?q=R')).body.total >= 0, true);
});

void test("fault body 'malformed' is broken JSON; 'invalid' is JSON that breaks the schema", async () => {
  const t = await tenant({customers: 2});
  const malformed = await raw('/customers', {headers: {authorization: `Bearer ${t.token}`, ...(await fault({body: 'malformed'}))}});
  assert.equal(malformed.status, 200);
  assert.match(malformed.headers.get('content-type')!, /application\/json/);
  await assert.rejects(async () => JSON.parse(await malformed.text()), SyntaxError);
  const invalid = await raw('/customers', {headers: {authorization: `Bearer ${t.token}`, ...(await fault({body: 'invalid'}))}});
  const json = await invalid.json();
  assert.equal(CustomerPage.safeParse(json).success, false);
  assert.equal(ErrorBody.safeParse(json).success, false);
  const withStatus = await raw('/customers', {headers: {authorization: `Bearer ${t.token}`, ...(await fault({status: 502, body: 'invalid'}))}});
  assert.equal(withStatus.status, 502);
});

void test('fault delay_ms adds latency before the real answer', async () => {
  const t = await tenant({customers: 1});
  const started = performance.now();
  const res = await call(t.token, 'GET', '/plans', undefined, await fault({delay_ms: 300}));
  assert.ok(performance.now() - started >= 290);
  assert.equal(res.status, 200);
  assert.equal(res.body.data.length, 4);
});

void test('fault drop: sandbox.fetch rejects like a network error', async () => {
  const t = await tenant({customers: 1});
  await control('PUT', '/faults', t.token, {rules: [{path: '/me', drop: true, times: 1}]});
  await assert.rejects(raw('/me', {headers: {authorization: `Bearer ${t.token}`}}), TypeError);
  assert.equal((await call(t.token, 'GET', '/me')).status, 200);
});

void test('the X-Sandbox-Fault header applies one rule to one request; a bad header is 400/422', async () => {
  const t = await tenant({customers: 1});
  const res = await call(t.token, 'GET', '/customers', undefined, await fault({status: 504}));
  assert.equal(res.status, 504);
  assert.equal(res.body.error.code, 'gateway_timeout');
  assert.equal((await call(t.token, 'GET', '/customers')).status, 200);
  assert.equal((await call(t.token, 'GET', '/customers', undefined, await fault({method: 'POST', status: 500}))).status, 200, 'rule does not match GET');
  assert.equal((await call(t.token, 'GET', '/customers', undefined, {'x-sandbox-fault': '{nope', ...(await adminHeaders())})).status, 400);
  assert.equal((await call(t.token, 'GET', '/customers', undefined, await fault({status: 'x'}))).status, 422);
  assert.equal((await control('PUT', '/faults', t.token, {rules: [{status: 1000}]})).status, 422);
  assert.equal((await control('PUT', '/faults', undefined, {rules: []})).status, 401);
});

void test('request log: what reached the server, oldest first, per tenant, without tokens; DELETE clears it', async () => {
  const t = await tenant({customers: 2});
  const other = await tenant({customers: 1});
  await control('DELETE', '/requests', t.token);
  await call(t.token, 'GET', '/customers?page=1&q=ab');
  await call(t.token, 'POST', '/customers', {name: 'Log', email: 'log@l.example'}, {'idempotency-key': 'key-1'});
  const c = (await call(t.token, 'GET', '/customers')).body.data[0];
  await call(t.token, 'PATCH', `/customers/${c.id}`, {name: 'L2'}, {'if-match': 'W/"1"'});
  await call(other.token, 'GET', '/customers');
  const log = (await control('GET', '/requests', t.token)).body.data;
  assert.deepEqual(log.map((r: {method: string; path: string; status: number}) => [r.method, r.path, r.status]), [
    ['GET', '/customers', 200], ['POST', '/customers', 201], ['GET', '/customers', 200], ['PATCH', `/customers/${c.id}`, 412],
  ]);
  assert.equal(log[0].query, 'page=1&q=ab');
  assert.equal(log[1].idempotency_key, logged('key-1'), 'the key is never logged in clear');
  assert.equal(log[3].if_match, 'W/"1"');
  assert.ok(log.every((r: {at: string}) => !Number.isNaN(Date.parse(r.at))));
  assert.equal((await control('DELETE', '/requests', t.token)).status, 204);
  assert.deepEqual((await control('GET', '/requests', t.token)).body.data, []);
});

void test('Idempotency-Key: a replay returns the original status and body and creates nothing', async () => {
  const t = await tenant({customers: 0});
  const body = {name: 'Once', email: 'once@o.example'};
  const first = await call(t.token, 'POST', '/customers', body, {'idempotency-key': 'abc'});
  const again = await call(t.token, 'POST', '/customers', body, {'idempotency-key': 'abc'});
  assert.equal(first.status, 201);
  assert.equal(again.status, 201);
  assert.deepEqual(again.body, first.body);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal((await call(t.token, 'GET', '/customers')).body.total, 1);
  // A replayed validation error stays the same error.
  const bad = await call(t.token, 'POST', '/customers', {name: ''}, {'idempotency-key': 'bad'});
  const badAgain = await call(t.token, 'POST', '/customers', {name: ''}, {'idempotency-key': 'bad'});
  assert.deepEqual([bad.status, badAgain.status], [422, 422]);
  assert.deepEqual(badAgain.body, bad.body);
  // Same key, different body: 409.
  const clash = await call(t.token, 'POST', '/customers', {name: 'Other', email: 'other@o.example'}, {'idempotency-key': 'abc'});
  assert.equal(clash.status, 409);
  assert.equal(clash.body.error.code, 'conflict');
  // Same key in another tenant is independent.
  const other = await tenant({customers: 0});
  assert.equal((await call(other.token, 'POST', '/customers', body, {'idempotency-key': 'abc'})).status, 201);
  // Tokens and PUT are idempotent too: one token, one secret.
  const c = first.body.id;
  const tok1 = await call(t.token, 'POST', '/tokens', {customer_id: c, name: 'I', permissions: ['usage:read']}, {'idempotency-key': 'tok'});
  const tok2 = await call(t.token, 'POST', '/tokens', {customer_id: c, name: 'I', permissions: ['usage:read']}, {'idempotency-key': 'tok'});
  assert.equal(tok2.body.secret, tok1.body.secret);
  assert.equal((await call(t.token, 'GET', `/customers/${c}/tokens`)).body.data.length, 1);
  const put1 = await call(t.token, 'PUT', `/customers/${c}/subscription`, {plan: 'gold'}, {'idempotency-key': 'sub'});
  const put2 = await call(t.token, 'PUT', `/customers/${c}/subscription`, {plan: 'gold'}, {'idempotency-key': 'sub'});
  assert.deepEqual(put2.body, put1.body);
});

void test('concurrency: parallel creates get distinct ids; parallel replays of one key create one', async () => {
  const t = await tenant({customers: 0});
  const creates = await Promise.all(Array.from({length: 12}, (_, i) => call(t.token, 'POST', '/customers', {name: `P${i}`, email: `p${i}@p.example`})));
  assert.ok(creates.every((r) => r.status === 201));
  assert.equal(new Set(creates.map((r) => r.body.id)).size, 12);
  const replays = await Promise.all(Array.from({length: 10}, () => call(t.token, 'POST', '/customers', {name: 'Same', email: 'same@p.example'}, {'idempotency-key': 'parallel'})));
  assert.ok(replays.every((r) => r.status === 201));
  assert.equal(new Set(replays.map((r) => r.body.id)).size, 1);
  assert.equal((await call(t.token, 'GET', '/customers?per_page=100')).body.total, 13);
  const log = (await control('GET', '/requests', t.token)).body.data.filter((r: {idempotency_key: string | null}) => r.idempotency_key === logged('parallel'));
  assert.equal(log.length, 10, 'every replay reached the server');
});

void test('JSON bodies over 64 KB are 413, also when streamed without Content-Length', async () => {
  const t = await tenant({customers: 0});
  const big = JSON.stringify({name: 'x', email: 'x@x.example', metadata: {note: 'y'.repeat(70 * 1024)}});
  const withLength = await call(t.token, 'POST', '/customers', big);
  assert.equal(withLength.status, 413);
  assert.equal(withLength.body.error.code, 'payload_too_large');
  const bytes = new TextEncoder().encode(big);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.byteLength; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
      controller.close();
    },
  });
  const chunked = await raw('/customers', {method: 'POST', headers: {authorization: `Bearer ${t.token}`, 'content-type': 'application/json'}, body: stream, duplex: 'half'} as RequestInit);
  assert.equal(chunked.status, 413);
  assert.equal((await call(t.token, 'GET', '/customers')).body.total, 0);
  const patch = await call(t.token, 'PATCH', '/customers/1', big);
  assert.ok([404, 413].includes(patch.status));
});

void test('POST /__sandbox/tenants creates isolated tenants quickly (30 customers)', async () => {
  const started = performance.now();
  const res = await control('POST', '/tenants', undefined, {customers: 30, seed: 99, name: 'Speed'});
  const ms = performance.now() - started;
  assert.equal(res.status, 201);
  assert.equal(res.body.name, 'Speed');
  assert.equal((await call(res.body.tokens.reseller, 'GET', '/customers')).body.total, 30);
  console.log(`# tenant with 30 customers created in ${Math.round(ms)} ms`);
  // Same seed, same data.
  const again = await control('POST', '/tenants', undefined, {customers: 30, seed: 99, name: 'Speed'});
  const names = async (token: string) => (await call(token, 'GET', '/customers?per_page=100&sort=id')).body.data.map((c: {name: string; email: string; phone: string | null}) => [c.name, c.email, c.phone]);
  assert.deepEqual(await names(again.body.tokens.reseller), await names(res.body.tokens.reseller));
  assert.equal((await control('POST', '/tenants', undefined, {customers: -1})).status, 422);
  const empty = await control('POST', '/tenants', undefined, {customers: 0});
  assert.equal((await call(empty.body.tokens.reseller, 'GET', '/customers')).body.total, 0);
  assert.equal((await call(empty.body.tokens.resellee, 'GET', '/me')).body.role, 'RESELLEE');
});
