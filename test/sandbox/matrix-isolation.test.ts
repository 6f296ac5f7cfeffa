/**
 * Reliability matrix, tenant isolation (issue 9): every operation of the sandbox's own OpenAPI
 * document (so a new route is covered without editing this file) × the other tenant's ids, a
 * RESELLEE token, a revoked token, an expired token and no token. Each must answer 404 / 403 / 401
 * with an error body and none of the other tenant's data; the owner's own token on its own ids must
 * succeed with the very same request (the control column: the refusals are not validation errors).
 * Then every table of the database is dumped as text and searched for every bearer secret issued.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sandboxDatabases} from '../../sandbox/index.js';
import {call, type Call, control, invitedUser, sandbox, tenant, type Tenant} from './helpers.js';
import {Matrix} from './reliability.js';

const matrix = new Matrix('tenant-isolation', 'Tenant isolation');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Operation {
  method: string;
  path: string;
  op: Json;
  public: boolean;
}

interface Ids {
  customer: number;
  user: number;
  token: number;
  transcript: number;
  document: number;
  report: number;
  hash: string;
  /** A seeded invited user and its customer (resending an invitation needs one). */
  invited: {customerId: number; userId: number};
}

const PNG = Uint8Array.from(Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64',
));

async function idsOf(t: Tenant): Promise<Ids> {
  const customer = (await call(t.token, 'GET', '/customers?sort=id')).body.data[0].id as number;
  const user = (await call(t.token, 'GET', `/customers/${customer}/users`)).body.data[0].id as number;
  const token = (await call(t.token, 'POST', '/tokens', {customer_id: customer, name: 'Isolation', permissions: ['usage:read']})).body.id as number;
  const doc = (await call(t.token, 'GET', '/transcripts/documents')).body.data[0];
  const logo = await call(t.token, 'PUT', '/branding/logo', PNG, {'content-type': 'image/png'});
  assert.equal(logo.status, 200, logo.text);
  const hash = (logo.body.logo_url as string).split('/').pop()!;
  const report = (await call(t.token, 'POST', '/reports', {})).body.id as number;
  return {customer, user, token, transcript: doc.transcript_id, document: doc.id, report, hash, invited: await invitedUser(t)};
}

/** Path parameters by the segment before them; a route with an unknown one fails its cells (add it here). */
function fillPath(path: string, ids: Ids): string | null {
  if (path === '/customers/{id}/users/{userId}/invitation') return `/customers/${ids.invited.customerId}/users/${ids.invited.userId}/invitation`;
  let unknown = false;
  const filled = path.replace(/([^/]+)\/\{(\w+)\}/g, (_m, segment: string) => {
    const value = ({customers: ids.customer, users: ids.user, tokens: ids.token, documents: ids.document, transcripts: ids.transcript, reports: ids.report, logo: ids.hash} as Record<string, number | string>)[segment];
    if (value === undefined) unknown = true;
    return `${segment}/${value}`;
  });
  return unknown ? null : filled;
}

let unique = 0;
/** A minimal valid value of a JSON schema (from the OpenAPI document); `customer_id` is the ids' customer. */
function sample(schema: Json, ids: Ids, key = ''): unknown {
  if (key === 'customer_id') return ids.customer;
  if (key === 'transcript_id') return ids.transcript;
  if (schema.anyOf || schema.oneOf) return sample((schema.anyOf ?? schema.oneOf).find((s: Json) => s.type !== 'null'), ids, key);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum.includes('active') ? 'active' : schema.enum[0];
  if (schema.default !== undefined && schema.type !== 'object') return schema.default;
  switch (schema.type) {
    case 'object': {
      const out: Json = {};
      for (const name of schema.required ?? []) out[name] = sample(schema.properties[name], ids, name);
      // `minProperties` (a PATCH that needs one of its fields): the first ones.
      for (const name of Object.keys(schema.properties ?? {})) {
        if (Object.keys(out).length >= (schema.minProperties ?? 0)) break;
        out[name] ??= sample(schema.properties[name], ids, name);
      }
      return out;
    }
    case 'array':
      return Array.from({length: Math.max(1, schema.minItems ?? 0)}, () => sample(schema.items, ids));
    case 'integer':
    case 'number':
      return key === 'quota_minutes' ? 1000 : Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'email') return `isolation.probe${++unique}@probe.example`;
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
      if (schema.format === 'date') return new Date().toISOString().slice(0, 10);
      if (schema.pattern?.includes('#')) return '#336699';
      if (schema.pattern?.includes('\\+')) return '+31612345678';
      return 'Isolation probe';
    default:
      return null;
  }
}

interface Prepared {
  path: string;
  body?: unknown;
  headers: Record<string, string>;
  /** Whether the request names an object of the ids' tenant (path, query or body). */
  namesIds: boolean;
}

function prepare(o: Operation, ids: Ids): Prepared | null {
  const path = fillPath(o.path, ids);
  if (path === null) return null;
  const query = new URLSearchParams();
  for (const p of (o.op.parameters ?? []) as Json[]) {
    if (p.in !== 'query') continue;
    if (p.name === 'customer_id') query.set(p.name, String(ids.customer));
    if (p.name === 'transcript_id') query.set(p.name, String(ids.transcript));
  }
  const content = o.op.requestBody?.content as Json | undefined;
  const headers: Record<string, string> = {};
  let body: unknown;
  if (content?.['application/json']) {
    body = sample(content['application/json'].schema, ids);
  } else if (content?.['image/png']) {
    body = PNG;
    headers['content-type'] = 'image/png';
  }
  const namesIds = /\{\w+\}/.test(o.path) || query.size > 0 || JSON.stringify(body ?? null).includes('"customer_id"');
  return {path: path + (query.size ? `?${query}` : ''), body, headers, namesIds};
}

/** Strings of a tenant that must never appear in another caller's answer. */
async function secretsOf(t: Tenant, ids: Ids): Promise<string[]> {
  const customers = (await call(t.token, 'GET', '/customers?per_page=100')).body.data as Json[];
  const users = (await call(t.token, 'GET', `/customers/${ids.customer}/users`)).body.data as Json[];
  const me = (await call(t.token, 'GET', '/me')).body;
  const transcripts = (await call(t.token, 'GET', '/transcripts?per_page=100')).body.data as Json[];
  return [
    me.organization.name, me.user.email, ids.hash,
    ...customers.flatMap((c) => [c.name, c.email]), ...users.flatMap((u) => [u.name, u.email]),
    ...transcripts.map((x) => x.title),
  ].filter((s): s is string => typeof s === 'string' && s.length >= 6);
}

const leaked = (res: Call, needles: string[]): string | undefined => {
  const all = `${res.text}\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}`;
  return needles.find((n) => all.includes(n));
};

void test('tenant isolation: every OpenAPI operation × other tenant / RESELLEE / revoked / expired / no token', async () => {
  const doc = (await call(null, 'GET', '/openapi.json')).body as Json;
  const operations: Operation[] = Object.entries(doc.paths as Json).flatMap(([path, ops]) =>
    Object.entries(ops as Json).map(([method, op]) => ({method: method.toUpperCase(), path, op: op as Json, public: Array.isArray((op as Json).security) && !(op as Json).security.length})),
  );
  assert.ok(operations.length >= 27, `the OpenAPI document lists ${operations.length} operations`);

  const [a, b, owner] = [await tenant({customers: 5}), await tenant({customers: 5}), await tenant({customers: 5})];
  const [idsA, idsB, idsOwner] = [await idsOf(a), await idsOf(b), await idsOf(owner)];
  const ownA = new Set(await secretsOf(a, idsA));
  const needlesB = (await secretsOf(b, idsB)).filter((s) => !ownA.has(s));
  const needlesA = [...ownA];
  const beforeB = await secretsOf(b, idsB);
  assert.ok(needlesB.length >= 10, 'enough of B\'s data to search for');

  const revoked = (await control('POST', '/tokens', b.token, {role: 'RESELLER'})).body.token as string;
  assert.equal((await control('DELETE', '/tokens', revoked)).status, 204);
  const expired = (await control('POST', '/tokens', b.token, {role: 'RESELLER', expires_at: '2020-01-01T00:00:00Z'})).body.token as string;

  const columns: {name: string; token: string | null; ids: Ids; needles: string[]; expect: (o: Operation, p: Prepared) => number | 'ok'}[] = [
    {name: "other tenant's ids", token: a.token, ids: idsB, needles: needlesB, expect: (o, p) => (o.public ? 'ok' : p.namesIds ? 404 : 'ok')},
    // A's data that is not also B's own (both upload the same logo bytes: one content address).
    {name: 'RESELLEE token', token: b.reselleeToken, ids: idsB, needles: needlesA.filter((s) => !beforeB.includes(s)), expect: (o) => (o.public || (o.method === 'GET' && (o.path === '/me' || o.path === '/branding')) ? 'ok' : 403)},
    {name: 'revoked token', token: revoked, ids: idsB, needles: [...needlesA, ...needlesB], expect: (o) => (o.public ? 'ok' : 401)},
    {name: 'expired token', token: expired, ids: idsB, needles: [...needlesA, ...needlesB], expect: (o) => (o.public ? 'ok' : 401)},
    {name: 'no token', token: null, ids: idsB, needles: [...needlesA, ...needlesB], expect: (o) => (o.public ? 'ok' : 401)},
  ];

  for (const o of operations) {
    const row = `${o.method} ${o.path}`;
    for (const col of columns) {
      const p = prepare(o, col.ids);
      if (!p) {
        matrix.cell(row, col.name, 'no id mapping for this path parameter: add its segment to fillPath()');
        continue;
      }
      const res = await call(col.token, o.method, p.path, p.body, p.headers);
      const expected = col.expect(o, p);
      const leak = o.public ? undefined : leaked(res, col.needles);
      let problem: string | null = null;
      if (expected === 'ok') {
        if (res.status >= 300) problem = `expected a success on the caller's own data, got ${res.status} ${res.text.slice(0, 120)}`;
      } else if (res.status !== expected) {
        problem = `expected ${expected}, got ${res.status} ${res.text.slice(0, 160)}`;
      } else if (typeof res.body !== 'object' || typeof res.body?.error?.code !== 'string') {
        problem = `${res.status} without a contract error body`;
      }
      if (!problem && leak) problem = `the answer contains the other tenant's "${leak}"`;
      if (!problem && o.public && res.status === 200 && leaked(res, [...needlesA, ...needlesB].filter((n) => n !== idsB.hash))) {
        problem = 'the public logo answer carries tenant data';
      }
      matrix.cell(row, col.name, problem, o.public ? 'public by design (security: []): content-addressed logo bytes only, no tenant data' : undefined);
    }
  }

  // B is untouched by everything above.
  const afterB = await secretsOf(b, idsB);
  matrix.cell("B's data after every refused call", "other tenant's ids", JSON.stringify(afterB) === JSON.stringify(beforeB) ? null : 'B\'s customers, users, transcripts or organization changed');
  const tokensB = (await call(b.token, 'GET', `/customers/${idsB.customer}/tokens`)).body.data as Json[];
  matrix.cell("B's token after every refused call", "other tenant's ids", tokensB.some((t) => t.id === idsB.token) ? null : 'B\'s API token was revoked by another tenant');

  // Control: the owner's token on its own ids succeeds with the same requests (deletes last).
  const rank = (o: Operation) => (o.method !== 'DELETE' ? 0 : o.path === '/customers/{id}' ? 2 : 1);
  for (const o of [...operations].sort((x, y) => rank(x) - rank(y))) {
    const p = prepare(o, idsOwner);
    if (!p) {
      matrix.cell(`${o.method} ${o.path}`, 'owner (control)', 'no id mapping for this path parameter');
      continue;
    }
    const res = await call(owner.token, o.method, p.path, p.body, p.headers);
    matrix.cell(`${o.method} ${o.path}`, 'owner (control)', res.status < 300 ? null : `the owner got ${res.status} ${res.text.slice(0, 160)}`);
  }

  assert.deepEqual(matrix.failures(), []);
});

void test('tokens are stored only as hashes: no bearer secret appears anywhere in the database', async () => {
  const start = matrix.cells.length;
  const sb = await sandbox();
  const db = sandboxDatabases.get(sb)!;
  const t = await tenant({customers: 2});
  const customer = (await call(t.token, 'GET', '/customers')).body.data[0].id as number;
  const secrets: [string, string][] = [
    ['reseller session', t.token],
    ['RESELLEE session', t.reselleeToken],
    ['extra session (control API)', (await control('POST', '/tokens', t.token, {role: 'RESELLER'})).body.token],
    ['customer API token', (await call(t.token, 'POST', '/tokens', {customer_id: customer, name: 'Plain', permissions: ['usage:read']})).body.secret],
    // An Idempotency-Key makes the sandbox keep the answer for a replay: the secret must not be kept in clear.
    ['customer API token (with Idempotency-Key)', (await call(t.token, 'POST', '/tokens', {customer_id: customer, name: 'Keyed', permissions: ['usage:read']}, {'idempotency-key': 'isolation-token-key'})).body.secret],
    ['development token', sb.devTokens.resellerA],
  ];
  for (const [, s] of secrets) assert.ok(typeof s === 'string' && s.length >= 10);
  const replay = await call(t.token, 'POST', '/tokens', {customer_id: customer, name: 'Keyed', permissions: ['usage:read']}, {'idempotency-key': 'isolation-token-key'});
  const {rows: tables} = await db.query<{table_name: string}>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  assert.ok(tables.some((x) => x.table_name === 'tokens'));
  let dump = '';
  for (const {table_name} of tables) {
    const {rows} = await db.query<{row: string}>(`SELECT t::text AS row FROM "${table_name}" t`);
    dump += rows.map((r) => r.row).join('\n');
    // bytea is dumped as hex: search the hex of each secret too.
  }
  for (const [name, secret] of secrets) {
    const hex = Buffer.from(secret).toString('hex');
    const found = dump.includes(secret) || dump.includes(hex);
    matrix.cell('database (every table, every column as text)', name, found ? 'the plaintext secret is stored' : null);
  }
  matrix.cell('database (every table, every column as text)', 'idempotent replay returns the secret', replay.status === 201 && replay.body.secret === secrets[4]![1] ? null : `replay answered ${replay.status}`);
  assert.deepEqual(matrix.failures(start), []);
});
