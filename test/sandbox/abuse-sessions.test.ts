/**
 * Sandbox abuse: sessions follow their users. Deactivating or deleting a user or a customer ends
 * its sessions and tokens on the very next request, also sessions minted for that user through the
 * control API and sessions the session cache had already seen.
 */
import assert from 'node:assert/strict';
import {sandboxDatabases} from '../../sandbox/index.js';
import {call, control, sandbox, type Tenant, tenant} from './helpers.js';
import {abuseTest} from './reliability.js';

/** The RESELLEE session's user and customer (from the tokens table). */
async function reselleeOf(t: Tenant): Promise<{userId: number; customerId: number}> {
  const db = sandboxDatabases.get(await sandbox())!;
  const {rows} = await db.query<{user_id: number; customer_id: number}>(
    `SELECT user_id, customer_id FROM tokens WHERE tenant_id = $1 AND kind = 'resellee' ORDER BY id LIMIT 1`, [t.tenantId],
  );
  return {userId: rows[0]!.user_id, customerId: rows[0]!.customer_id};
}

/** The seeded RESELLEE token plus one minted through the control API, both answering /me now (so both are cached). */
async function sessions(t: Tenant): Promise<string[]> {
  const minted = await control('POST', '/tokens', t.reselleeToken, {role: 'RESELLEE'});
  assert.equal(minted.status, 201);
  const tokens = [t.reselleeToken, minted.body.token as string];
  for (const token of tokens) assert.equal((await call(token, 'GET', '/me')).status, 200);
  return tokens;
}

async function assertEnded(tokens: string[], what: string): Promise<void> {
  for (const token of tokens) {
    const me = await call(token, 'GET', '/me');
    assert.equal(me.status, 401, `${what}: a session answered ${me.status}`);
    assert.equal(me.body.error.code, 'unauthorized');
  }
}

abuseTest('Sessions', 'deactivating a user ends its sessions at once, and reactivating does not bring them back', async () => {
  const t = await tenant({customers: 3});
  const {userId, customerId} = await reselleeOf(t);
  const tokens = await sessions(t);
  assert.equal((await call(t.token, 'PATCH', `/customers/${customerId}/users/${userId}`, {status: 'inactive'})).status, 200);
  await assertEnded(tokens, 'user deactivated');
  assert.equal((await call(t.token, 'PATCH', `/customers/${customerId}/users/${userId}`, {status: 'active'})).status, 200);
  await assertEnded(tokens, 'user reactivated');
  assert.equal((await call(t.token, 'GET', '/me')).status, 200, 'the reseller is unaffected');
});

abuseTest('Sessions', 'deleting a user ends its sessions at once', async () => {
  const t = await tenant({customers: 3});
  const {userId, customerId} = await reselleeOf(t);
  const tokens = await sessions(t);
  assert.equal((await call(t.token, 'DELETE', `/customers/${customerId}/users/${userId}`)).status, 204);
  await assertEnded(tokens, 'user deleted');
});

abuseTest('Sessions', "deactivating a customer ends its users' sessions and its API tokens at once", async () => {
  const t = await tenant({customers: 3});
  const {customerId} = await reselleeOf(t);
  const tokens = await sessions(t);
  const api = await call(t.token, 'POST', '/tokens', {customer_id: customerId, name: 'CI', permissions: ['transcripts:read']});
  assert.equal(api.status, 201, api.text);
  assert.ok((await call(t.token, 'GET', `/customers/${customerId}/tokens`)).body.data.some((k: {id: number}) => k.id === api.body.id));
  const patched = await call(t.token, 'PATCH', `/customers/${customerId}`, {status: 'inactive'});
  assert.equal(patched.status, 200);
  await assertEnded(tokens, 'customer deactivated');
  const left = (await call(t.token, 'GET', `/customers/${customerId}/tokens`)).body.data;
  assert.deepEqual(left, [], "the customer's API tokens are revoked too");
});

abuseTest('Sessions', 'deleting a customer ends its sessions at once', async () => {
  const t = await tenant({customers: 3});
  const {customerId} = await reselleeOf(t);
  const tokens = await sessions(t);
  assert.equal((await call(t.token, 'DELETE', `/customers/${customerId}`)).status, 204);
  await assertEnded(tokens, 'customer deleted');
});

abuseTest('Sessions', 'a RESELLEE session stays RESELLEE: no API route or control call without the admin secret makes it RESELLER', async () => {
  const t = await tenant({customers: 2});
  const before = await call(t.reselleeToken, 'GET', '/me');
  assert.equal(before.body.role, 'RESELLEE');
  const viaControl = await call(t.reselleeToken, 'POST', 'http://sandbox.test/__sandbox/tokens', {role: 'RESELLER'});
  assert.equal(viaControl.status, 401);
  const viaApi = await call(t.reselleeToken, 'POST', '/tokens', {customer_id: (await reselleeOf(t)).customerId, name: 'x', permissions: ['transcripts:read']});
  assert.equal(viaApi.status, 403);
  // Even the admin's RESELLEE session for this tenant is a RESELLEE one.
  const minted = await control('POST', '/tokens', t.reselleeToken, {role: 'RESELLEE'});
  assert.equal((await call(minted.body.token, 'GET', '/me')).body.role, 'RESELLEE');
  assert.equal((await call(minted.body.token, 'GET', '/customers')).status, 403);
});
