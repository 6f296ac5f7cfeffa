/**
 * Users of a customer organization: the status machine (invited → active only by accepting; a user
 * deactivated before accepting comes back invited), resending an invitation (invited users only,
 * recorded in the outbox, rate-limited), editing a name (validated like at invite), tenant
 * isolation and roles, never a 500.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {INVITATIONS_PER_DAY} from '../../src/contract/constants.js';
import {Invitation, User, UserList} from '../../src/contract/schemas.js';
import {openDb, PGLITE_VERSION} from '../../sandbox/db.js';
import {ApiError} from '../../sandbox/http.js';
import {sendInvitation} from '../../sandbox/invitations.js';
import {createSchema, SCHEMA_VERSION} from '../../sandbox/schema.js';
import {seedTenant} from '../../sandbox/seed.js';
import {call, control, firstCustomer, invitedUser, raw, tenant, type Call, type Tenant} from './helpers.js';

const usersOf = async (t: Tenant, customerId: number) => UserList.parse((await call(t.token, 'GET', `/customers/${customerId}/users`)).body).data;
const invite = async (t: Tenant, customerId: number, name: string, email: string) => {
  const res = await call(t.token, 'POST', `/customers/${customerId}/users`, {name, email});
  assert.equal(res.status, 201, res.text);
  return User.parse(res.body);
};
const patch = (t: Tenant, customerId: number, userId: number, body: unknown) => call(t.token, 'PATCH', `/customers/${customerId}/users/${userId}`, body);
const resend = (t: Tenant, customerId: number, userId: number, headers: Record<string, string> = {}) =>
  call(t.token, 'POST', `/customers/${customerId}/users/${userId}/invitation`, undefined, headers);
const accept = (t: Tenant, userId: number, token = t.token) => control('POST', `/users/${userId}/accept`, token);
const outbox = async (t: Tenant) => (await control('GET', '/invitations', t.token)).body.data as {user_id: number; recipient: string; subject: string; body: string; resend: boolean}[];

/** A refused call: the status, the contract's error body with `code`, never a 500. */
function refused(res: Call, status: number, code: string, what: string): void {
  assert.equal(res.status, status, `${what}: ${res.status} ${res.text}`);
  assert.equal(res.body?.error?.code, code, `${what}: ${res.text}`);
  assert.equal(typeof res.body.error.message, 'string');
}

const withInvitedUser = invitedUser;

void test('status machine: invited → active only by accepting; deactivated before accepting comes back invited; active ↔ inactive', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const u = await invite(t, c.id, 'Ines Invite', 'ines@invite.example');
  assert.equal(u.status, 'invited');

  // An operator cannot make an invited user active: only accepting does.
  refused(await patch(t, c.id, u.id, {status: 'active'}), 409, 'invitation_not_accepted', 'activate an invited user');
  assert.equal((await usersOf(t, c.id)).find((x) => x.id === u.id)?.status, 'invited');

  // Deactivated before accepting, reactivated: invited again (it used to become active).
  assert.equal((await patch(t, c.id, u.id, {status: 'inactive'})).body.status, 'inactive');
  refused(await accept(t, u.id), 409, 'user_not_invited', 'accept while deactivated');
  const back = await patch(t, c.id, u.id, {status: 'active'});
  assert.equal(back.status, 200);
  assert.equal(back.body.status, 'invited');
  assert.equal((await usersOf(t, c.id)).find((x) => x.id === u.id)?.status, 'invited');

  // Accepting is the way to active (the control API, as the user would from the email).
  const accepted = await accept(t, u.id);
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(User.parse(accepted.body).status, 'active');
  refused(await accept(t, u.id), 409, 'user_not_invited', 'accept twice');

  // Once accepted: active ↔ inactive, both ways, and active again stays active.
  assert.equal((await patch(t, c.id, u.id, {status: 'inactive'})).body.status, 'inactive');
  assert.equal((await patch(t, c.id, u.id, {status: 'active'})).body.status, 'active');
  assert.equal((await patch(t, c.id, u.id, {status: 'active'})).body.status, 'active');
  assert.equal((await patch(t, c.id, u.id, {status: 'inactive'})).body.status, 'inactive');
  assert.equal((await patch(t, c.id, u.id, {status: 'inactive'})).body.status, 'inactive');

  // `invited` is never a status an operator sets.
  refused(await patch(t, c.id, u.id, {status: 'invited'}), 422, 'validation_failed', 'set invited');
});

void test('seeded users follow the machine: seeded active and inactive users accepted, seeded invited ones did not', async () => {
  const t = await tenant({customers: 12});
  const {customerId, userId} = await withInvitedUser(t);
  refused(await patch(t, customerId, userId, {status: 'active'}), 409, 'invitation_not_accepted', 'activate a seeded invited user');
  const customers = (await call(t.token, 'GET', '/customers?sort=id&per_page=100')).body.data as {id: number}[];
  let inactive: {customer: number; id: number} | null = null;
  for (const c of customers) {
    const u = (await usersOf(t, c.id)).find((x) => x.status === 'inactive');
    if (u) {
      inactive = {customer: c.id, id: u.id};
      break;
    }
  }
  assert.ok(inactive, 'a seeded inactive user');
  assert.equal((await patch(t, inactive.customer, inactive.id, {status: 'active'})).body.status, 'active');
});

void test('accepting through the control API needs the admin secret, the tenant of the user and a RESELLER token', async () => {
  const a = await tenant({customers: 1});
  const b = await tenant({customers: 1});
  const c = await firstCustomer(a);
  const u = await invite(a, c.id, 'Ana Accept', 'ana@accept.example');
  // A tenant token without the admin secret: 401 from the control API.
  const bare = await call(a.token, 'POST', `http://sandbox.test/__sandbox/users/${u.id}/accept`);
  refused(bare, 401, 'unauthorized', 'accept without the admin secret');
  refused(await accept(b, u.id), 404, 'not_found', "accept another tenant's user");
  refused(await accept(a, u.id, a.reselleeToken), 403, 'forbidden', 'accept with a RESELLEE token');
  for (const id of ['abc', '-1', '0', '99999999999', '1e3']) {
    const res = await control('POST', `/users/${id}/accept`, a.token);
    assert.ok(res.status === 404 || res.status === 400, `accept ${id}: ${res.status}`);
  }
  assert.equal((await usersOf(a, c.id)).find((x) => x.id === u.id)?.status, 'invited');
});

void test('resend: only for an invited user, recorded in the outbox, idempotent, once a minute', async () => {
  const t = await tenant({customers: 12});
  const {customerId, userId, email} = await withInvitedUser(t);
  const before = (await outbox(t)).length;

  const first = await resend(t, customerId, userId, {'idempotency-key': 'resend-1'});
  assert.equal(first.status, 202, first.text);
  const sent = Invitation.parse(first.body);
  assert.equal(sent.user_id, userId);
  assert.equal(sent.email, email);
  const mail = await outbox(t);
  assert.equal(mail.length, before + 1);
  assert.equal(mail[0]!.user_id, userId);
  assert.equal(mail[0]!.recipient, email);
  assert.equal(mail[0]!.resend, true);
  assert.match(mail[0]!.subject, /invited/);

  // The same request again (a retry): the same answer, nothing sent twice.
  const replay = await resend(t, customerId, userId, {'idempotency-key': 'resend-1'});
  assert.equal(replay.status, 202);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(replay.body, first.body);
  assert.equal((await outbox(t)).length, before + 1);

  // A new resend within the minute: 429 with Retry-After and the error body; nothing sent, and the key stays usable.
  const again = await resend(t, customerId, userId, {'idempotency-key': 'resend-2'});
  refused(again, 429, 'rate_limited', 'resend within a minute');
  const wait = Number(again.headers.get('retry-after'));
  assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
  assert.equal((await outbox(t)).length, before + 1);
  assert.notEqual((await resend(t, customerId, userId, {'idempotency-key': 'resend-2'})).headers.get('idempotent-replayed'), 'true');

  // Inviting records the first invitation too; a resend may follow it at once ("nothing arrived"), a second one waits.
  const c = await firstCustomer(t);
  const fresh = await invite(t, c.id, 'Nina New', 'nina@new.example');
  const invitation = (await outbox(t))[0]!;
  assert.deepEqual([invitation.user_id, invitation.recipient, invitation.resend], [fresh.id, 'nina@new.example', false]);
  assert.equal((await resend(t, c.id, fresh.id)).status, 202);
  refused(await resend(t, c.id, fresh.id), 429, 'rate_limited', 'a second resend right after the first');
});

void test('resend is refused for active and deactivated users (409 user_not_invited) and for unknown ids (404)', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const u = await invite(t, c.id, 'Rita Refuse', 'rita@refuse.example');
  await patch(t, c.id, u.id, {status: 'inactive'});
  refused(await resend(t, c.id, u.id), 409, 'user_not_invited', 'resend to a deactivated user');
  const active = (await usersOf(t, c.id)).find((x) => x.status === 'active')!;
  refused(await resend(t, c.id, active.id), 409, 'user_not_invited', 'resend to an active user');
  for (const id of ['abc', '-1', '0', '99999999999', '1e3', '%00']) {
    const res = await resend(t, c.id, id as unknown as number);
    assert.ok([400, 404].includes(res.status), `resend to user ${id}: ${res.status} ${res.text}`);
    assert.ok(res.body?.error?.code);
  }
  assert.equal((await outbox(t)).filter((m) => m.resend).length, 0);
});

void test('resend limits: at most one a minute and five a day per user, Retry-After until the oldest leaves the day', async () => {
  const db = await openDb({dataDir: null, init: createSchema, templateKey: `${PGLITE_VERSION}-${SCHEMA_VERSION}`});
  try {
    const {tenantId} = await seedTenant(db, {name: 'Limits', customers: 12, seed: 31_337});
    const {rows: [u]} = await db.query<{id: number; customer_id: number}>(`SELECT id, customer_id FROM users WHERE tenant_id = $1 AND status = 'invited' ORDER BY id LIMIT 1`, [tenantId]);
    assert.ok(u);
    const sentAgo = async (...minutes: number[]) => {
      await db.query(`DELETE FROM invitation_outbox WHERE user_id = $1`, [u.id]);
      for (const m of minutes) {
        await db.query(
          `INSERT INTO invitation_outbox (tenant_id, customer_id, user_id, recipient, subject, body, resend, created_at) VALUES ($1, $2, $3, 'x@example.com', 's', 'b', true, now() - $4::int * interval '1 minute')`,
          [tenantId, u.customer_id, u.id, m],
        );
      }
    };
    const attempt = () => db.tx((q) => sendInvitation(q, tenantId, u.customer_id, u.id, {resend: true}));
    const retryAfter = async (): Promise<number> => {
      const err = await attempt().then(() => null, (e: unknown) => e);
      assert.ok(err instanceof ApiError && err.status === 429, `expected 429, got ${String(err)}`);
      return Number(err.headers['retry-after']);
    };

    await sentAgo(2); // resent two minutes ago: fine
    assert.equal((await attempt()).user_id, u.id);
    await sentAgo(0); // resent just now: wait about a minute
    assert.ok((await retryAfter()) > 55);
    // Five in the last day (the oldest 20 hours ago): wait until that one is a day old, about 4 hours.
    await sentAgo(...Array.from({length: INVITATIONS_PER_DAY}, (_, i) => 20 * 60 - i * 60));
    const wait = await retryAfter();
    assert.ok(wait > 3.9 * 3600 && wait <= 4 * 3600, `Retry-After ${wait}`);
    // Four in the day and one older than a day: fine.
    await sentAgo(25 * 60, ...Array.from({length: INVITATIONS_PER_DAY - 1}, (_, i) => 10 + i));
    assert.equal((await attempt()).user_id, u.id);
  } finally {
    await db.close();
  }
});

void test('edit a name: trimmed and saved; validated like at invite (required, length, no control characters), 422 naming name', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const u = await invite(t, c.id, 'Old Name', 'old@name.example');
  const ok = await patch(t, c.id, u.id, {name: '  Nieuwe Naam  '});
  assert.equal(ok.status, 200, ok.text);
  assert.equal(User.parse(ok.body).name, 'Nieuwe Naam');
  assert.equal(ok.body.status, 'invited', 'a name change keeps the status');
  assert.equal((await usersOf(t, c.id)).find((x) => x.id === u.id)?.name, 'Nieuwe Naam');

  const cases: [unknown, string][] = [
    [{name: ''}, 'required'], [{name: '   '}, 'required'], [{name: 'x'.repeat(201)}, 'too_long'],
    [{name: 'line\nbreak'}, 'control_characters'], [{name: 'tab\there'}, 'control_characters'], [{name: 'esc\u001b[31mred'}, 'control_characters'],
    [{name: 'del\u007f'}, 'control_characters'], [{name: 'c1\u0085next'}, 'control_characters'],
    [{name: 'nul\u0000byte'}, 'invalid'], [{name: 'lone \ud800 surrogate'}, 'invalid'],
    [{name: 42}, 'invalid'], [{name: null}, 'invalid'], [{name: ['a']}, 'invalid'], [{name: {toString: 'x'}}, 'invalid'],
    [{}, 'required'], [{nmae: 'typo'}, 'required'],
  ];
  for (const [body, code] of cases) {
    const res = await patch(t, c.id, u.id, body);
    refused(res, 422, 'validation_failed', `PATCH ${JSON.stringify(body)}`);
    assert.equal(res.body.error.field_codes?.name, code, `PATCH ${JSON.stringify(body)}: ${res.text}`);
    assert.ok(res.body.error.fields.name);
  }
  // 200 characters is fine; markup, bidi controls and astral text are stored as sent (rendering keeps them inert).
  for (const name of ['x'.repeat(200), '<img src=x onerror=alert(1)>', '\u202Eexe.gnp', '👩‍👩‍👧‍👦 مرحبا', "Robert'); DROP TABLE users;--"]) {
    const res = await patch(t, c.id, u.id, {name});
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.name, name);
  }
  // Not JSON, wrong type, too large: 400 / 415 / 413 with the error body.
  refused(await call(t.token, 'PATCH', `/customers/${c.id}/users/${u.id}`, '{"name":', {'content-type': 'application/json'}), 400, 'bad_request', 'broken JSON');
  refused(await call(t.token, 'PATCH', `/customers/${c.id}/users/${u.id}`, 'name=x', {'content-type': 'application/x-www-form-urlencoded'}), 415, 'unsupported_media_type', 'a form body');
  refused(await call(t.token, 'PATCH', `/customers/${c.id}/users/${u.id}`, {name: 'x'.repeat(70_000)}), 413, 'payload_too_large', 'a huge body');
  // Name and status in one request.
  const both = await patch(t, c.id, u.id, {name: 'Both At Once', status: 'inactive'});
  assert.deepEqual([both.body.name, both.body.status], ['Both At Once', 'inactive']);
});

void test('invite refuses control characters in the name too (422 naming name)', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const res = await call(t.token, 'POST', `/customers/${c.id}/users`, {name: 'two\nlines', email: 'two@lines.example'});
  refused(res, 422, 'validation_failed', 'invite with a line break');
  assert.equal(res.body.error.field_codes.name, 'control_characters');
  assert.ok(!(await usersOf(t, c.id)).some((u) => u.email === 'two@lines.example'));
});

void test("tenant isolation and roles: another tenant's user is 404, a RESELLEE 403, nothing changes", async () => {
  const a = await tenant({customers: 12});
  const b = await tenant({customers: 1});
  const {customerId, userId} = await withInvitedUser(a);
  const before = await usersOf(a, customerId);
  refused(await patch(b, customerId, userId, {name: 'Hijacked'}), 404, 'not_found', "B renames A's user");
  refused(await resend(b, customerId, userId), 404, 'not_found', "B resends A's invitation");
  const bCustomer = await firstCustomer(b);
  refused(await patch(b, bCustomer.id, userId, {name: 'Hijacked'}), 404, 'not_found', "B renames A's user under its own customer");
  refused(await resend(b, bCustomer.id, userId), 404, 'not_found', "B resends A's invitation under its own customer");
  const resellee = {...a, token: a.reselleeToken};
  refused(await patch(resellee, customerId, userId, {name: 'Self-service'}), 403, 'forbidden', 'a RESELLEE renames');
  refused(await resend(resellee, customerId, userId), 403, 'forbidden', 'a RESELLEE resends');
  refused(await call(null, 'POST', `/customers/${customerId}/users/${userId}/invitation`), 401, 'unauthorized', 'no token');
  assert.deepEqual(await usersOf(a, customerId), before);
  assert.equal((await outbox(a)).length, 0);
  assert.equal((await outbox(b)).length, 0);
});

void test('the new routes answer 4xx with the error body to hostile paths and bodies, never 500', async () => {
  const t = await tenant({customers: 1});
  const c = await firstCustomer(t);
  const u = await invite(t, c.id, 'Fuzz Target', 'fuzz@target.example');
  const paths = [
    `/customers/${c.id}/users/${u.id}/invitation/extra`, `/customers/${c.id}/users/${u.id}%2Finvitation`, `/customers/${c.id}/users/${'9'.repeat(40)}/invitation`,
    `/customers/abc/users/${u.id}/invitation`, `/customers/${c.id}/users/${u.id}/invitation?x=%00`,
  ];
  for (const path of paths) {
    for (const method of ['POST', 'PATCH', 'GET', 'PUT', 'DELETE']) {
      const res = await raw(path, {method, headers: {authorization: `Bearer ${t.token}`}});
      assert.ok(res.status >= 400 && res.status < 500, `${method} ${path}: ${res.status}`);
    }
  }
  const bodies: unknown[] = ['null', '[]', '"x"', '1', '{"status":"active","name":"ok","__proto__":{"x":1}}', '{"name":"\\ud800"}', '{"status":"ACTIVE"}', '{"status":null}'];
  for (const body of bodies) {
    const res = await call(t.token, 'PATCH', `/customers/${c.id}/users/${u.id}`, body as string, {'content-type': 'application/json'});
    assert.ok(res.status >= 400 && res.status < 500 && res.body?.error?.code, `PATCH ${String(body)}: ${res.status} ${res.text}`);
  }
});

void test('a data directory from before accepted_at gets the column on start: users who were not invited count as accepted', async () => {
  const db = await openDb({dataDir: null, init: createSchema, templateKey: `${PGLITE_VERSION}-${SCHEMA_VERSION}`});
  try {
    await seedTenant(db, {name: 'Old Data', customers: 12, seed: 31_338});
    await db.query(`ALTER TABLE users DROP COLUMN accepted_at`);
    await createSchema(db);
    const {rows} = await db.query<{status: string; accepted: boolean; n: number}>(
      `SELECT status, accepted_at IS NOT NULL AS accepted, count(*)::int AS n FROM users GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    assert.deepEqual(rows.map((r) => [r.status, r.accepted]), [['active', true], ['inactive', true], ['invited', false]]);
    // Run again (every start): nothing changes, a user deactivated before accepting stays unaccepted.
    await db.query(`UPDATE users SET status = 'inactive' WHERE id = (SELECT min(id) FROM users WHERE status = 'invited')`);
    await createSchema(db);
    const {rows: [after]} = await db.query<{n: number}>(`SELECT count(*)::int AS n FROM users WHERE status = 'inactive' AND accepted_at IS NULL`);
    assert.equal(after!.n, 1);
  } finally {
    await db.close();
  }
});
