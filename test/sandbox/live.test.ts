/**
 * The live channel (sandbox/live.ts): the event stream, resume with Last-Event-ID, reset, heartbeat,
 * tenant isolation, auth, connection limits, the JSON polling fallback and the simulation.
 */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {CustomerUsage, EventPage, LiveEvent, TranscriptPage} from '../../src/contract/schemas.js';
import {BASE, call, control, raw, tenant, type Tenant, today} from './helpers.js';

// This file's sandbox (one process per test file): a short heartbeat, a small buffer and few streams.
process.env.SANDBOX_LIVE_HEARTBEAT_MS = '60';
process.env.SANDBOX_LIVE_BUFFER = '6';
process.env.SANDBOX_LIVE_CONNECTIONS_PER_TENANT = '3';

interface Frame {
  id?: string;
  event?: string;
  data?: string;
  comments: string[];
}

/** An open event stream: frames as they arrive, read with `next()`. */
async function open(token: string | null, lastEventId?: string) {
  const abort = new AbortController();
  const headers: Record<string, string> = {accept: 'text/event-stream'};
  if (token) headers.authorization = `Bearer ${token}`;
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const res = await raw('/events', {headers, signal: abort.signal});
  const frames: Frame[] = [];
  let buffer = '';
  let ended = false;
  const reader = res.ok ? res.body!.getReader() : null;
  const decoder = new TextDecoder();
  const pump = (async () => {
    if (!reader) return;
    try {
      for (;;) {
        const {done, value} = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, {stream: true});
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const frame: Frame = {comments: []};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) frame.comments.push(line.slice(1).trim());
            else {
              const at = line.indexOf(': ');
              const [field, value] = at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 2)];
              if (field === 'id' || field === 'event' || field === 'data') frame[field] = value;
            }
          }
          frames.push(frame);
        }
      }
    } catch {
      // aborted
    } finally {
      ended = true;
    }
  })();
  let read = 0;
  /** The next frame that `match` accepts (frames before it are skipped), or a loud failure after `ms`. */
  const next = async (match: (f: Frame) => boolean, what: string, ms = 5000): Promise<Frame> => {
    const until = Date.now() + ms;
    for (;;) {
      while (read < frames.length) {
        const f = frames[read++]!;
        if (match(f)) return f;
      }
      if (ended || Date.now() > until) throw new Error(`${ended ? 'stream ended' : `timed out after ${ms} ms`} waiting for ${what}; frames: ${JSON.stringify(frames)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  /** The next event frame, parsed through the contract. */
  const event = async (what = 'an event', ms?: number) => {
    const f = await next((x) => x.event !== undefined, what, ms);
    const e = LiveEvent.parse(JSON.parse(f.data!));
    assert.equal(f.id, e.id, 'the SSE id is the event id');
    assert.equal(f.event, e.type, 'the SSE event name is the event type');
    return e;
  };
  const close = async () => {
    abort.abort();
    await reader?.cancel().catch(() => {});
    await pump;
  };
  return {res, frames, next, event, close, get ended() {
    return ended;
  }};
}

const liveState = async (t: Tenant) => (await control('GET', '/live', t.token)).body as {connections: number; simulations: number; last_id: number};

/** Waits until the sandbox counts `n` open streams for the tenant. */
async function connections(t: Tenant, n: number): Promise<void> {
  const until = Date.now() + 5000;
  let seen = -1;
  while (Date.now() < until) {
    seen = (await liveState(t)).connections;
    if (seen === n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${n} open streams; the sandbox counts ${seen}`);
}

const addDone = (t: Tenant, customerId: number, title: string) => control('POST', '/transcripts', t.token, {customer_id: customerId, title, duration_seconds: 90});

void test('a simulation streams each transcription’s status and the customer’s usage, equal to the REST reads', async () => {
  const t = await tenant({customers: 2});
  const customer = (await call(t.token, 'GET', '/customers?sort=id')).body.data[0];
  const s = await open(t.token);
  assert.equal(s.res.status, 200);
  assert.match(s.res.headers.get('content-type') ?? '', /^text\/event-stream/);
  assert.equal(s.res.headers.get('cache-control'), 'no-store');
  const started = await control('POST', '/simulate', t.token, {customer_id: customer.id, count: 2, interval_ms: 50, duration_seconds: 300});
  assert.equal(started.status, 202, started.text);
  const ids: number[] = started.body.transcript_ids;
  assert.equal(ids.length, 2);
  const created = [await s.event('the first created'), await s.event('the second created')];
  assert.deepEqual(created.map((e) => [e.type, e.transcript?.id, e.transcript?.status]), [['transcript', ids[0], 'processing'], ['transcript', ids[1], 'processing']]);
  const seen: LiveEvent[] = [];
  for (let i = 0; i < 4; i++) seen.push(await s.event(`completion event ${i + 1} of 4`));
  assert.deepEqual(seen.map((e) => [e.type, e.transcript?.id ?? null, e.transcript?.status ?? null]), [
    ['transcript', ids[0], 'done'], ['usage', null, null], ['transcript', ids[1], 'done'], ['usage', null, null],
  ]);
  // Ids increase by one per event.
  assert.deepEqual([...created, ...seen].map((e) => Number(e.id)), [1, 2, 3, 4, 5, 6]);
  // What the events say is what the REST reads answer.
  const last = seen[3]!.usage!;
  const usage = CustomerUsage.parse((await call(t.token, 'GET', `/customers/${customer.id}/usage?from=${today()}&to=${today()}`)).body);
  assert.equal(last.customer_id, customer.id);
  assert.equal(last.day, today());
  assert.equal(last.audio_minutes, usage.daily[0]!.audio_minutes);
  assert.equal(last.transcriptions, usage.daily[0]!.transcriptions);
  const fresh = (await call(t.token, 'GET', `/customers/${customer.id}`)).body;
  assert.equal(last.period_minutes, fresh.usage.transcription_minutes);
  assert.equal(last.quota_minutes, fresh.usage.quota_minutes);
  assert.equal(Math.round((last.period_minutes - seen[1]!.usage!.period_minutes) * 10) / 10, 5, 'the second transcription added its 5 minutes');
  const listed = TranscriptPage.parse((await call(t.token, 'GET', `/transcripts?customer_id=${customer.id}&per_page=25`)).body).data.find((x) => x.id === ids[1]);
  assert.deepEqual(seen[2]!.transcript, listed);
  await s.close();
  await connections(t, 0);
});

void test('resume with Last-Event-ID replays exactly the missed events; an id no longer kept gets a reset', async () => {
  const t = await tenant({customers: 1});
  const customer = (await call(t.token, 'GET', '/customers')).body.data[0];
  const first = await open(t.token);
  await addDone(t, customer.id, 'one');
  const a = await first.event('transcript one');
  const b = await first.event('usage after one');
  await first.close();
  await connections(t, 0);
  // Missed while disconnected: two events.
  await addDone(t, customer.id, 'two');
  const resumed = await open(t.token, b.id);
  const replay = [await resumed.event('replayed transcript two'), await resumed.event('replayed usage')];
  assert.deepEqual(replay.map((e) => e.id), [String(Number(b.id) + 1), String(Number(b.id) + 2)]);
  assert.equal(replay[0]!.transcript?.title, 'two');
  // Then live, no duplicates.
  await addDone(t, customer.id, 'three');
  const live = await resumed.event('live transcript three');
  assert.equal(live.transcript?.title, 'three');
  assert.equal(live.id, String(Number(b.id) + 3));
  await resumed.close();
  assert.ok(Number(a.id) < Number(b.id));

  // The buffer keeps 6 events (this file's setting): 4 more events push id 1 out.
  await addDone(t, customer.id, 'four');
  await addDone(t, customer.id, 'five');
  for (const stale of ['1', '999999', 'not-a-number']) {
    const s = await open(t.token, stale);
    const reset = await s.event(`the reset for Last-Event-ID ${stale}`);
    assert.equal(reset.type, 'reset');
    assert.equal(reset.id, String((await liveState(t)).last_id), 'a reset carries the last id, to resume from after refetching');
    await s.close();
  }
  // The oldest kept id still resumes.
  const state = await liveState(t);
  const s = await open(t.token, String(state.last_id - 6));
  const e = await s.event('the oldest kept event');
  assert.equal(e.type, 'transcript');
  assert.equal(Number(e.id), state.last_id - 5);
  await s.close();
});

void test('an idle stream carries heartbeat comments', async () => {
  const t = await tenant({customers: 0});
  const s = await open(t.token);
  const first = await s.next((f) => f.comments.includes('connected'), 'the opening comment');
  assert.equal(first.event, undefined);
  await s.next((f) => f.comments.includes('ping'), 'a first heartbeat', 3000);
  await s.next((f) => f.comments.includes('ping'), 'a second heartbeat', 3000);
  assert.equal(s.frames.filter((f) => f.event).length, 0, 'no events on an idle stream');
  await s.close();
});

void test('a reseller’s events reach only its own streams and polls', async () => {
  const a = await tenant({customers: 1});
  const b = await tenant({customers: 1});
  const ca = (await call(a.token, 'GET', '/customers')).body.data[0];
  const cb = (await call(b.token, 'GET', '/customers')).body.data[0];
  const sb = await open(b.token);
  await addDone(a, ca.id, 'A secret');
  await addDone(b, cb.id, 'B own');
  const e = await sb.event('B’s own event');
  assert.equal(e.transcript?.title, 'B own', 'B’s first event is its own, not A’s');
  assert.equal(e.id, '1', 'ids count per reseller');
  const poll = EventPage.parse((await call(b.token, 'GET', '/events?after=0')).body);
  assert.deepEqual(poll.data.map((x) => x.transcript?.customer_id ?? x.usage?.customer_id), [cb.id, cb.id]);
  await sb.close();
  // Another reseller cannot simulate on A's customer.
  assert.equal((await control('POST', '/simulate', b.token, {customer_id: ca.id})).status, 404);
});

void test('auth: no token 401, a RESELLEE 403, a token in the URL is not a credential', async () => {
  const t = await tenant({customers: 0});
  for (const [token, status] of [[null, 401], [t.reselleeToken, 403], ['rs_nope', 401]] as const) {
    const s = await open(token);
    assert.equal(s.res.status, status);
    assert.match(s.res.headers.get('content-type') ?? '', /json/, 'an error is the contract error body, not a stream');
    assert.equal((await call(token, 'GET', '/events')).status, status);
  }
  assert.equal((await raw(`${BASE}/events?access_token=${t.token}`, {headers: {accept: 'text/event-stream'}})).status, 401);
  assert.equal((await raw(`${BASE}/events?token=${t.token}`)).status, 401);
  assert.equal((await liveState(t)).connections, 0);
});

void test('connection limits: past 3 streams per reseller 429 with Retry-After; a closed stream frees its slot', async () => {
  const t = await tenant({customers: 0});
  const other = await tenant({customers: 0});
  const streams = [await open(t.token), await open(t.token), await open(t.token)];
  assert.deepEqual(streams.map((s) => s.res.status), [200, 200, 200]);
  await connections(t, 3);
  const refused = await open(t.token);
  assert.equal(refused.res.status, 429);
  assert.ok(Number(refused.res.headers.get('retry-after')) >= 1);
  assert.match((await refused.res.json() as {error: {message: string}}).error.message, /At most 3 event streams per reseller/);
  // Another reseller is not affected, and the JSON poll still answers.
  const o = await open(other.token);
  assert.equal(o.res.status, 200);
  assert.equal((await call(t.token, 'GET', '/events')).status, 200);
  await streams[0]!.close();
  await connections(t, 2);
  // The control API breaks the open streams (a reconnect test's network failure).
  const dropped = await control('DELETE', '/live', t.token);
  assert.deepEqual(dropped.body, {dropped: 2});
  await connections(t, 0);
  for (const s of streams.slice(1)) {
    await s.next(() => false, 'the end of a dropped stream').then(() => assert.fail('no frame expected'), (e: Error) => assert.match(e.message, /stream ended/));
  }
  const again = await open(t.token);
  assert.equal(again.res.status, 200);
  for (const s of [again, o]) await s.close();
  await connections(t, 0);
  await connections(other, 0);
});

void test('polling: GET /events?after= as JSON with ETag/304; bad input 4xx, never 500', async () => {
  const t = await tenant({customers: 1});
  const customer = (await call(t.token, 'GET', '/customers')).body.data[0];
  const start = EventPage.parse((await call(t.token, 'GET', '/events')).body);
  assert.deepEqual(start, {data: [], last_id: '0', reset: false});
  await addDone(t, customer.id, 'polled');
  const page = await call(t.token, 'GET', `/events?after=${start.last_id}`);
  const parsed = EventPage.parse(page.body);
  assert.deepEqual(parsed.data.map((e) => e.type), ['transcript', 'usage']);
  assert.equal(parsed.last_id, '2');
  const etag = page.headers.get('etag')!;
  assert.ok(etag);
  const same = await call(t.token, 'GET', `/events?after=${start.last_id}`, undefined, {'if-none-match': etag});
  assert.equal(same.status, 304);
  assert.equal(same.text, '');
  await addDone(t, customer.id, 'more');
  assert.equal((await call(t.token, 'GET', `/events?after=${start.last_id}`, undefined, {'if-none-match': etag})).status, 200, 'something new: 200');
  assert.equal(EventPage.parse((await call(t.token, 'GET', '/events?after=99999')).body).reset, true);
  for (const bad of ['-1', 'abc', '1.5', '9'.repeat(16), '']) {
    const r = await call(t.token, 'GET', `/events?after=${encodeURIComponent(bad)}`);
    assert.equal(r.status, 422, `after=${bad}`);
    assert.ok(r.body.error.fields.after, `after=${bad} names the parameter`);
  }
  assert.equal((await call(t.token, 'GET', '/events?after=%00')).status, 400);
});

void test('POST /__sandbox/simulate: guarded like the control API, validated, bounded', async () => {
  const t = await tenant({customers: 1});
  const customer = (await call(t.token, 'GET', '/customers')).body.data[0];
  // Without the admin secret: 401, even with the tenant token.
  assert.equal((await call(t.token, 'POST', 'http://sandbox.test/__sandbox/simulate', {customer_id: customer.id})).status, 401);
  assert.equal((await control('POST', '/simulate', t.reselleeToken, {customer_id: customer.id})).status, 403);
  assert.equal((await control('POST', '/simulate', undefined, {customer_id: customer.id})).status, 401);
  for (const body of [{}, {customer_id: customer.id, count: 0}, {customer_id: customer.id, count: 51}, {customer_id: customer.id, interval_ms: 10},
    {customer_id: customer.id, duration_seconds: 0}, {customer_id: 'x'}, {customer_id: customer.id, fail_every: -1}]) {
    const r = await control('POST', '/simulate', t.token, body);
    assert.equal(r.status, 422, JSON.stringify(body));
  }
  assert.equal((await control('POST', '/simulate', t.token, {customer_id: 2_147_483_647})).status, 404);
  const notJson = await call(t.token, 'POST', 'http://sandbox.test/__sandbox/simulate', '{', {...(await import('./helpers.js').then((h) => h.adminHeaders()))});
  assert.equal(notJson.status, 400);
  // At most 5 at once (slow ones, so they are still running).
  for (let i = 0; i < 5; i++) assert.equal((await control('POST', '/simulate', t.token, {customer_id: customer.id, count: 1, interval_ms: 60_000})).status, 202);
  const sixth = await control('POST', '/simulate', t.token, {customer_id: customer.id, count: 1, interval_ms: 60_000});
  assert.equal(sixth.status, 429);
  assert.ok(sixth.headers.get('retry-after'));
  assert.equal((await liveState(t)).simulations, 5);
  // A failing one: every second transcription fails and adds no usage.
  const other = await tenant({customers: 1});
  const oc = (await call(other.token, 'GET', '/customers')).body.data[0];
  const s = await open(other.token);
  const started = await control('POST', '/simulate', other.token, {customer_id: oc.id, count: 2, interval_ms: 50, fail_every: 2});
  assert.equal(started.status, 202);
  const events: LiveEvent[] = [];
  for (let i = 0; i < 5; i++) events.push(await s.event(`event ${i + 1} of 5`));
  assert.deepEqual(events.map((e) => `${e.type}:${e.transcript?.status ?? ''}`), ['transcript:processing', 'transcript:processing', 'transcript:done', 'usage:', 'transcript:failed']);
  await s.close();
});
