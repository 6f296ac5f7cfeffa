/**
 * Sandbox abuse: Idempotency-Key replays. A secret-bearing answer (`POST /tokens`) is replayed for
 * SECRET_REPLAY_MS only, then erased (the key answers 409 and the database no longer holds it); a
 * claim that never got its answer blocks its key for CLAIM_EXPIRY_MS at most, then the retry runs
 * exactly once. The clock is moved by ageing the rows (the windows are minutes long).
 */
import assert from 'node:assert/strict';
import {sandboxDatabases} from '../../sandbox/index.js';
import {CLAIM_EXPIRY_MS, SECRET_REPLAY_MS} from '../../sandbox/idempotency.js';
import {sha256Hex} from '../../sandbox/tokens.js';
import {call, sandbox, tenant} from './helpers.js';
import {abuseTest} from './reliability.js';

const db = async () => sandboxDatabases.get(await sandbox())!;
const keyHash = (key: string) => sha256Hex(`idempotency-key\n${key}`);

async function age(tenantId: number, key: string, ms: number): Promise<void> {
  await (await db()).query(`UPDATE idempotency SET created_at = now() - $3::int * interval '1 millisecond' WHERE tenant_id = $1 AND key = $2`, [tenantId, keyHash(key), ms]);
}

abuseTest('Idempotency', 'a token secret is replayed within its window, then never again (409, erased from the database)', async () => {
  const t = await tenant({customers: 1});
  const [customer] = (await call(t.token, 'GET', '/customers')).body.data;
  const body = {customer_id: customer.id, name: 'ci', permissions: ['usage:read']};
  const key = {'idempotency-key': 'secret-replay-1'};
  const first = await call(t.token, 'POST', '/tokens', body, key);
  assert.equal(first.status, 201);
  const replay = await call(t.token, 'POST', '/tokens', body, key);
  assert.equal(replay.status, 201, 'replayed within the window');
  assert.equal(replay.body.secret, first.body.secret);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');

  await age(t.tenantId, 'secret-replay-1', SECRET_REPLAY_MS + 1000);
  const late = await call(t.token, 'POST', '/tokens', body, key);
  assert.equal(late.status, 409, `past the window: ${late.text}`);
  assert.equal(late.body.error.code, 'conflict');
  assert.ok(!late.text.includes(first.body.secret), 'no secret in the 409');
  const {rows} = await (await db()).query<{body: string | null}>(`SELECT body FROM idempotency WHERE tenant_id = $1 AND key = $2`, [t.tenantId, keyHash('secret-replay-1')]);
  assert.equal(rows[0]?.body, null, 'the stored answer is erased');
  assert.equal((await call(t.token, 'POST', '/tokens', body, key)).status, 409, 'and stays gone');
});

abuseTest('Idempotency', 'a claim that never got its answer answers 409 inside its window, then the retry runs exactly once', async () => {
  const t = await tenant({customers: 0});
  const body = {name: 'Stuck Claim BV', email: 'stuck.claim@example.com'};
  const key = 'never-completed-1';
  // What a crashed older sandbox could leave: the claim without an answer.
  await (await db()).query(`INSERT INTO idempotency (tenant_id, key, fingerprint) VALUES ($1, $2, 'crashed')`, [t.tenantId, keyHash(key)]);
  const early = await call(t.token, 'POST', '/customers', body, {'idempotency-key': key});
  assert.equal(early.status, 409, `inside the window: ${early.text}`);
  await age(t.tenantId, key, CLAIM_EXPIRY_MS + 1000);
  const retry = await call(t.token, 'POST', '/customers', body, {'idempotency-key': key});
  assert.equal(retry.status, 201, `past the window the retry runs: ${retry.text}`);
  const again = await call(t.token, 'POST', '/customers', body, {'idempotency-key': key});
  assert.equal(again.status, 201);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal((await call(t.token, 'GET', '/customers')).body.total, 1, 'exactly one customer');
});
