/**
 * `<reseller-customer-form>` against the sandbox: every test on its own tenant, keyboard through
 * `sendKeys`, checks on what the operator sees (messages, focus, values) and on what reached the
 * server (the created customer, the request log).
 */
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/customer-form.js';
import type {ResellerCustomerForm} from '../../src/elements/customer-form/customer-form.js';
import type {ResellerPhoneField} from '../../src/elements/phone-field/phone-field.js';
import type {Customer, CustomerPage} from '../../src/contract/schemas.js';
import type {ResellerCustomerCreatedEvent, ResellerToastEvent} from '../../src/events.js';
import {validateDraft, type Translate} from '../../src/elements/customer-form/customer-draft.js';
import {en} from '../../src/i18n/en.js';
import {interpolate} from '../../src/i18n/translate.js';
import {createTenant, requests, setFaults, clearFaults, type Tenant} from '../helpers/sandbox.js';
import {api} from '../helpers/api.js';
import {waitFor} from '../helpers/wait.js';
import {$, fieldError, focused, nextEvent, typeInto} from '../helpers/dom.js';

// ---- helpers ------------------------------------------------------------------------------------

interface Mounted {
  form: ResellerCustomerForm;
  opener: HTMLButtonElement;
  tenant: Tenant;
}

/** A "New Customer" button and the form (own token), as a host portal would place them. */
async function mount(options: {inline?: boolean; tenant?: Tenant} = {}): Promise<Mounted> {
  const tenant = options.tenant ?? (await createTenant({customers: 3}));
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="opener" type="button">New Customer</button>
    <reseller-customer-form .token=${tenant.token} ?inline=${options.inline ?? false}></reseller-customer-form>
  </div>`);
  const form = wrapper.querySelector('reseller-customer-form')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.addEventListener('click', () => form.open());
  await form.updateComplete;
  return {form, opener, tenant};
}

/** Opens the form the way an operator does: focus the button, press Enter. */
async function openByKeyboard({form, opener}: Mounted): Promise<void> {
  opener.focus();
  await sendKeys({press: 'Enter'});
  await waitFor(() => dialog(form).open, 'the dialog opens');
  await form.updateComplete;
}

const dialog = (form: Element) => $<HTMLDialogElement>(form, 'dialog');
const input = (form: Element, id: 'name' | 'email' | 'quota') => $<HTMLInputElement>(form, `#${id}`);
const phoneField = (form: Element) => $<ResellerPhoneField>(form, 'reseller-phone-field');
const phoneInput = (form: Element) => phoneField(form).shadowRoot!.querySelector('input')!;
const planSelect = (form: Element) => $<HTMLSelectElement>(form, '#plan');
const submit = (form: Element) => $<HTMLButtonElement>(form, '[part~="submit"]');
const alertBox = (form: Element) => form.shadowRoot!.querySelector<HTMLElement>('[part~="alert"]');

/** The error text that the field's aria-describedby points to ('' when none). */
function errorOf(form: Element, field: 'name' | 'email' | 'quota' | 'phone'): string {
  return fieldError(field === 'phone' ? phoneInput(form) : input(form, field));
}

async function fill(form: ResellerCustomerForm, values: {name?: string; email?: string; phone?: string}): Promise<void> {
  if (values.name) await typeInto(input(form, 'name'), values.name);
  if (values.email) await typeInto(input(form, 'email'), values.email);
  if (values.phone) await typeInto(phoneField(form), values.phone);
}

/** Chooses a plan as the select does for a user (value + change). */
async function choosePlan(form: ResellerCustomerForm, plan: string): Promise<void> {
  const select = planSelect(form);
  select.focus();
  select.value = plan;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  await form.updateComplete;
}

const total = async (tenant: Tenant) => (await api<CustomerPage>(tenant, 'GET', '/customers?per_page=25')).total;
const creates = async (tenant: Tenant) => (await requests(tenant.token)).filter((r) => r.method === 'POST' && r.path === '/customers');

const toastMessages = () => document.querySelector('reseller-toast-region')?.toasts.map((t) => t.message) ?? [];

// ---- tests --------------------------------------------------------------------------------------

describe('<reseller-customer-form>', () => {
  it('opens as a modal dialog from the keyboard; Escape closes it and focus returns to the opener', async () => {
    const m = await mount();
    expect(dialog(m.form).open).to.be.false;
    await openByKeyboard(m);
    expect(dialog(m.form).matches(':modal'), 'modal (top layer)').to.be.true;
    expect(m.form.hasAttribute('open')).to.be.true;
    expect(focused()).to.equal(input(m.form, 'name'));

    await sendKeys({press: 'Escape'});
    // The dialog closes and focus returns at once; the element hears the dialog's `close` event a task later.
    await waitFor(() => !dialog(m.form).open && document.activeElement === m.opener && !m.form.opened, 'closed, focus back on the opener');
    expect(m.form.hasAttribute('open')).to.be.false;

    // Cancel (keyboard) closes it too.
    await openByKeyboard(m);
    $<HTMLButtonElement>(m.form, '[part~="cancel"]').focus();
    await sendKeys({press: 'Enter'});
    await waitFor(() => !dialog(m.form).open && document.activeElement === m.opener, 'Cancel closes');
  });

  it('shows the required and email-format messages next to the fields and focuses the first invalid one', async () => {
    const m = await mount();
    await openByKeyboard(m);
    await sendKeys({press: 'Enter'}); // submit the empty form from the Name field
    await waitFor(() => errorOf(m.form, 'name') !== '', 'name error shown');
    expect(errorOf(m.form, 'name')).to.equal('Enter the customer’s name.');
    expect(errorOf(m.form, 'email')).to.equal('Enter an email address.');
    expect(input(m.form, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(input(m.form, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(m.form, 'phone'), 'phone is optional').to.equal('');
    expect(focused()).to.equal(input(m.form, 'name'));

    await fill(m.form, {name: 'Acme BV', email: 'jane@'});
    await sendKeys({press: 'Enter'});
    await waitFor(() => errorOf(m.form, 'email') === 'Enter a valid email address, e.g. name@example.com.', 'format error');
    expect(errorOf(m.form, 'name'), 'fixed field no longer in error').to.equal('');
    expect(input(m.form, 'name').getAttribute('aria-invalid')).to.equal('false');
    expect(focused()).to.equal(input(m.form, 'email'));
    expect(await creates(m.tenant), 'nothing was sent').to.have.length(0);
  });

  it('reads 06 12345678 as Dutch, formats it as typed, and stores +31612345678; event, toast and close', async () => {
    const m = await mount();
    await openByKeyboard(m);
    await fill(m.form, {name: 'Bakkerij de Vries', email: 'info@devries.example'});
    await typeInto(phoneField(m.form), '0612345678');
    await waitFor(() => phoneInput(m.form).value === '06 12345678', `formatted as typed (got "${phoneInput(m.form).value}")`);

    const toast = nextEvent<ResellerToastEvent>(document, 'reseller-toast');
    const created = nextEvent<ResellerCustomerCreatedEvent>(document, 'reseller-customer-created');
    await sendKeys({press: 'Enter'}); // Enter in the phone field submits
    const event = await created;
    const customer = event.detail.customer;
    expect(event.bubbles && event.composed).to.be.true;
    expect(customer).to.include({name: 'Bakkerij de Vries', email: 'info@devries.example', phone: '+31612345678', status: 'active', plan: 'bronze'});
    expect(customer.id).to.be.a('number');

    const stored = await api<Customer>(m.tenant, 'GET', `/customers/${customer.id}`);
    expect(stored.phone).to.equal('+31612345678');
    expect(stored.status).to.equal('active');

    expect((await toast).detail).to.deep.equal({message: 'Customer Bakkerij de Vries created.', kind: 'success'});
    expect(toastMessages()).to.include('Customer Bakkerij de Vries created.');
    await waitFor(() => !dialog(m.form).open && document.activeElement === m.opener, 'closed, focus on the opener');

    // A successful create clears the draft: the next open starts empty.
    await openByKeyboard(m);
    expect(input(m.form, 'name').value).to.equal('');
    expect(phoneInput(m.form).value).to.equal('');
  });

  it('rejects an invalid phone number with a message next to it and focuses it', async () => {
    const m = await mount();
    await openByKeyboard(m);
    await fill(m.form, {name: 'Acme BV', email: 'ops@acme.example', phone: '12345'});
    submit(m.form).click();
    await waitFor(() => errorOf(m.form, 'phone') !== '', 'phone error');
    expect(errorOf(m.form, 'phone')).to.equal('Enter a valid phone number, e.g. +31 6 12345678.');
    expect(phoneInput(m.form).getAttribute('aria-invalid')).to.equal('true');
    expect(focused()).to.equal(phoneInput(m.form));
    expect(await creates(m.tenant)).to.have.length(0);
  });

  it('shows the server’s 422 field error (email_taken) next to the field in the kit’s words and stays open', async () => {
    const m = await mount();
    const existing = (await api<CustomerPage>(m.tenant, 'GET', '/customers')).data[0]!;
    await openByKeyboard(m);
    await fill(m.form, {name: 'Copycat', email: existing.email});
    submit(m.form).click();
    await waitFor(() => errorOf(m.form, 'email') !== '', 'server field error');
    expect(errorOf(m.form, 'email'), 'from the field code email_taken').to.equal('This email address is already in use.');
    expect(input(m.form, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(dialog(m.form).open).to.be.true;
    expect(focused()).to.equal(input(m.form, 'email'));
    expect(input(m.form, 'name').value).to.equal('Copycat');
    expect((await creates(m.tenant)).map((r) => r.status)).to.deep.equal([422]);
    await expect(m.form).to.be.accessible();
  });

  it('a 500 keeps every typed value and says so from its code (not in the server’s words); Escape and reopen keep the draft', async () => {
    const m = await mount();
    await setFaults(m.tenant.token, [{method: 'POST', path: '/customers', status: 500}]);
    await openByKeyboard(m);
    await fill(m.form, {name: 'Grote Klant NV', email: 'it@grote.example', phone: '+32 470 12 34 56'});
    await choosePlan(m.form, 'enterprise');
    await typeInto(input(m.form, 'quota'), '25000');
    submit(m.form).click();
    await waitFor(() => alertBox(m.form), 'failure shown');
    const alert = alertBox(m.form)!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('The customer was not created.');
    expect(alert.textContent).to.contain('The server had a problem. Try again in a moment.'); // code `internal`
    expect(alert.textContent, 'the server’s English only for an unknown code').not.to.contain('Injected fault');
    expect(dialog(m.form).open).to.be.true;
    const values = () => [input(m.form, 'name').value, input(m.form, 'email').value, phoneInput(m.form).value, planSelect(m.form).value, input(m.form, 'quota').value];
    const typed = ['Grote Klant NV', 'it@grote.example', '+32 470 12 34 56', 'enterprise', '25000'];
    expect(values()).to.deep.equal(typed);
    await expect(m.form).to.be.accessible();

    await sendKeys({press: 'Escape'});
    await waitFor(() => !dialog(m.form).open, 'closed');
    await openByKeyboard(m);
    expect(values(), 'the draft survives closing').to.deep.equal(typed);

    // The retry of the same submission reuses its Idempotency-Key, and creates the customer once.
    await clearFaults(m.tenant.token);
    const created = nextEvent<ResellerCustomerCreatedEvent>(m.form, 'reseller-customer-created');
    submit(m.form).click();
    const {customer} = (await created).detail;
    expect(customer).to.include({plan: 'enterprise', phone: '+32470123456'});
    expect(customer.usage.quota_minutes).to.equal(25000);
    const posts = await creates(m.tenant);
    expect(posts.map((r) => r.status)).to.deep.equal([500, 201]);
    expect(posts[0]!.idempotency_key).to.be.a('string').and.equal(posts[1]!.idempotency_key);
  });

  it('double submit creates exactly one customer; the button is busy meanwhile', async () => {
    const m = await mount();
    const before = await total(m.tenant);
    await setFaults(m.tenant.token, [{method: 'POST', path: '/customers', delay_ms: 700}]);
    await openByKeyboard(m);
    await fill(m.form, {name: 'Eager Clicker', email: 'eager@clicker.example'});
    const created = nextEvent<ResellerCustomerCreatedEvent>(m.form, 'reseller-customer-created');
    submit(m.form).click();
    await waitFor(() => submit(m.form).getAttribute('aria-busy') === 'true', 'busy');
    expect(submit(m.form).getAttribute('aria-disabled')).to.equal('true');
    expect(submit(m.form).textContent!.trim()).to.equal('Creating…');
    submit(m.form).click();
    input(m.form, 'email').focus();
    await sendKeys({press: 'Enter'});
    await created;
    expect(await total(m.tenant)).to.equal(before + 1);
    expect(await creates(m.tenant)).to.have.length(1);
  });

  it('a create retried by the client (503) uses one Idempotency-Key and creates one customer', async () => {
    const m = await mount();
    const before = await total(m.tenant);
    await setFaults(m.tenant.token, [{method: 'POST', path: '/customers', status: 503, times: 1}]);
    await openByKeyboard(m);
    await fill(m.form, {name: 'Retry BV', email: 'retry@bv.example'});
    const created = nextEvent<ResellerCustomerCreatedEvent>(m.form, 'reseller-customer-created');
    submit(m.form).click();
    await created;
    const posts = await creates(m.tenant);
    expect(posts.map((r) => r.status)).to.deep.equal([503, 201]);
    expect(new Set(posts.map((r) => r.idempotency_key)).size).to.equal(1);
    expect(await total(m.tenant)).to.equal(before + 1);
  });

  it('a network failure shows a message in the dialog; a changed body is a new submission (new key)', async () => {
    const m = await mount();
    await setFaults(m.tenant.token, [{method: 'POST', path: '/customers', drop: true}]);
    await openByKeyboard(m);
    await fill(m.form, {name: 'Offline BV', email: 'offline@bv.example'});
    submit(m.form).click();
    await waitFor(() => alertBox(m.form), 'failure shown', {timeout: 15_000});
    expect(alertBox(m.form)!.textContent).to.contain('Could not reach the server');
    const dropped = await creates(m.tenant);
    expect(new Set(dropped.map((r) => r.idempotency_key)).size, 'retries share the key').to.equal(1);

    await clearFaults(m.tenant.token);
    await typeInto(input(m.form, 'name'), ' Group');
    const created = nextEvent<ResellerCustomerCreatedEvent>(m.form, 'reseller-customer-created');
    submit(m.form).click();
    expect((await created).detail.customer.name).to.equal('Offline BV Group');
    const posts = await creates(m.tenant);
    expect(posts.at(-1)!.idempotency_key).to.not.equal(dropped[0]!.idempotency_key);
  });

  it('offers the plans from GET /plans, falls back when it fails, and asks Enterprise for its minutes', async () => {
    const tenant = await createTenant({customers: 0});
    await setFaults(tenant.token, [{method: 'GET', path: '/plans', status: 500}]);
    const m = await mount({tenant});
    await openByKeyboard(m);
    await waitFor(async () => (await requests(tenant.token)).some((r) => r.path === '/plans'), 'plans requested');
    await m.form.updateComplete;
    const options = [...planSelect(m.form).options].map((o) => [o.value, o.textContent!.trim()]);
    expect(options).to.deep.equal([
      ['bronze', 'Bronze – 500 minutes a month'],
      ['silver', 'Silver – 2,000 minutes a month'],
      ['gold', 'Gold – 10,000 minutes a month'],
      ['enterprise', 'Enterprise – custom monthly minutes'],
    ]);
    expect(m.form.shadowRoot!.querySelector('#quota'), 'no quota field for Bronze').to.be.null;
    await choosePlan(m.form, 'enterprise');
    await fill(m.form, {name: 'Big Co', email: 'big@co.example'});
    submit(m.form).click();
    await waitFor(() => errorOf(m.form, 'quota') !== '', 'quota error');
    expect(errorOf(m.form, 'quota')).to.equal('Enter the monthly minutes for the Enterprise plan.');
    expect(input(m.form, 'quota').required).to.be.true;
    expect(focused()).to.equal(input(m.form, 'quota'));
    await expect(m.form).to.be.accessible();
  });

  it('is axe-clean when open, with client errors shown', async () => {
    const m = await mount();
    await openByKeyboard(m);
    await expect(m.form).to.be.accessible();
    submit(m.form).click();
    await waitFor(() => errorOf(m.form, 'email') !== '', 'errors shown');
    await typeInto(phoneField(m.form), 'abc');
    submit(m.form).click();
    await waitFor(() => errorOf(m.form, 'phone') !== '', 'phone error shown');
    expect(phoneInput(m.form).value, 'formatting never drops what was typed').to.equal('abc');
    await expect(m.form).to.be.accessible();
  });

  it('Clear empties the draft', async () => {
    const m = await mount();
    await openByKeyboard(m);
    await fill(m.form, {name: 'Temp', phone: '0201234567'});
    const clear = $<HTMLButtonElement>(m.form, '[part~="clear"]');
    clear.focus();
    await sendKeys({press: 'Enter'});
    await m.form.updateComplete;
    expect(input(m.form, 'name').value).to.equal('');
    expect(phoneInput(m.form).value).to.equal('');
    expect(m.form.shadowRoot!.querySelector('[part~="clear"]'), 'nothing to clear').to.be.null;
  });

  it('works inline (no dialog): creates, fires the event and starts over', async () => {
    const m = await mount({inline: true});
    expect(m.form.shadowRoot!.querySelector('dialog')).to.be.null;
    expect(m.form.shadowRoot!.querySelector('[part~="cancel"]')).to.be.null;
    m.form.open(); // no-op inline
    expect(m.form.opened).to.be.false;
    await expect(m.form).to.be.accessible();
    await fill(m.form, {name: 'Inline BV', email: 'inline@bv.example', phone: '+31 20 123 4567'});
    const created = nextEvent<ResellerCustomerCreatedEvent>(m.form, 'reseller-customer-created');
    await sendKeys({press: 'Enter'});
    expect((await created).detail.customer).to.include({name: 'Inline BV', phone: '+31201234567'});
    await m.form.updateComplete;
    expect(input(m.form, 'name').value).to.equal('');
  });

  it('opens at once with the open attribute in the markup', async () => {
    const tenant = await createTenant({customers: 0});
    const form = await fixture<ResellerCustomerForm>(html`<reseller-customer-form open .token=${tenant.token}></reseller-customer-form>`);
    await waitFor(() => dialog(form).open, 'open from the attribute');
    expect(form.opened).to.be.true;
    expect(focused()).to.equal(input(form, 'name'));
    form.close();
    await waitFor(() => !dialog(form).open, 'close() closes');
    expect(form.hasAttribute('open')).to.be.false;
  });
});

describe('validateDraft (the contract schema + the phone check)', () => {
  const t: Translate = (key, params) => interpolate(en[key], params, (n) => n.toLocaleString('en'));
  const draft = {name: 'Acme', email: 'ops@acme.example', plan: 'bronze' as const, quota: ''};

  it('trims, defaults and passes a valid E.164 phone through', async () => {
    const result = await validateDraft({...draft, name: '  Acme  '}, {kind: 'valid', e164: '+31612345678'}, t);
    expect(result.body).to.deep.equal({name: 'Acme', email: 'ops@acme.example', phone: '+31612345678', plan: 'bronze'});
  });

  it('names each problem in the operator’s words', async () => {
    const result = await validateDraft({...draft, name: 'x'.repeat(201), email: 'nope', plan: 'enterprise', quota: '1.5'}, {kind: 'invalid'}, t);
    expect(result.errors).to.deep.equal({
      name: 'The name is at most 200 characters.',
      email: 'Enter a valid email address, e.g. name@example.com.',
      phone: 'Enter a valid phone number, e.g. +31 6 12345678.',
      quota_minutes: 'Enter a whole number.',
    });
    expect((await validateDraft({...draft, plan: 'enterprise', quota: '0'}, {kind: 'empty'}, t)).errors).to.deep.equal({quota_minutes: 'Enter a number of at least 1.'});
    expect((await validateDraft({...draft, plan: 'enterprise', quota: '20000000'}, {kind: 'empty'}, t)).errors).to.deep.equal({quota_minutes: 'Enter a number of at most 10,000,000.'});
  });

  it('sends a quota only for Enterprise', async () => {
    expect((await validateDraft({...draft, quota: '500'}, {kind: 'empty'}, t)).body).to.not.have.property('quota_minutes');
    expect((await validateDraft({...draft, plan: 'enterprise', quota: '500'}, {kind: 'empty'}, t)).body).to.include({quota_minutes: 500});
  });
});
