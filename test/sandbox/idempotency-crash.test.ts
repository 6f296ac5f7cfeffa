/**
 * Sandbox abuse: crash safety of Idempotency-Key. A sandbox on a persistent data directory is
 * SIGKILLed while it handles a keyed POST /customers (a few times, at different moments), restarted
 * on the same directory, and the client retries with the same key, as the kit's client does: every
 * retry answers 2xx and each key made exactly one customer. (Before, a claim row left by the crash
 * answered 409 forever, or the work was done but the retry only got 409.)
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {type ChildSandbox, startChildSandbox} from './child.js';

const dataDir = mkdtempSync(join(tmpdir(), 'reseller-idem-crash-'));
let child: ChildSandbox | null = null;
after(async () => {
  await child?.stop();
  rmSync(dataDir, {recursive: true, force: true});
});

const API = '/api/v3/reseller';

void test('SIGKILL mid-request, restart, retry with the same key: a 2xx and exactly one customer per key', {timeout: 600_000}, async () => {
  child = await startChildSandbox({dataDir, seed: false, control: true});
  const created = await fetch(`${child.origin}/__sandbox/tenants`, {
    method: 'POST', headers: {'content-type': 'application/json', 'x-sandbox-admin': child.adminSecret!}, body: JSON.stringify({customers: 0, seed: 5}),
  });
  assert.equal(created.status, 201);
  const token = ((await created.json()) as {tokens: {reseller: string}}).tokens.reseller;
  const post = (origin: string, i: number, signal?: AbortSignal) =>
    fetch(`${origin}${API}/customers`, {
      method: 'POST',
      headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `crash-${i}`},
      body: JSON.stringify({name: `Crash ${i}`, email: `crash-${i}@crash.example`}),
      signal,
    });

  // Kill at different moments: before the request is read, while it runs, after it answered.
  const killAfterMs = [0, 5, 20, 60];
  for (const [i, wait] of killAfterMs.entries()) {
    const inFlight = post(child.origin, i).then((r) => r.status, () => 'no answer');
    await new Promise((r) => setTimeout(r, wait));
    await child.kill();
    await inFlight;
    child = await startChildSandbox({dataDir, seed: false, control: true});
    const retry = await post(child.origin, i, AbortSignal.timeout(30_000));
    assert.ok(retry.status === 201, `retry ${i} (killed after ${wait} ms) answered ${retry.status}: ${await retry.text()}`);
    const again = await post(child.origin, i, AbortSignal.timeout(30_000));
    assert.equal(again.status, 201, 'and a second retry replays it');
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  }
  const list = await fetch(`${child.origin}${API}/customers?per_page=100&q=crash.example`, {headers: {authorization: `Bearer ${token}`}});
  const names = ((await list.json()) as {data: {name: string}[]}).data.map((c) => c.name).sort();
  assert.deepEqual(names, killAfterMs.map((_, i) => `Crash ${i}`), 'exactly one customer per key');
});
