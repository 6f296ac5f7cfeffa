/**
 * Fairness and limits (sandbox/limits.ts): the per-tenant queue and its 429, another tenant served
 * while one is saturated, the database taking turns between tenants, the statement timeout. Orderings and statuses, not
 * milliseconds (speed is measured by `npm run bench`, section fairness).
 */
import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {ErrorBody} from '../../src/contract/schemas.js';
import {ADMIN_HEADER} from '../../sandbox/control.js';
import type {Sandbox} from '../../sandbox/index.js';
import {FairScheduler, type Limits} from '../../sandbox/limits.js';
import {BASE} from './helpers.js';
import {createTestSandbox} from './postgres.js';

const open: Sandbox[] = [];
after(() => Promise.all(open.map((sb) => sb.close())));

async function sandboxWith(limits: Partial<Limits>): Promise<Sandbox> {
  const sb = await createTestSandbox({seed: false, control: true, limits});
  open.push(sb);
  return sb;
}

const admin = (sb: Sandbox) => ({[ADMIN_HEADER]: sb.adminSecret!});

let seed = 7100;
async function tenantOn(sb: Sandbox, customers: number): Promise<string> {
  const res = await sb.fetch(new Request('http://sandbox.test/__sandbox/tenants', {
    method: 'POST', headers: {...admin(sb), 'content-type': 'application/json'}, body: JSON.stringify({customers, seed: seed++}),
  }));
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as {tokens: {reseller: string}}).tokens.reseller;
}

const get = (sb: Sandbox, token: string, path: string, signal?: AbortSignal) =>
  sb.fetch(new Request(BASE + path, {headers: {authorization: `Bearer ${token}`}, signal}));

async function setFaults(sb: Sandbox, token: string, rules: object[]): Promise<void> {
  const res = await sb.fetch(new Request('http://sandbox.test/__sandbox/faults', {
    method: 'PUT', headers: {...admin(sb), authorization: `Bearer ${token}`, 'content-type': 'application/json'}, body: JSON.stringify({rules}),
  }));
  assert.equal(res.status, 200, await res.text());
}

/** A request that is never answered on its own (held by a fault); `abort()` ends it. */
function held(sb: Sandbox, token: string, path: string) {
  const controller = new AbortController();
  const response = get(sb, token, path, controller.signal);
  let settled = false;
  void response.then(() => (settled = true), () => (settled = true));
  return {response, abort: () => controller.abort(), get settled() {
    return settled;
  }};
}

void test('past its queue a tenant gets 429 with Retry-After and the error body; the others still run', async () => {
  const sb = await sandboxWith({concurrency: 2, queue: 3});
  const a = await tenantOn(sb, 2);
  assert.equal((await get(sb, a, '/me')).status, 200);
  await setFaults(sb, a, [{method: 'GET', path: '/me', delay_ms: 60_000}]);
  // 2 running + 3 queued fill tenant A; a sixth request finds no room.
  const requests = Array.from({length: 6}, () => held(sb, a, '/me'));
  const first = await Promise.race(requests.map((r, i) => r.response.then((res) => ({res, i}))));
  assert.equal(first.res.status, 429);
  assert.match(first.res.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
  const body = ErrorBody.parse(await first.res.json());
  assert.equal(body.error.code, 'rate_limited');
  assert.equal(requests.filter((r) => r.settled).length, 1, 'only one request was refused');

  // Another tenant is not limited by A's queue.
  const b = await tenantOn(sb, 2);
  assert.equal((await get(sb, b, '/me')).status, 200);

  // The held requests go away (499); their slots are free again.
  for (const r of requests) r.abort();
  const statuses = await Promise.all(requests.map((r) => r.response.then((res) => res.status)));
  assert.deepEqual(statuses.filter((s) => s !== 429), [499, 499, 499, 499, 499]);
  await setFaults(sb, a, []);
  const again = await Promise.all(Array.from({length: 5}, () => get(sb, a, '/me')));
  assert.deepEqual(again.map((r) => r.status), [200, 200, 200, 200, 200]);
});

void test("tenant B's request completes while tenant A's limit is in flight and A's queue is full", async () => {
  const sb = await sandboxWith({concurrency: 2, queue: 4});
  const [a, b] = [await tenantOn(sb, 20), await tenantOn(sb, 20)];
  assert.equal((await get(sb, a, '/customers')).status, 200);
  // A's first two requests are held in flight; four more wait in A's queue.
  await setFaults(sb, a, [{method: 'GET', path: '/customers', delay_ms: 60_000, times: 2}]);
  const inFlight = [held(sb, a, '/customers'), held(sb, a, '/customers')];
  const queued = Array.from({length: 4}, () => held(sb, a, '/customers?sort=name'));
  const order: string[] = [];
  queued.forEach((r, i) => void r.response.then(() => order.push(`A${i}`)));

  const mine = await get(sb, b, '/customers');
  order.push('B');
  assert.equal(mine.status, 200);
  assert.equal(((await mine.json()) as {total: number}).total, 20);
  assert.deepEqual(order, ['B'], "B was answered before any of A's queued requests");

  // Once A's held requests go, its queue drains in order, every one answered.
  inFlight.forEach((r) => r.abort());
  const statuses = await Promise.all(queued.map((r) => r.response.then((res) => res.status)));
  assert.deepEqual(statuses, [200, 200, 200, 200]);
  assert.equal(order.length, 5);
});

void test("the database takes turns between tenants: B's one statement runs before A's backlog", async () => {
  const scheduler = new FairScheduler(1);
  const started: string[] = [];
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const work = (name: string, wait?: Promise<void>) => async () => {
    started.push(name);
    await wait;
    return name;
  };
  const all = [
    scheduler.run('A', work('A1', gate)),
    ...['A2', 'A3', 'A4', 'A5'].map((n) => scheduler.run('A', work(n))),
    scheduler.run('B', work('B1')),
    scheduler.run('C', work('C1')),
    scheduler.run('A', work('A6')),
    scheduler.run('B', work('B2')),
  ];
  assert.deepEqual(started, ['A1'], 'one at a time');
  open();
  assert.deepEqual(await Promise.all(all), ['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'C1', 'A6', 'B2']);
  assert.deepEqual(started, ['A1', 'B1', 'C1', 'A2', 'B2', 'A3', 'A4', 'A5', 'A6']);
});

void test('a statement past the statement timeout answers 503 with the error body; the sandbox keeps serving', async () => {
  // Far apart on purpose: PGlite's limit is checked on wall-clock time, and a loaded machine
  // stretches ordinary statements (seen: ×10 at load average 28).
  const sb = await sandboxWith({statementTimeoutMs: 2000});
  const a = await tenantOn(sb, 3);
  const b = await tenantOn(sb, 3);
  await setFaults(sb, a, [{method: 'GET', path: '/customers', statement_ms: 6000, times: 1}]);
  const slow = await get(sb, a, '/customers');
  assert.equal(slow.status, 503);
  assert.equal(slow.headers.get('retry-after'), '1');
  const body = ErrorBody.parse(await slow.json());
  assert.equal(body.error.code, 'service_unavailable');
  assert.match(body.error.message, /statement timeout \(2000 ms\)/);
  assert.equal((await get(sb, a, '/customers')).status, 200);
  assert.equal((await get(sb, b, '/customers')).status, 200);
});

void test('under a flood from one tenant every answer is 200 or 429, never 500, and the other tenant gets 200s', async () => {
  const sb = await sandboxWith({concurrency: 4, queue: 20});
  const [a, b] = [await tenantOn(sb, 30), await tenantOn(sb, 5)];
  const paths = ['/customers', '/customers?sort=name&q=a', '/usage', '/usage/export?granularity=day', '/me'];
  const flood = Array.from({length: 200}, (_, i) => get(sb, a, paths[i % paths.length]!).then(async (res) => (await res.arrayBuffer(), res.status)));
  const other = Array.from({length: 10}, () => get(sb, b, '/customers').then(async (res) => (await res.arrayBuffer(), res.status)));
  const [mine, theirs] = await Promise.all([Promise.all(flood), Promise.all(other)]);
  const count = (xs: number[]) => xs.reduce<Record<number, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {});
  assert.deepEqual(Object.keys(count(mine)).sort(), ['200', '429'], JSON.stringify(count(mine)));
  assert.ok(count(mine)[200]! >= 24, '4 running + 20 queued at least');
  assert.deepEqual(theirs, Array(10).fill(200));
});
