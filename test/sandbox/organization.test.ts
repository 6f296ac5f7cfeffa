import assert from 'node:assert/strict';
import {test} from 'node:test';
import {TokenCreated, TokenList, User, UserList} from '../../src/contract/schemas.js';
import {call, firstCustomer, tenant} from './helpers.js';

void test('POST /tokens answers the secret once (201); the list shows prefix but never the secret', async () => {
  const t = await tenant({customers: 2});
  const c = await firstCustomer(t);
  const res = await call(t.token, 'POST', '/tokens', {customer_id: c.id, name: 'Zapier', permissions: ['transcripts:read', 'usage:read'], expires_at: '2099-01-01T00:00:00Z'});
  assert.equal(res.status, 201);
  const created = TokenCreated.parse(res.body);
  assert.match(created.secret, /^sk_live_[A-Za-z0-9_-]{40,}$/);
  assert.ok(created.secret.startsWith(created.prefix));
  assert.equal(created.prefix.length, 12);
  const list = TokenList.parse((await call(t.token, 'GET', `/customers/${c.id}/tokens`)).body).data;
  const listed = list.find((x) => x.id === created.id)!;
  assert.deepEqual(listed.permissions, ['transcripts:read', 'usage:read']);
  assert.equal(listed.expires_at, '2099-01-01T00:00:00.000Z');
  const serialized = JSON.stringify(list);
  assert.ok(!serialized.includes(created.secret) && !serialized.includes('secret'));
});

void test('a customer API token is not reseller access (401)', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const {secret} = (await call(t.token, 'POST', '/tokens', {customer_id: c.id, name: 'API', permissions: ['transcripts:read']})).body;
  const res = await call(secret, 'GET', '/customers');
  assert.equal(res.status, 401);
  assert.equal(res.body.error.code, 'unauthorized');
  assert.equal((await call(secret, 'GET', '/me')).status, 401);
});

void test('POST /tokens validation: 422 per field; past expiry refused', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const res = await call(t.token, 'POST', '/tokens', {customer_id: 'x', name: '', permissions: []});
  assert.equal(res.status, 422);
  assert.deepEqual(Object.keys(res.body.error.fields).sort(), ['customer_id', 'name', 'permissions']);
  const badPerm = await call(t.token, 'POST', '/tokens', {customer_id: c.id, name: 'x', permissions: ['root']});
  assert.ok(badPerm.body.error.fields['permissions.0']);
  const past = await call(t.token, 'POST', '/tokens', {customer_id: c.id, name: 'x', permissions: ['usage:read'], expires_at: '2001-01-01T00:00:00Z'});
  assert.equal(past.status, 422);
  assert.ok(past.body.error.fields.expires_at);
});

void test('DELETE /tokens/{id} revokes (204), then it is gone from the list and a second revoke is 404', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const created = (await call(t.token, 'POST', '/tokens', {customer_id: c.id, name: 'Temp', permissions: ['usage:read']})).body;
  assert.equal((await call(t.token, 'DELETE', `/tokens/${created.id}`)).status, 204);
  const list = TokenList.parse((await call(t.token, 'GET', `/customers/${c.id}/tokens`)).body).data;
  assert.ok(!list.some((x) => x.id === created.id));
  assert.equal((await call(t.token, 'DELETE', `/tokens/${created.id}`)).status, 404);
});

void test('users: list, invite (201, invited), deactivate, remove; duplicate email is 422', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const before = UserList.parse((await call(t.token, 'GET', `/customers/${c.id}/users`)).body).data;
  assert.ok(before.length >= 1 && before.every((u) => u.role === 'RESELLEE' && u.customer_id === c.id));
  const inv = await call(t.token, 'POST', `/customers/${c.id}/users`, {name: 'Nieuwe Collega', email: 'nieuw@collega.example'});
  assert.equal(inv.status, 201);
  const u = User.parse(inv.body);
  assert.equal(u.status, 'invited');
  const dup = await call(t.token, 'POST', `/customers/${c.id}/users`, {name: 'Again', email: 'NIEUW@collega.example'});
  assert.equal(dup.status, 422);
  assert.ok(dup.body.error.fields.email);
  const bad = await call(t.token, 'POST', `/customers/${c.id}/users`, {name: '', email: 'x'});
  assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['email', 'name']);
  const off = await call(t.token, 'PATCH', `/customers/${c.id}/users/${u.id}`, {status: 'inactive'});
  assert.equal(off.body.status, 'inactive');
  assert.equal((await call(t.token, 'PATCH', `/customers/${c.id}/users/${u.id}`, {status: 'invited'})).status, 422);
  assert.equal((await call(t.token, 'DELETE', `/customers/${c.id}/users/${u.id}`)).status, 204);
  const after = UserList.parse((await call(t.token, 'GET', `/customers/${c.id}/users`)).body).data;
  assert.deepEqual(after.map((x) => x.id), before.map((x) => x.id));
  assert.equal((await call(t.token, 'DELETE', `/customers/${c.id}/users/${u.id}`)).status, 404);
});

void test('a user id under another customer of the same tenant is 404', async () => {
  const t = await tenant({customers: 2});
  const [a, b] = (await call(t.token, 'GET', '/customers?sort=id')).body.data;
  const userOfA = (await call(t.token, 'GET', `/customers/${a.id}/users`)).body.data[0];
  assert.equal((await call(t.token, 'PATCH', `/customers/${b.id}/users/${userOfA.id}`, {status: 'inactive'})).status, 404);
  assert.equal((await call(t.token, 'DELETE', `/customers/${b.id}/users/${userOfA.id}`)).status, 404);
});
