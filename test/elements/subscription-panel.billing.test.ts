/**
 * <reseller-subscription-panel>'s billing against the sandbox: the plan's price, the current
 * period's amount and how it is made up (overage at the per-minute rate), the history table equal
 * to `GET /customers/{id}/billing`, its CSV, Enterprise "by contract", money in the element's
 * locale, and the billing's own loading / error + retry / empty states (a failed billing read
 * leaves the plan in place).
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define/subscription-panel.js';
import '../../src/define/provider.js';
import type {Billing, Customer, Plan} from '../../src/contract/schemas.js';
import type {ResellerSubscriptionPanel} from '../../src/elements/subscription-panel/subscription-panel.js';
import {parseCsv} from '../../src/usage/csv.js';
import {clearFaults, createTenant, createTranscript, setFaults, type Tenant} from '../helpers/sandbox.js';
import {api, createCustomer} from '../helpers/api.js';
import {$, $$, nextFileDownload} from '../helpers/dom.js';
import {mountAt, resize} from '../helpers/layout.js';

const BILLED = '[part~="billing-current"], [part~="billing"] [part~="state"]:not([part~="loading"])';

async function panelFor(tenant: Tenant, id: number, locale?: string): Promise<ResellerSubscriptionPanel> {
  const host = await fixture<HTMLElement>(locale
    ? html`<reseller-provider locale=${locale} .token=${tenant.token}><reseller-subscription-panel customer-id=${id}></reseller-subscription-panel></reseller-provider>`
    : html`<div><reseller-subscription-panel customer-id=${id} .token=${tenant.token}></reseller-subscription-panel></div>`);
  const el = host.querySelector('reseller-subscription-panel')!;
  // The first panel of the file also waits for the lazy billing module to be compiled and served
  // (at load ~30 that took more than 10 s once).
  await waitUntil(() => el.shadowRoot!.querySelector(BILLED), 'the billing section settles', {timeout: 25_000});
  await el.updateComplete;
  return el;
}

const text = (el: Element, part: string) => $(el, `[part~="${part}"]`).textContent!.replace(/\s+/g, ' ').trim();
const money = (n: number, currency: string, locale = 'en', digits?: number) =>
  // As text() reads it: a no-break space (nl "€ 149,00") as a plain one.
  new Intl.NumberFormat(locale, {style: 'currency', currency, ...(digits ? {maximumFractionDigits: digits} : {})}).format(n).replace(/\s+/g, ' ');
const rows = (el: Element) => $$(el, '[part~="history-row"]').map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));

/** The tenant's customer registered longest ago (a year of history). */
async function oldest(tenant: Tenant): Promise<Customer> {
  return (await api<{data: Customer[]}>(tenant, 'GET', '/customers?sort=created_at&order=asc&per_page=25')).data[0]!;
}

describe('<reseller-subscription-panel> billing', function () {
  this.timeout(40_000);
  it('shows the price, the amount so far with its overage, and every past period as the API answers; axe clean', async () => {
    const tenant = await createTenant({customers: 3});
    const customer = await oldest(tenant);
    await api(tenant, 'PUT', `/customers/${customer.id}/subscription`, {plan: 'bronze'});
    // 600 more minutes today: Bronze includes 500, so the period runs over.
    await createTranscript(tenant.token, {customer_id: customer.id, title: 'Long hearing', status: 'done', duration_seconds: 36_000});
    const billing = await api<Billing>(tenant, 'GET', `/customers/${customer.id}/billing`);
    const bronze = (await api<{data: Plan[]}>(tenant, 'GET', '/plans')).data.find((p) => p.id === 'bronze')!;
    expect(billing.current.minutes).to.be.above(600);
    expect(billing.history.length).to.equal(12);

    const el = await panelFor(tenant, customer.id);
    expect(text(el, 'price')).to.equal(`${money(bronze.monthly_price!, 'EUR')} a month`);
    expect(text(el, 'current-amount')).to.equal(money(billing.current.amount!, 'EUR'));
    const over = Math.round((billing.current.minutes - 500) * 10) / 10;
    expect(text(el, 'included-minutes')).to.equal('500 min');
    expect(text(el, 'over-minutes')).to.equal(`${over.toLocaleString('en')} min`);
    expect(text(el, 'overage-rate')).to.equal(money(0.12, 'EUR', 'en', 4));
    // The amount is the price plus the minutes over at the rate, to the cent.
    expect(billing.current.amount).to.equal(Math.round((49 + over * 0.12) * 100) / 100);

    expect(rows(el)).to.deep.equal(billing.history.map((l) => [
      new Intl.DateTimeFormat('en', {year: 'numeric', month: 'long', timeZone: 'UTC'}).format(new Date(`${l.period.start}T00:00:00Z`)),
      'Bronze', l.minutes.toLocaleString('en', {maximumFractionDigits: 1}), money(l.amount!, 'EUR'), l.status === 'paid' ? 'Paid' : 'Invoiced',
    ]));
    expect($(el, '[part~="history"]').getAttribute('aria-labelledby')).to.equal('history-heading');
    await expect(el).to.be.accessible();
  });

  it('the history is a table from 480 px of the panel\'s width and stacked labelled lines below', async () => {
    const tenant = await createTenant({customers: 2});
    const customer = await oldest(tenant);
    const el = document.createElement('reseller-subscription-panel');
    el.token = tenant.token;
    el.customerId = customer.id;
    const {box} = await mountAt(el, 1024);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="history-row"]'), 'the history', {timeout: 10_000});
    const head = () => $(el, '[part~="history"] thead').getBoundingClientRect();
    const amountCell = () => $(el, '[part~="history-row"] td:nth-of-type(3)');
    expect(head().height).to.be.above(10);
    expect(getComputedStyle(amountCell(), '::before').content).to.equal('none');
    await resize(box, 320);
    await waitUntil(() => head().height <= 1, 'the header row hidden at 320 px');
    // Each value says its column (for sight; screen readers keep the table's headers).
    // (Firefox reports the computed content unresolved, `attr(data-label) ": "`, so check both halves.)
    expect(amountCell().dataset.label).to.equal('Amount');
    expect(getComputedStyle(amountCell(), '::before').content).to.not.equal('none');
    expect(getComputedStyle($(el, '[part~="history-row"]')).display).to.equal('flex');
  });

  it('downloads the history as CSV: the API\'s lines, machine values, newest first', async () => {
    const tenant = await createTenant({customers: 3});
    const customer = await oldest(tenant);
    const billing = await api<Billing>(tenant, 'GET', `/customers/${customer.id}/billing`);
    const el = await panelFor(tenant, customer.id);
    const download = nextFileDownload();
    $<HTMLButtonElement>(el, '[part~="csv-button"]').click();
    const {name, text: csv} = await download;
    expect(name).to.equal(`billing_${customer.id}_${billing.history.at(-1)!.period.start}_${billing.history[0]!.period.end}.csv`);
    expect(csv.charCodeAt(0)).to.not.equal(0xfeff, 'UTF-8 without a BOM, like the usage export');
    const [head, ...lines] = parseCsv(csv);
    expect(head).to.deep.equal(['period_start', 'period_end', 'plan', 'minutes', 'amount', 'currency', 'status']);
    expect(lines).to.deep.equal(billing.history.map((l) => [l.period.start, l.period.end, l.plan, String(l.minutes), l.amount === null ? '' : String(l.amount), 'EUR', l.status]));
  });

  it('Enterprise: the price and the amount are "By contract", no overage lines', async () => {
    const tenant = await createTenant({customers: 2});
    const customer = await oldest(tenant);
    await api(tenant, 'PUT', `/customers/${customer.id}/subscription`, {plan: 'enterprise', quota_minutes: 25_000});
    const el = await panelFor(tenant, customer.id);
    expect(text(el, 'price')).to.equal('By contract');
    expect(text(el, 'current-amount')).to.equal('By contract');
    expect(el.shadowRoot!.querySelector('[part~="over-minutes"], [part~="overage-rate"]')).to.equal(null);
    expect(rows(el).every((r) => r[3] === 'By contract' && r[1] === 'Enterprise')).to.equal(true);
  });

  it('money in the element\'s locale (Dutch, Arabic)', async () => {
    const tenant = await createTenant({customers: 2});
    const customer = await oldest(tenant);
    await api(tenant, 'PUT', `/customers/${customer.id}/subscription`, {plan: 'silver'});
    const billing = await api<Billing>(tenant, 'GET', `/customers/${customer.id}/billing`);
    for (const locale of ['nl', 'ar']) {
      const el = await panelFor(tenant, customer.id, locale);
      await waitUntil(() => text(el, 'current-amount') === money(billing.current.amount!, 'EUR', locale), `the amount in ${locale}`, {timeout: 8000});
      expect(text(el, 'price')).to.contain(money(149, 'EUR', locale));
      expect(rows(el)[0]![3]).to.equal(money(billing.history[0]!.amount!, 'EUR', locale));
    }
  });

  it('a new customer: no past periods (the empty state, no CSV button)', async () => {
    const tenant = await createTenant({customers: 0});
    const customer = await createCustomer(tenant, {name: 'Fresh Start BV', email: 'fresh@example.com', plan: 'gold'});
    const el = await panelFor(tenant, customer.id);
    expect(text(el, 'current-amount')).to.equal(money(499, 'EUR'));
    expect(text(el, 'billing')).to.contain('No past billing periods yet');
    expect(el.shadowRoot!.querySelector('[part~="csv-button"], [part~="history"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a failed billing read keeps the plan; its own error retries', async () => {
    const tenant = await createTenant({customers: 2});
    const customer = await oldest(tenant);
    await setFaults(tenant.token, [{method: 'GET', path: '/customers/*/billing', status: 500}]);
    const el = await panelFor(tenant, customer.id);
    expect(text(el, 'billing')).to.contain('Could not load the billing.');
    expect(text(el, 'plan')).to.not.equal('');
    expect(el.shadowRoot!.querySelector('[part~="change-form"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await clearFaults(tenant.token);
    $<HTMLButtonElement>(el, '[part~="billing"] [part~="retry-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="history-row"]'), 'the history after the retry', {timeout: 8000});
    expect(el.shadowRoot!.querySelector('[part~="billing"] [part~="error"]')).to.equal(null);
  });

  it('a plan change updates the current period\'s amount', async () => {
    const tenant = await createTenant({customers: 2});
    const customer = await oldest(tenant);
    await api(tenant, 'PUT', `/customers/${customer.id}/subscription`, {plan: 'bronze'});
    const el = await panelFor(tenant, customer.id);
    const select = $<HTMLSelectElement>(el, '[part~="plan-select"]');
    select.value = 'gold';
    select.dispatchEvent(new Event('change', {bubbles: true}));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="change-button"]').click();
    const dialog = $(el, 'reseller-confirm-dialog').shadowRoot!;
    await waitUntil(() => dialog.querySelector('dialog')?.open, 'the confirmation opens');
    dialog.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    const billing = () => api<Billing>(tenant, 'GET', `/customers/${customer.id}/billing`);
    await waitUntil(() => text(el, 'price').startsWith(money(499, 'EUR')), 'the Gold price', {timeout: 8000});
    const expected = money((await billing()).current.amount!, 'EUR');
    await waitUntil(() => text(el, 'current-amount') === expected, `the amount on Gold (${expected})`, {timeout: 8000});
  });
});
