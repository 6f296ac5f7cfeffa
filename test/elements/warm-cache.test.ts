/**
 * Elements mounted in a provider whose client already holds their answer (the ResourceController's
 * synchronous cache read): the data is in their first update, no loading state is ever rendered,
 * and no request is made. Without it the answer arrived a microtask after the first render, so a
 * loading skeleton was built and replaced. An element whose answer is not cached still shows its
 * loading state and asks once.
 */
import {expect} from '@open-wc/testing';
import '../../src/define/provider.js';
import '../../src/define/usage-chart.js';
import '../../src/define/customer-table.js';
import type {ResellerProvider} from '../../src/elements/provider/provider.js';
import {clearRequests, createTenant, requests, type Tenant} from '../helpers/sandbox.js';
import {$$} from '../helpers/dom.js';
import {settled as chartSettled} from './usage-chart.helpers.js';
import {rowIds, settled as tableSettled} from './customer-table.helpers.js';

const utcToday = () => new Date().toISOString().slice(0, 10);
const daysBefore = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Whether any loading state was rendered (`aria-busy="true"` anywhere, or a skeleton), seen through mutation records. */
function watchLoading(root: ShadowRoot): {seen: () => boolean; stop: () => void} {
  let seen = false;
  const loading = (node: Node) =>
    node instanceof Element &&
    (node.matches('[aria-busy="true"], [part~="skeleton"], .skeleton, .pending') || node.querySelector('[aria-busy="true"], [part~="skeleton"], .skeleton, .pending') !== null);
  const check = (records: MutationRecord[]) => {
    for (const r of records) {
      if (r.type === 'attributes' && (r.oldValue === 'true' || (r.target as Element).getAttribute('aria-busy') === 'true')) seen = true;
      for (const node of r.addedNodes) if (loading(node)) seen = true;
    }
  };
  // Whatever is already there (the first render may have run before the observer).
  if ([...root.children].some(loading)) seen = true;
  const observer = new MutationObserver(check);
  observer.observe(root, {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true});
  return {
    seen: () => {
      check(observer.takeRecords());
      return seen;
    },
    stop: () => observer.disconnect(),
  };
}

function mountProvider(tenant: Tenant): ResellerProvider {
  const provider = document.createElement('reseller-provider');
  provider.token = tenant.token;
  document.body.append(provider);
  return provider;
}

const gets = async (tenant: Tenant, path: string) => (await requests(tenant.token)).filter((r) => r.method === 'GET' && r.path === path).length;
const barCount = (el: Element) => (el.shadowRoot!.querySelector('svg.chart path.bars')?.getAttribute('d') ?? '').split('M').length - 1;

/** Mounts `tag` with `attrs` in the provider, watching for a loading state from its first render on; resolves after its first update. */
async function mount<K extends 'reseller-usage-chart' | 'reseller-customer-table'>(provider: ResellerProvider, tag: K, attrs: Record<string, string> = {}) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  provider.append(el);
  const loading = watchLoading(el.shadowRoot!);
  await el.updateComplete;
  return {el, loading};
}

describe('warm cache: an element whose answer the client holds renders it in its first update', () => {
  it('a usage chart: bars in the first update, never a loading state, no request', async () => {
    const tenant = await createTenant({customers: 3});
    const to = utcToday();
    const from = daysBefore(to, 29);
    const provider = mountProvider(tenant);
    try {
      await provider.client.getUsage({from, to});
      await clearRequests(tenant.token);
      const {el, loading} = await mount(provider, 'reseller-usage-chart', {from, to, granularity: 'day'});
      expect(barCount(el), 'bars after the first update').to.equal(30);
      expect(el.shadowRoot!.querySelector('[part~="summary"]')?.textContent, 'the summary sentence').to.contain('audio hours and');
      await chartSettled(el);
      expect(loading.seen(), 'a loading state was rendered').to.equal(false);
      loading.stop();
      expect(await gets(tenant, '/usage'), 'GET /usage requests').to.equal(0);
    } finally {
      provider.remove();
    }
  });

  it('one customer’s chart: the quota and the bars in the first update, no request', async () => {
    const tenant = await createTenant({customers: 2});
    const to = utcToday();
    const from = daysBefore(to, 13);
    const provider = mountProvider(tenant);
    try {
      const id = (await provider.client.listCustomers({page: 1, per_page: 25, sort: 'id', order: 'asc'})).data[0]!.id;
      await provider.client.getCustomerUsage(id, {from, to});
      await clearRequests(tenant.token);
      const {el, loading} = await mount(provider, 'reseller-usage-chart', {from, to, granularity: 'day', 'customer-id': String(id)});
      expect(barCount(el), 'bars after the first update').to.equal(14);
      expect(el.shadowRoot!.querySelector('[part~="quota-label"]'), 'the quota after the first update').to.exist;
      await chartSettled(el);
      expect(loading.seen(), 'a loading state was rendered').to.equal(false);
      loading.stop();
      expect(await gets(tenant, `/customers/${id}/usage`), 'GET usage requests').to.equal(0);
    } finally {
      provider.remove();
    }
  });

  it('a customer table: rows in the first update, no skeleton, no request', async () => {
    const tenant = await createTenant({customers: 30});
    const provider = mountProvider(tenant);
    try {
      const page = await provider.client.listCustomers({page: 1, per_page: 25, sort: 'id', order: 'asc'});
      await clearRequests(tenant.token);
      const {el, loading} = await mount(provider, 'reseller-customer-table');
      expect(rowIds(el), 'rows after the first update').to.deep.equal(page.data.map((c) => c.id));
      await tableSettled(el);
      expect(loading.seen(), 'a loading state was rendered').to.equal(false);
      loading.stop();
      expect(await gets(tenant, '/customers'), 'GET /customers requests').to.equal(0);
    } finally {
      provider.remove();
    }
  });

  it('not cached: the chart shows its loading state, then the data, from one request', async () => {
    const tenant = await createTenant({customers: 3});
    const to = utcToday();
    const from = daysBefore(to, 29);
    const provider = mountProvider(tenant);
    try {
      await clearRequests(tenant.token);
      const {el, loading} = await mount(provider, 'reseller-usage-chart', {from, to, granularity: 'day'});
      expect(el.shadowRoot!.querySelector('[part~="chart-area"]')?.getAttribute('aria-busy'), 'busy after the first update').to.equal('true');
      await chartSettled(el);
      expect(barCount(el)).to.equal(30);
      expect(loading.seen()).to.equal(true);
      loading.stop();
      expect(await gets(tenant, '/usage'), 'GET /usage requests').to.equal(1);
    } finally {
      provider.remove();
    }
  });

  it('not cached: a customer table shows skeleton rows first, then the rows, from one request', async () => {
    const tenant = await createTenant({customers: 5});
    const provider = mountProvider(tenant);
    try {
      await clearRequests(tenant.token);
      const {el, loading} = await mount(provider, 'reseller-customer-table');
      expect($$(el, '[part~="skeleton"]').length, 'skeleton after the first update').to.be.greaterThan(0);
      await tableSettled(el);
      expect(rowIds(el).length).to.equal(5);
      expect(loading.seen()).to.equal(true);
      loading.stop();
      expect(await gets(tenant, '/customers'), 'GET /customers requests').to.equal(1);
    } finally {
      provider.remove();
    }
  });
});
