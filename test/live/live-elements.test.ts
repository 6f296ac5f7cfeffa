/**
 * Elements under `<reseller-provider live>` (src/controllers/live-controller.ts): the dashboard's
 * totals, its chart and the transcription list follow the sandbox's simulation in place (no loading
 * state, the row nodes and focus kept), over one connection per provider; a customer crossing 80 %
 * and 100 % of its quota is announced politely; nothing is loaded or opened without `live`; no
 * connection is left after 50 mount cycles. Connections are counted by the sandbox (`GET /__sandbox/live`).
 */
import {expect} from '@open-wc/testing';
import type {Customer, Transcript} from '../../src/contract/schemas.js';
import '../../src/define/customer-detail.js';
import '../../src/define/provider.js';
import '../../src/define/transcription-list.js';
import '../../src/define/usage-dashboard.js';
import type {ResellerProvider} from '../../src/elements/provider/provider.js';
import {api} from '../helpers/api.js';
import {$, $$, focused} from '../helpers/dom.js';
import {type Tenant, connections, createTenant, liveState, requests, simulate} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';

/** A provider (with `live` unless told) holding the given tags, in the document. */
function portal(t: Tenant, tags: string[], {live = true, locale = ''} = {}): {provider: ResellerProvider; elements: HTMLElement[]} {
  const provider = document.createElement('reseller-provider');
  provider.live = live;
  provider.token = t.token;
  if (locale) provider.locale = locale;
  const elements = tags.map((tag) => provider.appendChild(document.createElement(tag)));
  document.body.append(provider);
  return {provider, elements};
}

const total = (dashboard: Element, key: string) => $(dashboard, `[data-total="${key}"] .total-value`)?.textContent?.trim() ?? '';
const loaded = (dashboard: Element) => !!total(dashboard, 'transcriptions') && !$(dashboard, '.skeleton');
const statuses = (list: Element) => $$(list, 'tbody tr[data-id]').map((tr) => `${tr.dataset.id}:${tr.dataset.status}`);

/** Every shadow root under `root` (the dashboard's chart is inside the dashboard's). */
function shadowRoots(root: Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const walk = (el: Element) => {
    if (el.shadowRoot) {
      out.push(el.shadowRoot);
      el.shadowRoot.querySelectorAll('*').forEach(walk);
    }
    el.querySelectorAll('*').forEach(walk);
  };
  walk(root);
  return out;
}

/** Watches every frame for a loading state (a skeleton, a busy region) under `root` until stopped. */
function watchLoading(root: Element): {stop(): string[]} {
  const seen = new Set<string>();
  let frame = requestAnimationFrame(function look() {
    for (const r of shadowRoots(root)) {
      for (const el of r.querySelectorAll('.skeleton, [aria-busy="true"], [part~="loading"]')) seen.add(`${(r.host as Element).localName} ${el.className || el.getAttribute('part')}`);
    }
    frame = requestAnimationFrame(look);
  });
  return {
    stop() {
      cancelAnimationFrame(frame);
      return [...seen];
    },
  };
}

describe('live elements', function () {
  this.timeout(90_000);
  afterEach(() => {
    for (const p of document.querySelectorAll('reseller-provider')) p.remove();
  });

  // First in the file: nothing else has imported the live chunks yet.
  it('without live: opens no stream, asks for no events and loads no live code', async () => {
    const t = await createTenant({customers: 2});
    const {elements: [dashboard, list]} = portal(t, ['reseller-usage-dashboard', 'reseller-transcription-list'], {live: false});
    await waitFor(() => loaded(dashboard!) && statuses(list!).length > 0, 'the dashboard and the list loaded');
    expect((await liveState(t.token)).connections).to.equal(0);
    expect((await requests(t.token)).filter((r) => r.path === '/events')).to.deep.equal([]);
    const live = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/src\/live\//.test(n));
    expect(live).to.deep.equal([], 'no module of src/live/ fetched');
  });

  it('updates the totals, the chart and the transcription list in place over one connection', async () => {
    const t = await createTenant({customers: 1});
    const customer = (await api<{data: Customer[]}>(t, 'GET', '/customers')).data[0]!;
    const {elements: [dashboard, list]} = portal(t, ['reseller-usage-dashboard', 'reseller-transcription-list']);
    await waitFor(() => loaded(dashboard!) && statuses(list!).length > 0, 'the dashboard and the list loaded');
    await connections(t, 1, 'the dashboard, its chart and the list share the provider’s stream');
    const before = {count: total(dashboard!, 'transcriptions'), rows: statuses(list!), first: $(list!, 'tbody tr[data-id]')};
    const chart = $(dashboard!, 'reseller-usage-chart')!;
    const barsBefore = chart.shadowRoot!.querySelector('svg')?.innerHTML;
    const search = $<HTMLInputElement>(list!, 'input[type="search"]');
    search.focus();
    const watch = watchLoading(document.body);
    const [id] = await simulate(t.token, {customer_id: customer.id, count: 1, interval_ms: 1500, duration_seconds: 3600});
    await waitFor(() => statuses(list!)[0] === `${id}:processing`, 'the new transcription, processing, at the top of the list', {observe: () => statuses(list!)});
    await waitFor(() => statuses(list!)[0] === `${id}:done`, 'its status turning done in place', {observe: () => statuses(list!)});
    const expected = new Intl.NumberFormat('en').format(Number(before.count.replace(/\D/g, '')) + 1);
    await waitFor(() => total(dashboard!, 'transcriptions') === expected, `the transcriptions total going from ${before.count} to ${expected}`, {observe: () => total(dashboard!, 'transcriptions')});
    await waitFor(() => chart.shadowRoot!.querySelector('svg')?.innerHTML !== barsBefore, 'the chart’s bars to change');
    expect(watch.stop()).to.deep.equal([], 'no loading state shown during the live updates');
    const after = statuses(list!);
    expect(after.slice(1)).to.deep.equal(before.rows.slice(0, after.length - 1), 'the other rows unchanged, one place down');
    expect($$(list!, 'tbody tr[data-id]').includes(before.first!)).to.equal(true, 'the existing row node was kept, not re-rendered');
    expect(focused()).to.equal(search, 'focus stayed in the search field');
    expect((await liveState(t.token)).connections).to.equal(1);
    const transcript = (await api<{data: Transcript[]}>(t, 'GET', `/transcripts?customer_id=${customer.id}`)).data.find((x) => x.id === id)!;
    expect(transcript.status).to.equal('done');
  });

  for (const [locale, warning, exceeded] of [
    ['en', 'Quota Test is above 80 % of its monthly quota.', 'Quota Test has used up its monthly quota.'],
    ['de', 'Quota Test hat über 80 % des monatlichen Kontingents genutzt.', 'Quota Test hat das monatliche Kontingent aufgebraucht.'],
  ] as const) {
    it(`announces a customer crossing 80 % and 100 % of its quota politely (${locale})`, async () => {
      const t = await createTenant({customers: 0});
      const customer = await api<Customer>(t, 'POST', '/customers', {name: 'Quota Test', email: 'quota@example.com', plan: 'enterprise', quota_minutes: 100});
      const {elements: [dashboard]} = portal(t, ['reseller-usage-dashboard'], {locale});
      const region = () => $(dashboard!, '[part="announcement"]');
      await waitFor(() => loaded(dashboard!) && region(), 'the dashboard loaded with its live region');
      expect(region()!.getAttribute('aria-live')).to.equal('polite');
      expect(region()!.textContent!.trim()).to.equal('');
      await connections(t, 1, 'the dashboard subscribed');
      // 50 of 100 minutes: no level crossed.
      await simulate(t.token, {customer_id: customer.id, count: 1, interval_ms: 50, duration_seconds: 3000});
      await waitFor(() => $$(dashboard!, 'a, th').some((el) => el.textContent?.includes('Quota Test')), 'the customer among the top customers');
      expect(region()!.textContent!.trim()).to.equal('');
      // 90 of 100: above 80 %.
      await simulate(t.token, {customer_id: customer.id, count: 1, interval_ms: 50, duration_seconds: 2400});
      await waitFor(() => region()!.textContent!.trim() === warning, 'the 80 % announcement', {observe: () => region()!.textContent});
      // 110 of 100: used up.
      await simulate(t.token, {customer_id: customer.id, count: 1, interval_ms: 50, duration_seconds: 1200});
      await waitFor(() => region()!.textContent!.trim() === exceeded, 'the 100 % announcement', {observe: () => region()!.textContent});
      await expect(dashboard).to.be.accessible();
    });
  }

  it('an element on a hidden page holds its events: no request while hidden, up to date when shown', async () => {
    const t = await createTenant({customers: 1});
    const customer = (await api<{data: Customer[]}>(t, 'GET', '/customers')).data[0]!;
    // A portal's two pages: the visible one lists every customer's transcriptions, the hidden one this customer's.
    const {provider, elements: [shown]} = portal(t, ['reseller-transcription-list']);
    const page = provider.appendChild(document.createElement('section'));
    page.hidden = true;
    const hidden = page.appendChild(document.createElement('reseller-transcription-list'));
    hidden.setAttribute('customer-id', String(customer.id));
    await waitFor(() => statuses(shown!).length > 0 && statuses(hidden).length > 0, 'both lists loaded');
    await connections(t, 1, 'both lists on the provider’s stream');
    const ownRequests = async () => (await requests(t.token)).filter((r) => r.path === '/transcripts' && r.query.includes(`customer_id=${customer.id}`)).length;
    const before = await ownRequests();
    const [id] = await simulate(t.token, {customer_id: customer.id, count: 1, interval_ms: 500, duration_seconds: 600});
    await waitFor(() => statuses(shown!)[0] === `${id}:done`, 'the visible list showing the new transcription done', {observe: () => statuses(shown!)});
    expect(await ownRequests()).to.equal(before, 'the hidden list asked for nothing while hidden');
    expect(statuses(hidden).some((s) => s.startsWith(`${id}:`))).to.equal(false, 'and shows what it had');
    page.hidden = false;
    await waitFor(() => statuses(hidden)[0] === `${id}:done`, 'the list, shown again, with the new transcription done', {observe: () => statuses(hidden)});
    expect(await ownRequests()).to.be.greaterThan(before);
  });

  it('customer detail: its subscription panel follows usage events; the customer is read once per event, not twice', async () => {
    const t = await createTenant({customers: 1});
    const customer = (await api<{data: Customer[]}>(t, 'GET', '/customers')).data[0]!;
    const {elements: [detail]} = portal(t, ['reseller-customer-detail']);
    detail!.setAttribute('customer-id', String(customer.id));
    const panel = () => $(detail!, 'reseller-subscription-panel');
    const quota = () => (panel() && $(panel()!, '[part~="quota"]')?.textContent?.replace(/\s+/g, ' ')?.trim()) ?? '';
    await waitFor(() => quota() !== '', 'the subscription tab with its quota meter');
    await connections(t, 1, 'the detail and its panel on the provider’s stream');
    const reads = async () => (await requests(t.token)).filter((r) => r.method === 'GET' && r.path === `/customers/${customer.id}`).length;
    const before = {reads: await reads(), quota: quota(), last: (await liveState(t.token)).last_id};
    await simulate(t.token, {customer_id: customer.id, count: 1, interval_ms: 200, duration_seconds: 1800});
    await waitFor(() => quota() !== before.quota, 'the panel’s quota meter changing in place', {observe: quota});
    await waitFor(async () => (await liveState(t.token)).simulations === 0, 'the simulation finished');
    const events = (await api<{data: Array<{type: string; usage: {customer_id: number} | null}>}>(t, 'GET', `/events?after=${before.last}`)).data;
    const usageEvents = events.filter((e) => e.type === 'usage' && e.usage?.customer_id === customer.id).length;
    expect(usageEvents).to.be.greaterThan(0);
    await waitFor(async () => (await reads()) - before.reads >= usageEvents, `${usageEvents} read(s) of the customer by the panel`, {observe: reads});
    expect((await reads()) - before.reads, 'one read of the customer per usage event (the panel), none of the detail’s own').to.equal(usageEvents);
  });

  it('one connection per provider; none left after 50 mount cycles', async () => {
    const t = await createTenant({customers: 1});
    const a = portal(t, ['reseller-usage-dashboard', 'reseller-transcription-list', 'reseller-transcription-list']);
    const b = portal(t, ['reseller-transcription-list']);
    await connections(t, 2, 'one per provider, whatever the number of elements');
    a.provider.remove();
    b.provider.remove();
    await connections(t, 0, 'the providers left');
    for (let i = 0; i < 50; i++) {
      const {provider} = portal(t, ['reseller-usage-dashboard', 'reseller-transcription-list']);
      if (i % 10 === 0) await connections(t, 1, `cycle ${i} open`);
      provider.remove();
    }
    await connections(t, 0, 'after 50 mount cycles');
    const {elements: [list]} = portal(t, ['reseller-transcription-list']);
    await connections(t, 1, 'mounted again');
    list!.remove();
    await connections(t, 0, 'the only element left the page (the provider stays)');
  });
});
