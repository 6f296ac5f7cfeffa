/**
 * Reliability matrix, life cycle and races (issue 9), the part the server can observe, through
 * `ResellerClient` against the real sandbox, in process and over loopback HTTP:
 * an aborted request is seen by the sandbox as aborted; answers arriving out of order reach the
 * right callers; two editors saving one customer (the second gets 412 → ConflictError); one create
 * sent twice with one Idempotency-Key (one row); 20 concurrent creates (20 rows).
 */
import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {ConflictError} from '../../src/api/errors.js';
import type {RecordedRequest} from '../../sandbox/faults.js';
import {call, control, sandbox, tenant} from './helpers.js';
import {Matrix} from './reliability.js';
import {inProcess, loopback, type Transport} from './transports.js';

const matrix = new Matrix('lifecycle-races', 'Life cycle and races');

let transports: Transport[] = [];
after(async () => {
  for (const t of transports) await t.close();
});

async function requestLog(token: string): Promise<RecordedRequest[]> {
  return (await control('GET', '/requests', token)).body.data;
}

async function until<T>(fn: () => Promise<T | undefined>, ms = 5000): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs one scenario and records its cell; an exception is the cell's failure. */
async function cell(row: string, column: string, scenario: () => Promise<string | null>): Promise<void> {
  let problem: string | null;
  try {
    problem = await scenario();
  } catch (error) {
    problem = `threw ${(error as Error)?.name}: ${(error as Error)?.message}`;
  }
  matrix.cell(row, column, problem);
}

void test('life cycle and races through the client, in process and over loopback', async () => {
  const sb = await sandbox();
  transports = [inProcess(sb), await loopback(sb)];
  for (const tr of transports) {
    const t = await tenant({customers: 4});
    const client = tr.client(t.token);
    const customers = (await call(t.token, 'GET', '/customers?sort=id')).body.data as {id: number; name: string}[];

    await cell('request aborted mid-flight: the sandbox sees the abort', tr.name, async () => {
      await control('DELETE', '/requests', t.token);
      await control('PUT', '/faults', t.token, {rules: [{method: 'GET', path: '/customers', delay_ms: 3000, times: 1}]});
      await client.getPlans(); // warm: the first call compiles the contract chunk, blocking the event loop
      const controller = new AbortController();
      let abortedAt = 0;
      const pending = client.listCustomers({q: 'abort-probe'}, {signal: controller.signal});
      setTimeout(() => {
        abortedAt = Date.now();
        controller.abort();
      }, 150);
      const error = await pending.then(() => null, (e: unknown) => e as Error);
      if (error?.name !== 'AbortError') return `the call did not reject with an AbortError (${error?.name ?? 'resolved'})`;
      if (Date.now() - abortedAt > 500) return `the abort ended the call only after ${Date.now() - abortedAt} ms`;
      const entry = await until(async () => (await requestLog(t.token)).find((r) => r.path === '/customers' && r.query.includes('abort-probe')));
      if (!entry) return 'the sandbox never logged the request';
      if (!entry.aborted || entry.status !== 499) return `logged as status ${entry.status}, aborted ${entry.aborted}`;
      // The 3 s delay stops on the abort: the entry is logged well before the delay would have ended.
      if (Date.now() - abortedAt > 2000) return `logged only ${Date.now() - abortedAt} ms after the abort (the delay ran on)`;
      return null;
    });

    await cell('answers out of order reach the right callers', tr.name, async () => {
      const [slow, fast] = customers;
      await control('PUT', '/faults', t.token, {rules: [
        {method: 'GET', path: `/customers/${slow!.id}`, delay_ms: 500, times: 1},
        {method: 'GET', path: `/customers/${fast!.id}`, delay_ms: 20, times: 1},
        {method: 'GET', path: '/customers', delay_ms: 400, times: 1},
      ]});
      const order: string[] = [];
      const [a, b, page1, page2] = await Promise.all([
        client.getCustomer(slow!.id).then((c) => (order.push('slow'), c)),
        client.getCustomer(fast!.id).then((c) => (order.push('fast'), c)),
        client.listCustomers({page: 1, per_page: 25, sort: 'id'}).then((p) => (order.push('page1'), p)),
        client.listCustomers({page: 1, per_page: 25, sort: 'name'}).then((p) => (order.push('page2'), p)),
      ]);
      if (order.indexOf('fast') > order.indexOf('slow')) return `answers did not arrive out of order (${order.join(', ')})`;
      if (a.id !== slow!.id || b.id !== fast!.id) return `callers got ${a.id}, ${b.id} instead of ${slow!.id}, ${fast!.id}`;
      if (page1.data[0]!.id !== customers[0]!.id) return 'the id-sorted list got another answer';
      const names = page2.data.map((c) => c.name);
      if (JSON.stringify(names) !== JSON.stringify([...names].sort((x, y) => x.localeCompare(y, 'en', {sensitivity: 'base'})))) return 'the name-sorted list got another answer';
      return null;
    });

    await cell('two editors save one customer (If-Match): the second gets 412', tr.name, async () => {
      const id = customers[2]!.id;
      const editor1 = tr.client(t.token);
      const editor2 = tr.client(t.token);
      const [c1, c2] = await Promise.all([editor1.getCustomer(id, {fresh: true}), editor2.getCustomer(id, {fresh: true})]);
      const e1 = editor1.etagOf(c1);
      const e2 = editor2.etagOf(c2);
      if (!e1 || e1 !== e2) return `both editors should read the same ETag (${e1}, ${e2})`;
      await editor1.updateCustomer(id, {name: 'Saved by editor one'}, {etag: e1});
      const error = await editor2.updateCustomer(id, {name: 'Saved by editor two'}, {etag: e2}).then(() => null, (e: unknown) => e);
      if (!(error instanceof ConflictError)) return `the second save did not fail with a ConflictError (${String(error)})`;
      if (error.status !== 412) return `status ${error.status}`;
      const now = (await call(t.token, 'GET', `/customers/${id}`)).body;
      if (now.name !== 'Saved by editor one') return `the customer is now "${now.name}"`;
      const log = (await requestLog(t.token)).filter((r) => r.method === 'PATCH' && r.path === `/customers/${id}`);
      if (log.map((r) => r.status).join() !== '200,412') return `the sandbox saw PATCH statuses ${log.map((r) => r.status).join()}`;
      return null;
    });

    await cell('one create submitted twice with one Idempotency-Key: one row', tr.name, async () => {
      const body = {name: 'Once Only BV', email: `once.${tr.name.length}@once.example`};
      const key = `once-${Date.now()}`;
      const first = await client.createCustomer(body, {idempotencyKey: key});
      const second = await client.createCustomer(body, {idempotencyKey: key});
      const [third, fourth] = await Promise.all([client.createCustomer(body, {idempotencyKey: key}), client.createCustomer(body, {idempotencyKey: key})]);
      const ids = new Set([first.id, second.id, third.id, fourth.id]);
      if (ids.size !== 1) return `${ids.size} different customers answered`;
      const found = (await call(t.token, 'GET', `/customers?q=${encodeURIComponent(body.email)}`)).body.total;
      return found === 1 ? null : `${found} rows with that email`;
    });

    await cell('20 concurrent creates: 20 rows', tr.name, async () => {
      const before = (await call(t.token, 'GET', '/customers')).body.total as number;
      const created = await Promise.all(Array.from({length: 20}, (_, i) => client.createCustomer({name: `Parallel ${i}`, email: `parallel${i}@p${tr.name.length}.example`})));
      const ids = new Set(created.map((c) => c.id));
      const total = (await call(t.token, 'GET', '/customers')).body.total as number;
      if (ids.size !== 20) return `${ids.size} distinct ids`;
      return total === before + 20 ? null : `${total - before} rows added`;
    });

    await cell('20 concurrent creates with one Idempotency-Key: one row', tr.name, async () => {
      const body = {name: 'Burst BV', email: `burst@b${tr.name.length}.example`};
      const created = await Promise.all(Array.from({length: 20}, () => client.createCustomer(body, {idempotencyKey: `burst-${tr.name}`})));
      const ids = new Set(created.map((c) => c.id));
      const found = (await call(t.token, 'GET', `/customers?q=${encodeURIComponent(body.email)}`)).body.total;
      return ids.size === 1 && found === 1 ? null : `${ids.size} ids answered, ${found} rows`;
    });
  }
  assert.deepEqual(matrix.failures(), []);
});
