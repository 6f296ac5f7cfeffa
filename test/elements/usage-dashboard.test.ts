/** <reseller-usage-dashboard> against the sandbox: totals and change, top customers (open event), near quota, range from the chart, states. */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define/usage-dashboard.js';
import type {AggregateUsage} from '../../src/contract/schemas.js';
import type {ResellerUsageDashboard} from '../../src/elements/usage-dashboard/usage-dashboard.js';
import type {ResellerCustomerOpenEvent, ResellerStateChangeEvent} from '../../src/events.js';
import {presetRange, previousRange} from '../../src/usage/dates.js';
import {clearFaults, clearRequests, requests, setFaults} from '../helpers/sandbox.js';
import {$, $$, api, createTenant, nextEvent, settled, type Tenant} from './usage-chart.helpers.js';

async function dashboardFor(tenant: Tenant, attrs: Record<string, string> = {}, token = tenant.token): Promise<ResellerUsageDashboard> {
  const el = document.createElement('reseller-usage-dashboard');
  el.token = token;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  await fixture(html`<div>${el}</div>`);
  await dashboardSettled(el);
  return el;
}

async function dashboardSettled(el: ResellerUsageDashboard) {
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="state"], .totals-section .change, [part~="near-quota"]') && !el.shadowRoot!.querySelector('[part~="totals"][aria-hidden]'), 'dashboard settles', {timeout: 10_000});
  const chart = el.shadowRoot!.querySelector('reseller-usage-chart');
  if (chart) await settled(chart);
  await el.updateComplete;
}

const total = (el: Element, key: string) => $(el, `[data-total="${key}"]`);
const hours = (minutes: number) => new Intl.NumberFormat('en', {minimumFractionDigits: 1, maximumFractionDigits: 1}).format(minutes / 60);

describe('<reseller-usage-dashboard>', () => {
  it('totals for the range with the change against the previous period; top customers; near quota by percentage; axe clean', async () => {
    const tenant = await createTenant({customers: 25});
    const el = await dashboardFor(tenant);
    const range = presetRange('last30Days');
    const now = await api<AggregateUsage>(tenant, 'GET', `/usage?from=${range.from}&to=${range.to}`);
    const prev = previousRange(range);
    const before = await api<AggregateUsage>(tenant, 'GET', `/usage?from=${prev.from}&to=${prev.to}`);

    expect(total(el, 'hours').querySelector('.total-value')!.textContent).to.equal(hours(now.totals.audio_minutes));
    const pct = (a: number, b: number) => new Intl.NumberFormat('en', {style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1}).format((a - b) / b);
    expect(total(el, 'hours').querySelector('.total-change')!.textContent!.trim()).to.equal(`${pct(now.totals.audio_minutes, before.totals.audio_minutes)} vs. the previous period`);
    expect(total(el, 'transcriptions').querySelector('.total-value')!.textContent).to.equal(new Intl.NumberFormat('en').format(now.totals.transcriptions));
    const active = now.customers.filter((c) => c.audio_minutes > 0 || c.transcriptions > 0).length;
    expect(total(el, 'customers').querySelector('.total-value')!.textContent).to.equal(String(active));

    const top = $$(el, '[part~="top-customers"] tbody tr').map((tr) => Number(tr.dataset.id));
    expect(top).to.deep.equal(now.customers.filter((c) => c.audio_minutes > 0).slice(0, 10).map((c) => c.customer_id));

    const near = now.customers.filter((c) => c.quota_minutes > 0 && c.usage_percent > 80).sort((a, b) => b.usage_percent - a.usage_percent || a.customer_id - b.customer_id);
    // The first ten, then every one after "Show all (N)".
    const nearIds = () => $$(el, '[part~="near-quota"] tbody tr').map((tr) => Number(tr.dataset.id));
    expect(nearIds()).to.deep.equal(near.slice(0, 10).map((c) => c.customer_id));
    const showAll = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="show-all-button"]');
    expect(!!showAll, 'a "Show all" button exactly when more than ten are above 80 %').to.equal(near.length > 10);
    if (showAll) {
      expect(showAll.textContent!.trim()).to.equal(`Show all (${near.length})`);
      expect(showAll.getAttribute('aria-expanded')).to.equal('false');
      showAll.click();
      await el.updateComplete;
      expect(nearIds()).to.deep.equal(near.map((c) => c.customer_id));
      expect(showAll.getAttribute('aria-expanded')).to.equal('true');
      expect(showAll.textContent!.trim()).to.equal('Show the first 10');
    }
    const rows = $$(el, '[part~="near-quota"] tbody tr');
    if (near.length) {
      // Usage against the quota counts from the 1st of the month, so on some days no customer is near it.
      const plans = {bronze: 'Bronze', silver: 'Silver', gold: 'Gold', enterprise: 'Enterprise (custom quota)'};
      expect(rows.map((tr) => [tr.querySelector('td')!.textContent!.trim(), tr.querySelector('.badge')!.textContent!.trim()])).to.deep.equal(
        near.map((c) => [plans[c.plan], c.usage_percent >= 100 ? 'Over quota' : 'Near quota']),
      );
    } else {
      expect($(el, '[part~="near-quota"]').textContent).to.contain('No customer is above 80 %');
    }
    await expect(el).to.be.accessible();
  });

  it('a customer click fires the cancelable open event with id and href (detail-href)', async () => {
    const tenant = await createTenant({customers: 10});
    const el = await dashboardFor(tenant, {'detail-href': '#/customers/{id}'});
    const link = $<HTMLAnchorElement>(el, '[part~="top-customers"] tbody tr a');
    const id = Number(link.closest('tr')!.dataset.id);
    expect(link.getAttribute('href')).to.equal(`#/customers/${id}`);
    const opened = nextEvent<ResellerCustomerOpenEvent>(el, 'reseller-customer-open');
    el.addEventListener('reseller-customer-open', (e) => e.preventDefault(), {once: true});
    const hash = location.hash;
    link.click();
    const event = await opened;
    expect(event.detail).to.deep.equal({id, href: `#/customers/${id}`});
    expect(event.cancelable).to.equal(true);
    expect(location.hash).to.equal(hash);
  });

  it('changing the range in the chart updates the totals, reflects on the dashboard, one GET /usage per range', async () => {
    const tenant = await createTenant({customers: 8});
    const el = await dashboardFor(tenant);
    await clearRequests(tenant.token);
    const chart = $(el, 'reseller-usage-chart');
    const select = chart.shadowRoot!.querySelector<HTMLSelectElement>('[part~="range"]')!;
    const changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
    select.value = 'last90Days';
    select.dispatchEvent(new Event('change'));
    const range = presetRange('last90Days');
    expect((await changed).detail).to.deep.include({...range, granularity: 'week'});
    await waitUntil(() => el.getAttribute('from') === range.from && el.usage?.from === range.from, 'the dashboard follows the range');
    await dashboardSettled(el);
    const now = await api<AggregateUsage>(tenant, 'GET', `/usage?from=${range.from}&to=${range.to}`);
    expect(total(el, 'hours').querySelector('.total-value')!.textContent).to.equal(hours(now.totals.audio_minutes));
    const log = (await requests(tenant.token)).filter((r) => r.method === 'GET' && r.path.endsWith('/usage') && r.query.includes(`from=${range.from}`));
    expect(log, JSON.stringify(log)).to.have.length(2); // the dashboard + chart (shared, deduplicated), then the check above
  });

  it('an error with retry, and "reseller access required"; axe clean', async () => {
    const tenant = await createTenant({customers: 3});
    await setFaults(tenant.token, [{method: 'GET', path: '/usage', status: 500}]);
    const el = await dashboardFor(tenant);
    expect($(el, '[part~="error"]').textContent).to.contain('Could not load the usage overview.');
    await expect(el).to.be.accessible();
    await clearFaults(tenant.token);
    $(el, '[part~="retry-button"]').click();
    await waitUntil(() => el.usage, 'reloaded');
    await dashboardSettled(el);
    expect(el.shadowRoot!.querySelector('[slot="summary"] [part~="error"]')).to.equal(null);

    const denied = await dashboardFor(tenant, {}, tenant.reselleeToken);
    expect($(denied, '[part~="access-required"]').textContent).to.contain('Reseller access required');
    await expect(denied).to.be.accessible();
  });
});
