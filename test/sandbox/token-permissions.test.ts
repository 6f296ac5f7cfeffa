/** PATCH /tokens/{id}: a token's permissions after creation, validated, tenant-isolated and audited in the request log. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Token, TokenCreated, TokenList} from '../../src/contract/schemas.js';
import {call, control, firstCustomer, tenant} from './helpers.js';

async function newToken(token: string, customerId: number, permissions: string[]) {
  const res = await call(token, 'POST', '/tokens', {customer_id: customerId, name: 'Integration', permissions}, {'idempotency-key': crypto.randomUUID()});
  assert.equal(res.status, 201, res.text);
  return TokenCreated.parse(res.body);
}

void test('PATCH /tokens/{id} replaces the permissions; the list shows them; the request log says who changed what', async () => {
  const t = await tenant({customers: 2});
  const c = await firstCustomer(t);
  const made = await newToken(t.token, c.id, ['transcripts:read', 'usage:read']);
  await control('DELETE', '/requests', t.token);
  const res = await call(t.token, 'PATCH', `/tokens/${made.id}`, {permissions: ['transcripts:read', 'transcripts:write', 'transcripts:write']});
  assert.equal(res.status, 200, res.text);
  const updated = Token.parse(res.body);
  assert.deepEqual(updated.permissions, ['transcripts:read', 'transcripts:write']);
  assert.equal(updated.prefix, made.prefix);
  assert.equal('secret' in res.body, false, 'the secret is never shown again');
  const listed = TokenList.parse((await call(t.token, 'GET', `/customers/${c.id}/tokens`)).body).data.find((x) => x.id === made.id)!;
  assert.deepEqual(listed.permissions, ['transcripts:read', 'transcripts:write']);

  const log = (await control('GET', '/requests', t.token)).body.data;
  const entry = log.find((r: {method: string; path: string}) => r.method === 'PATCH' && r.path === `/tokens/${made.id}`);
  assert.equal(entry.status, 200);
  assert.deepEqual(entry.audit.changes, {permissions: {from: ['transcripts:read', 'usage:read'], to: ['transcripts:read', 'transcripts:write']}});
  assert.equal(entry.audit.target, `token ${made.id}`);
  assert.equal(entry.audit.actor.role, 'RESELLER');
  assert.ok(t.token.startsWith(entry.audit.actor.prefix) && entry.audit.actor.prefix.length >= 8, 'the actor is the caller\'s credential, by prefix');
  assert.equal(JSON.stringify(log).includes(t.token), false, 'never the secret');
});

void test('PATCH /tokens/{id}: bad input is 422 with the field and changes nothing', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const made = await newToken(t.token, c.id, ['usage:read']);
  for (const body of [{permissions: []}, {permissions: ['root']}, {permissions: 'usage:read'}, {}]) {
    const res = await call(t.token, 'PATCH', `/tokens/${made.id}`, body);
    assert.equal(res.status, 422, JSON.stringify(body));
    assert.ok(Object.keys(res.body.error.fields).some((k) => k.startsWith('permissions')), JSON.stringify(res.body));
  }
  assert.equal((await call(t.token, 'PATCH', `/tokens/${made.id}`, '{"permissions": [')).status, 400);
  const listed = TokenList.parse((await call(t.token, 'GET', `/customers/${c.id}/tokens`)).body).data.find((x) => x.id === made.id)!;
  assert.deepEqual(listed.permissions, ['usage:read']);
});

void test('PATCH /tokens/{id}: another reseller\'s, a revoked or an unknown token is 404; a RESELLEE gets 403', async () => {
  const a = await tenant({customers: 1});
  const b = await tenant({customers: 1});
  const made = await newToken(a.token, (await firstCustomer(a)).id, ['usage:read']);
  assert.equal((await call(b.token, 'PATCH', `/tokens/${made.id}`, {permissions: ['users:manage']})).status, 404);
  assert.equal((await call(a.reselleeToken, 'PATCH', `/tokens/${made.id}`, {permissions: ['users:manage']})).status, 403);
  assert.equal((await call(a.token, 'PATCH', '/tokens/99999999', {permissions: ['usage:read']})).status, 404);
  assert.equal((await call(a.token, 'DELETE', `/tokens/${made.id}`)).status, 204);
  assert.equal((await call(a.token, 'PATCH', `/tokens/${made.id}`, {permissions: ['usage:read']})).status, 404);
  const sessionId = 1; // a session credential (kind reseller) is never a customer token
  assert.equal((await call(a.token, 'PATCH', `/tokens/${sessionId}`, {permissions: ['usage:read']})).status, 404);
  const still = TokenList.parse((await call(a.token, 'GET', `/customers/${made.customer_id}/tokens`)).body).data;
  assert.equal(still.some((x) => x.id === made.id), false);
});
