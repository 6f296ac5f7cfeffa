/**
 * The live channel (src/live/live-channel.ts) against the sandbox: one stream per provider shared by
 * every subscriber, resume after a dropped connection, the polling fallback, no leaked connections.
 * Connections are counted on the sandbox's side (`GET /__sandbox/live`); no fetch stubs.
 */
import {expect} from '@open-wc/testing';
import {ResellerClient} from '../../src/api/client.js';
import type {Customer, LiveEvent} from '../../src/contract/schemas.js';
import '../../src/define/provider.js';
import type {ResellerProvider} from '../../src/elements/provider/provider.js';
import {type LiveChannel, liveChannel} from '../../src/live/live-channel.js';
import {api} from '../helpers/api.js';
import {type Tenant, connections, createTenant, dropLive, liveState, requests, setFaults, simulate} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';

const firstCustomer = async (t: Tenant) => (await api<{data: Customer[]}>(t, 'GET', '/customers?sort=id')).data[0]!;

/** A provider with `live`, holding `count` plain elements, in the document. */
function provider(t: Tenant, count: number): {provider: ResellerProvider; elements: HTMLElement[]} {
  const p = document.createElement('reseller-provider');
  p.live = true;
  p.token = t.token;
  const elements = Array.from({length: count}, () => p.appendChild(document.createElement('div')));
  document.body.append(p);
  return {provider: p, elements};
}

/** Every subscription a test made: a failed test's streams are closed too, so the next test starts clean. */
const subscriptions: Array<() => void> = [];
function subscribe(channel: LiveChannel, listener: (event: LiveEvent) => void, element?: Element): () => void {
  const off = channel.subscribe(listener, element);
  subscriptions.push(off);
  return off;
}

describe('live channel', function () {
  this.timeout(60_000);
  afterEach(() => {
    for (const off of subscriptions.splice(0)) off();
    for (const p of document.querySelectorAll('reseller-provider')) p.remove();
  });

  it('opens exactly one stream per provider for several subscribers, and every subscriber gets every event', async () => {
    const t = await createTenant({customers: 1});
    const customer = await firstCustomer(t);
    const a = provider(t, 3);
    const b = provider(t, 1);
    const seen: LiveEvent[][] = [[], [], []];
    const offs = a.elements.map((el, i) => subscribe(liveChannel(a.provider.client), (e) => seen[i]!.push(e), el));
    const offB = subscribe(liveChannel(b.provider.client), () => {}, b.elements[0]);
    await connections(t, 2, 'one per provider, not one per subscriber');
    const ids = await simulate(t.token, {customer_id: customer.id, count: 1, interval_ms: 50});
    await waitFor(() => seen.every((s) => s.some((e) => e.type === 'usage')), 'the usage event at every subscriber', {observe: () => seen.map((s) => s.map((e) => e.type))});
    for (const s of seen) expect(s.map((e) => [e.type, e.transcript?.status ?? null])).to.deep.equal([['transcript', 'processing'], ['transcript', 'done'], ['usage', null]]);
    expect(seen[0]![1]!.transcript!.id).to.equal(ids[0]);
    // The last subscriber leaving closes the stream; the others keep it.
    offs[0]!();
    offs[1]!();
    expect((await liveState(t.token)).connections).to.equal(2);
    offs[2]!();
    offB();
    await connections(t, 0, 'the last subscribers left');
  });

  it('resumes after a dropped connection with Last-Event-ID: nothing missed, nothing twice', async () => {
    const t = await createTenant({customers: 1});
    const customer = await firstCustomer(t);
    const client = new ResellerClient({token: t.token});
    const events: LiveEvent[] = [];
    const off = subscribe(liveChannel(client), (e) => events.push(e));
    await connections(t, 1, 'subscribed');
    await simulate(t.token, {customer_id: customer.id, count: 1, interval_ms: 50});
    await waitFor(() => events.length === 3, 'the first simulation’s three events', {observe: () => events.map((e) => e.id)});
    expect(await dropLive(t.token)).to.equal(1);
    // While the client waits to reconnect, more happens.
    await simulate(t.token, {customer_id: customer.id, count: 2, interval_ms: 50});
    await waitFor(async () => (await liveState(t.token)).last_id === 3 + 2 + 4, 'the second simulation to finish on the server');
    await waitFor(() => events.length >= 9, 'the missed events after reconnecting', {observe: () => events.map((e) => e.id)});
    expect(events.map((e) => e.id)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const resumed = (await requests(t.token)).filter((r) => r.path === '/events');
    expect(resumed.length).to.be.at.least(2, 'a second stream request');
    off();
    await connections(t, 0, 'unsubscribed');
  });

  it('falls back to polling when the stream fails, and gets the events', async () => {
    const t = await createTenant({customers: 1});
    const customer = await firstCustomer(t);
    // The stream answers 503 twice; the polls that follow are not refused.
    await setFaults(t.token, [{method: 'GET', path: '/events', status: 503, times: 2}]);
    const client = new ResellerClient({token: t.token, retry: false});
    const channel = liveChannel(client, {pollMs: 200, streamRetryMs: 60_000});
    const events: LiveEvent[] = [];
    const off = subscribe(channel, (e) => events.push(e));
    await waitFor(() => channel.mode === 'polling', 'the polling mode', {observe: () => channel.mode});
    await waitFor(async () => (await requests(t.token)).some((r) => r.path === '/events' && r.status === 200), 'a first answered poll');
    await simulate(t.token, {customer_id: customer.id, count: 1, interval_ms: 50});
    await waitFor(() => events.some((e) => e.type === 'usage'), 'the usage event through polling', {observe: () => events.map((e) => e.type)});
    expect(events.map((e) => e.type)).to.deep.equal(['transcript', 'transcript', 'usage']);
    expect((await liveState(t.token)).connections).to.equal(0, 'no stream open while polling');
    const polls = (await requests(t.token)).filter((r) => r.path === '/events' && r.status === 200);
    expect(polls.some((r) => /after=/.test(r.query))).to.equal(true, 'polls ask after the last id');
    off();
  });

  it('leaks no connection after 50 mount/unmount cycles', async () => {
    const t = await createTenant({customers: 0});
    for (let i = 0; i < 50; i++) {
      const {provider: p, elements} = provider(t, 2);
      const offs = elements.map((el) => subscribe(liveChannel(p.client), () => {}, el));
      if (i % 10 === 0) await connections(t, 1, `cycle ${i} open`);
      p.remove();
      for (const off of offs) off();
    }
    await connections(t, 0, 'after 50 cycles');
  });

  it('pauses while no subscribed element is connected', async () => {
    const t = await createTenant({customers: 0});
    const {provider: p, elements} = provider(t, 1);
    const channel = liveChannel(p.client);
    const off = subscribe(channel, () => {}, elements[0]);
    await connections(t, 1, 'subscribed');
    elements[0]!.remove();
    channel.refresh();
    expect(channel.mode).to.equal('paused');
    await connections(t, 0, 'the element left the page');
    p.append(elements[0]!);
    channel.refresh();
    await connections(t, 1, 'the element is back');
    off();
    await connections(t, 0, 'unsubscribed');
  });
});
