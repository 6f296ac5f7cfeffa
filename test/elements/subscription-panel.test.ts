/**
 * <reseller-subscription-panel> against the sandbox: the plan and its facts, the quota meter's
 * levels, changing plan through the confirmation (Enterprise asks for its minutes), a failed
 * change that keeps the selection, and the error / not-found / access states.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define/subscription-panel.js';
import '../../src/define/customer-form.js';
import '../../src/define/provider.js';
import type {Customer, Subscription} from '../../src/contract/schemas.js';
import type {ResellerSubscriptionPanel} from '../../src/elements/subscription-panel/subscription-panel.js';
import type {ResellerSubscriptionChangeEvent} from '../../src/events.js';
import type {ResellerToastEvent} from '../../src/events.js';
import {clearFaults, createTenant, requests, setFaults, type Tenant} from '../helpers/sandbox.js';
import {api, createCustomer} from '../helpers/api.js';
import {$, nextEvent, typeInto} from '../helpers/dom.js';

async function panelFor(tenant: Tenant | null, id: number, token?: string): Promise<ResellerSubscriptionPanel> {
  const el = await fixture<ResellerSubscriptionPanel>(html`<reseller-subscription-panel customer-id=${id} .token=${token ?? tenant?.token ?? null}></reseller-subscription-panel>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="facts"], [part~="state"]:not([part~="loading"])'), 'the panel settles', {timeout: 8000});
  await el.updateComplete;
  return el;
}

const text = (el: Element, part: string) => $(el, `[part~="${part}"]`).textContent!.replace(/\s+/g, ' ').trim();
const dialogOf = (el: Element) => $(el, 'reseller-confirm-dialog').shadowRoot!;
const dialogOpen = (el: Element) => !!dialogOf(el).querySelector('dialog')?.open;

async function choose(el: ResellerSubscriptionPanel, plan: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, '[part~="plan-select"]');
  select.focus();
  select.value = plan;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  await el.updateComplete;
}

async function submitAndAsk(el: ResellerSubscriptionPanel): Promise<string> {
  $<HTMLButtonElement>(el, '[part~="change-button"]').click();
  await waitUntil(() => dialogOpen(el), 'the confirmation opens');
  return dialogOf(el).textContent!.replace(/\s+/g, ' ');
}

async function newCustomer(tenant: Tenant, plan: Customer['plan'] = 'bronze', quota?: number) {
  return createCustomer(tenant, {name: 'Plan Test BV', email: `plan${Math.random().toString(36).slice(2)}@example.com`, plan, quota_minutes: quota});
}

describe('<reseller-subscription-panel>', () => {
  it('labels every plan as the New Customer form does (one label per plan), in Dutch too', async () => {
    const tenant = await createTenant({customers: 0});
    const customer = await newCustomer(tenant, 'enterprise', 25000);
    const page = await fixture<HTMLElement>(html`<reseller-provider locale="nl" .token=${tenant.token}>
      <reseller-customer-form inline></reseller-customer-form>
      <reseller-subscription-panel customer-id=${customer.id}></reseller-subscription-panel>
    </reseller-provider>`);
    const form = page.querySelector('reseller-customer-form')!;
    const panel = page.querySelector('reseller-subscription-panel')!;
    const labels = (el: Element, selector: string) => [...(el.shadowRoot!.querySelector<HTMLSelectElement>(selector)?.options ?? [])].map((o) => o.textContent!.trim());
    await waitUntil(() => labels(form, '#plan').length === 4 && labels(form, '#plan')[0]!.includes('minuten'), 'the form offers the plans in Dutch', {timeout: 8000});
    await waitUntil(() => labels(panel, '[part~="plan-select"]').length === 4 && labels(panel, '[part~="plan-select"]')[0]!.includes('minuten'), 'the panel offers the plans in Dutch', {timeout: 8000});
    expect(labels(form, '#plan')).to.deep.equal(['Brons – 500 minuten per maand', 'Zilver – 2.000 minuten per maand', 'Goud – 10.000 minuten per maand', 'Enterprise – eigen aantal minuten per maand']);
    expect(labels(panel, '[part~="plan-select"]')).to.deep.equal([...labels(form, '#plan').slice(0, 3), 'Enterprise – eigen aantal minuten per maand (Huidig)']);
  });

  it('shows the plan, monthly minutes, custom models, priority support, billing period and quota use; axe clean', async () => {
    const tenant = await createTenant({customers: 1});
    const customer = await newCustomer(tenant, 'gold');
    const sub = await api<Subscription>(tenant, 'GET', `/customers/${customer.id}/subscription`);
    const el = await panelFor(tenant, customer.id);
    expect(text(el, 'plan')).to.equal('Gold');
    expect(text(el, 'quota-minutes')).to.equal('10,000 minutes a month');
    expect(text(el, 'custom-models')).to.equal('Included');
    expect(text(el, 'priority-support')).to.equal('Included');
    const fmt = new Intl.DateTimeFormat('en', {dateStyle: 'medium'});
    expect(text(el, 'billing-period')).to.equal(`${fmt.format(new Date(sub.billing_period.start))} – ${fmt.format(new Date(sub.billing_period.end))}`);
    expect($(el, '[part~="meter"]').getAttribute('role')).to.equal('progressbar');
    expect($(el, '[part~="meter"]').getAttribute('aria-valuetext')).to.contain('of 10,000 minutes used');
    expect(text(el, 'quota-value')).to.contain('of 10,000 minutes used');
    const options = [...$<HTMLSelectElement>(el, '[part~="plan-select"]').options].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal([
      'Bronze – 500 minutes a month', 'Silver – 2,000 minutes a month', 'Gold – 10,000 minutes a month (Current)', 'Enterprise – custom monthly minutes',
    ]);
    expect($(el, '[part~="change-button"]').getAttribute('aria-disabled'), 'the current plan is no change').to.equal('true');
    await expect(el).to.be.accessible();

    const bronze = await panelFor(tenant, (await newCustomer(tenant, 'bronze')).id);
    expect(text(bronze, 'quota-minutes')).to.equal('500 minutes a month');
    expect(text(bronze, 'custom-models')).to.equal('Not included');
    expect(text(bronze, 'priority-support')).to.equal('Not included');
  });

  it('the meter warns above 80 % and alerts at 100 % (the exact boundaries: quota-meter.test.ts)', async () => {
    const tenant = await createTenant({customers: 12});
    const page = await api<{data: Customer[]}>(tenant, 'GET', '/customers?per_page=25');
    const busy = page.data.find((c) => c.usage.transcription_minutes >= 20)!;
    expect(busy, 'a seeded customer with usage').to.exist;
    const used = busy.usage.transcription_minutes;
    // An Enterprise quota the use fills to about 90 % (warning), then one it exceeds (alert).
    await api(tenant, 'PUT', `/customers/${busy.id}/subscription`, {plan: 'enterprise', quota_minutes: Math.ceil(used / 0.9)});
    const warning = await panelFor(tenant, busy.id);
    expect($(warning, '[part~="quota"]').dataset.level).to.equal('warning');
    expect(text(warning, 'quota-status')).to.equal('Above 80 % of the monthly quota.');
    await expect(warning).to.be.accessible();
    await api(tenant, 'PUT', `/customers/${busy.id}/subscription`, {plan: 'enterprise', quota_minutes: Math.max(1, Math.floor(used / 2))});
    const alert = await panelFor(tenant, busy.id);
    expect($(alert, '[part~="quota"]').dataset.level).to.equal('alert');
    expect(text(alert, 'quota-status')).to.equal('The monthly quota is used up.');
    await expect(alert).to.be.accessible();
  });

  it('changes plan after a confirmation that shows the new quota; toast and event; the server has it', async () => {
    const tenant = await createTenant({customers: 1});
    const customer = await newCustomer(tenant, 'bronze');
    const el = await panelFor(tenant, customer.id);
    await choose(el, 'silver');
    expect($(el, '[part~="change-button"]').getAttribute('aria-disabled')).to.equal('false');
    const message = await submitAndAsk(el);
    expect(message).to.contain('Change Plan Test BV to Silver?');
    expect(message).to.contain('New monthly quota: 2,000 minutes (now 500).');
    expect(message).to.contain('Custom models: Not included. Priority support: Not included.');
    const changed = nextEvent<ResellerSubscriptionChangeEvent>(el, 'reseller-subscription-change');
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    dialogOf(el).querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    expect((await changed).detail.subscription).to.include({plan: 'silver', quota_minutes: 2000});
    expect((await toast).detail.message).to.equal('Plan Test BV is now on the Silver plan.');
    await el.updateComplete;
    expect(text(el, 'plan')).to.equal('Silver');
    expect(text(el, 'quota-minutes')).to.equal('2,000 minutes a month');
    expect((await api<Subscription>(tenant, 'GET', `/customers/${customer.id}/subscription`)).plan).to.equal('silver');
  });

  it('Enterprise asks for the monthly minutes (checked before the confirmation), then shows them in it', async () => {
    const tenant = await createTenant({customers: 1});
    const customer = await newCustomer(tenant, 'gold');
    const el = await panelFor(tenant, customer.id);
    await choose(el, 'enterprise');
    const quota = $<HTMLInputElement>(el, '[part~="quota-input"]');
    expect(quota).to.exist;
    $<HTMLButtonElement>(el, '[part~="change-button"]').click();
    await el.updateComplete;
    expect(text(el, 'field-error')).to.equal('Enter the monthly minutes for the Enterprise plan.');
    expect(quota.getAttribute('aria-invalid')).to.equal('true');
    expect(dialogOpen(el)).to.be.false;
    await expect(el).to.be.accessible();
    await typeInto(quota, '25000');
    const message = await submitAndAsk(el);
    expect(message).to.contain('New monthly quota: 25,000 minutes (now 10,000).');
    dialogOf(el).querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => text(el, 'plan') === 'Enterprise', 'changed');
    expect(text(el, 'quota-minutes')).to.contain('25,000 minutes a month');
    expect(await api<Subscription>(tenant, 'GET', `/customers/${customer.id}/subscription`)).to.include({plan: 'enterprise', quota_minutes: 25000});
  });

  it('a failed change keeps the selection and says why; cancelling sends nothing', async () => {
    const tenant = await createTenant({customers: 1});
    const customer = await newCustomer(tenant, 'bronze');
    const el = await panelFor(tenant, customer.id);
    await choose(el, 'gold');
    await submitAndAsk(el);
    dialogOf(el).querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await waitUntil(() => !dialogOpen(el), 'cancelled');
    expect((await requests(tenant.token)).filter((r) => r.method === 'PUT')).to.have.length(0);

    await setFaults(tenant.token, [{method: 'PUT', path: `/customers/${customer.id}/subscription`, status: 500}]);
    await submitAndAsk(el);
    dialogOf(el).querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="alert"]'), 'the failure shows');
    expect(text(el, 'alert')).to.contain('The plan was not changed. The server had a problem.');
    expect($<HTMLSelectElement>(el, '[part~="plan-select"]').value, 'selection kept').to.equal('gold');
    expect(text(el, 'plan')).to.equal('Bronze');
    await expect(el).to.be.accessible();
    await clearFaults(tenant.token);
    await submitAndAsk(el);
    dialogOf(el).querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => text(el, 'plan') === 'Gold', 'changed on the second try');
    expect(el.shadowRoot!.querySelector('[part~="alert"]')).to.equal(null);
  });

  it('states: load error with retry, not found, reseller access required; axe clean', async () => {
    const tenant = await createTenant({customers: 1});
    const customer = await newCustomer(tenant, 'silver');
    await setFaults(tenant.token, [{method: 'GET', path: `/customers/${customer.id}/subscription`, status: 500}]);
    const el = await panelFor(tenant, customer.id);
    expect(text(el, 'error')).to.contain('Could not load the subscription.');
    await expect(el).to.be.accessible();
    await clearFaults(tenant.token);
    $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="plan"]')?.textContent === 'Silver', 'loaded after retry', {timeout: 5000});

    const missing = await panelFor(tenant, 987654321);
    expect(text(missing, 'not-found')).to.contain('Customer not found');
    await expect(missing).to.be.accessible();

    const resellee = await panelFor(null, customer.id, tenant.reselleeToken);
    expect(text(resellee, 'access-required')).to.contain('Reseller access required');
    await expect(resellee).to.be.accessible();
  });
});
