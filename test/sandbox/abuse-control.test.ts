/**
 * Sandbox abuse: the control API. Off unless the sandbox is created with `control`; when on, every
 * operation needs the sandbox's own admin secret (never a tenant token), so no tenant token can
 * create tenants, mint sessions, set faults or read the request log. Tenant creation is bounded in
 * size and rate.
 */
import assert from 'node:assert/strict';
import {createSandbox, type Sandbox} from '../../sandbox/index.js';
import {adminHeaders, call, control, tenant} from './helpers.js';
import {createTestSandbox} from './postgres.js';
import {abuseTest} from './reliability.js';

const CONTROL = 'http://sandbox.test/__sandbox';

async function own(options: Parameters<typeof createTestSandbox>[0], fn: (sb: Sandbox) => Promise<void>): Promise<void> {
  const sb = await createTestSandbox({seed: false, ...options});
  try {
    await fn(sb);
  } finally {
    await sb.close();
  }
}

const post = (sb: Sandbox, path: string, body: unknown, headers: Record<string, string> = {}) =>
  sb.fetch(new Request(`${CONTROL}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify(body)}));

abuseTest('Control API', 'the control API is off by default: /__sandbox answers 404 and X-Sandbox-Fault is ignored', async () => {
  await own({}, async (sb) => {
    assert.equal(sb.adminSecret, null);
    const created = await post(sb, '/tenants', {customers: 1});
    assert.equal(created.status, 404);
    assert.equal(((await created.json()) as {error: {code: string}}).error.code, 'not_found');
    const doc = await sb.fetch(new Request('http://sandbox.test/api/v3/reseller/openapi.json', {headers: {'x-sandbox-fault': JSON.stringify({status: 500})}}));
    assert.equal(doc.status, 200, 'the fault header does nothing');
  });
});

abuseTest('Control API', 'without the admin secret every control operation is 401, also with a valid RESELLER token', async () => {
  const t = await tenant({customers: 1});
  const noSecret = (method: string, path: string, token: string | null, body?: unknown) =>
    call(token, method, `${CONTROL}${path}`, body);
  const attempts: [string, string, string | null, unknown?][] = [
    ['POST', '/tenants', null, {customers: 1}],
    ['POST', '/tenants', t.token, {customers: 1}],
    ['PUT', '/faults', t.token, {rules: [{status: 500}]}],
    ['DELETE', '/faults', t.token],
    ['GET', '/requests', t.token],
    ['DELETE', '/requests', t.token],
    ['POST', '/tokens', t.token, {role: 'RESELLER'}],
    ['POST', '/tokens', t.reselleeToken, {role: 'RESELLER'}],
    ['DELETE', '/tokens', t.token],
    ['POST', '/transcripts', t.token, {customer_id: 1, title: 'x'}],
  ];
  for (const [method, path, token, body] of attempts) {
    const res = await noSecret(method, path, token, body);
    assert.equal(res.status, 401, `${method} ${path} with ${token === null ? 'no token' : 'a tenant token'}: ${res.status}`);
    assert.equal(res.body.error.code, 'unauthorized');
  }
  // A tenant token in the admin header is not the secret either.
  const asSecret = await call(t.reselleeToken, 'POST', `${CONTROL}/tokens`, {role: 'RESELLER'}, {'x-sandbox-admin': t.token});
  assert.equal(asSecret.status, 401);
  const wrong = await call(t.token, 'GET', `${CONTROL}/requests`, undefined, {'x-sandbox-admin': `${(await adminHeaders())['x-sandbox-admin']}x`});
  assert.equal(wrong.status, 401);
  // Nothing happened: the RESELLEE is still a RESELLEE, and no fault is set.
  assert.equal((await call(t.reselleeToken, 'GET', '/me')).body.role, 'RESELLEE');
  assert.equal((await call(t.token, 'GET', '/plans')).status, 200);
});

abuseTest('Control API', 'a RESELLEE session cannot become RESELLER: its token is refused everywhere a RESELLER is needed', async () => {
  const t = await tenant({customers: 1});
  const minted = await call(t.reselleeToken, 'POST', `${CONTROL}/tokens`, {role: 'RESELLER'});
  assert.equal(minted.status, 401);
  assert.equal(minted.body.token, undefined);
  assert.equal((await call(t.reselleeToken, 'GET', '/customers')).status, 403);
  assert.equal((await call(t.reselleeToken, 'GET', `${CONTROL}/requests`)).status, 401, 'nor read the request log');
});

abuseTest('Control API', 'X-Sandbox-Fault needs the admin secret when the control API is on', async () => {
  const t = await tenant({customers: 1});
  const header = {'x-sandbox-fault': JSON.stringify({status: 503})};
  const refused = await call(t.token, 'GET', '/plans', undefined, header);
  assert.equal(refused.status, 401);
  assert.match(refused.body.error.message, /admin secret/);
  assert.equal((await call(t.token, 'GET', '/plans', undefined, {...header, ...(await adminHeaders())})).status, 503);
});

abuseTest('Control API', 'tenant creation: customers capped, seed within int4, small bodies only', async () => {
  const big = await control('POST', '/tenants', undefined, {customers: 501});
  assert.equal(big.status, 422);
  assert.ok(big.body.error.fields.customers);
  const seed = await control('POST', '/tenants', undefined, {customers: 0, seed: 2 ** 31});
  assert.equal(seed.status, 422);
  assert.ok(seed.body.error.fields.seed);
  const huge = await control('POST', '/tenants', undefined, {customers: 0, seed: 1e300});
  assert.equal(huge.status, 422);
  const long = await control('POST', '/tenants', undefined, {customers: 0, name: 'x'.repeat(5000)});
  assert.equal(long.status, 413);
});

abuseTest('Control API', 'tenant creation is rate-limited: 429 with Retry-After past the per-minute budget', async () => {
  await own({control: {tenantsPerMinute: 2, customersPerMinute: 10}}, async (sb) => {
    const admin = {'x-sandbox-admin': sb.adminSecret!};
    assert.equal((await post(sb, '/tenants', {customers: 1}, admin)).status, 201);
    assert.equal((await post(sb, '/tenants', {customers: 1}, admin)).status, 201);
    const third = await post(sb, '/tenants', {customers: 1}, admin);
    assert.equal(third.status, 429);
    const retryAfter = Number(third.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(((await third.json()) as {error: {code: string}}).error.code, 'rate_limited');
  });
  await own({control: {tenantsPerMinute: 100, customersPerMinute: 10}}, async (sb) => {
    const admin = {'x-sandbox-admin': sb.adminSecret!};
    assert.equal((await post(sb, '/tenants', {customers: 8}, admin)).status, 201);
    assert.equal((await post(sb, '/tenants', {customers: 3}, admin)).status, 429, 'the seeded-customers budget counts too');
    assert.equal((await post(sb, '/tenants', {customers: 2}, admin)).status, 201);
  });
});

abuseTest('Control API', 'the admin secret is random per start unless configured, and must be long enough', async () => {
  await own({control: true}, async (a) => {
    await own({control: true}, async (b) => {
      assert.match(a.adminSecret!, /^sbx_admin_[\w-]{32}$/);
      assert.notEqual(a.adminSecret, b.adminSecret);
    });
  });
  await own({control: {secret: 'a-configured-secret-123'}}, async (sb) => assert.equal(sb.adminSecret, 'a-configured-secret-123'));
  await assert.rejects(createSandbox({dataDir: null, seed: false, control: {secret: 'short'}}), /at least 16 characters/);
});
