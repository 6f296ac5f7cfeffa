/**
 * <reseller-customer-detail>: the details form against the sandbox. What it shows, dirty tracking
 * (typing back to the original included), saving, and that nothing typed is lost on a 422, a 500,
 * a dropped connection, a 401 with a token refresh, a reload with a new client, or a 412 (with
 * both ways out of the conflict). Every test on its own tenant.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/customer-detail.js';
import type {ResellerCustomerUpdatedEvent, ResellerToastEvent} from '../../src/events.js';
import {formatInternational} from '../../src/phone/index.js';
import {clearFaults, requests, setFaults} from '../helpers/sandbox.js';
import {
  $, $$, alertText, api, clickUpdate, createCustomer, createTenant, detailFor, errorOf, focused, getCustomer, input, nextEvent,
  phoneInput, replaceText, tenantWithCustomer, typeInto, updateButton,
} from './customer-detail.helpers.js';

describe('<reseller-customer-detail> form', () => {
  it('shows the customer: name, email, phone (international), Active, metadata; ID and registration read-only; axe clean', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    expect($(el, '[part~="heading"]').textContent).to.equal('Acme Transcripts BV');
    expect(input(el, 'name').value).to.equal('Acme Transcripts BV');
    expect(input(el, 'email').value).to.equal('office@acme-transcripts.example');
    const international = await formatInternational('+31612345678');
    await waitUntil(() => phoneInput(el).value === international, `phone shown as ${international}: ${phoneInput(el).value}`);
    expect(input(el, 'active').checked).to.be.true;
    expect(input(el, 'segment').value).to.equal('smb');
    expect(input(el, 'industry').value).to.equal('legal');
    expect(input(el, 'account_manager').value).to.equal('');
    const rows = $$(el, '[part~="metadata-row"]');
    expect(rows).to.have.length(1);
    expect(rows[0]!.querySelector<HTMLInputElement>('[data-part="key"]')!.value).to.equal('region');
    expect(rows[0]!.querySelector<HTMLInputElement>('[data-part="value"]')!.value).to.equal('north');
    expect($(el, '[part~="id"]').textContent).to.equal(String(customer.id));
    expect($(el, '[part~="copy-id"]').getAttribute('aria-label')).to.equal(`Copy customer ID ${customer.id}`);
    expect($(el, '[part~="registered"]').textContent!.trim()).to.equal(new Intl.DateTimeFormat('en', {dateStyle: 'medium'}).format(new Date(customer.created_at)));
    expect($(el, '[part~="id"]').closest('form')!.querySelector('input[value]'), 'the ID is not an input').to.equal(null);
    expect(updateButton(el).disabled, 'nothing changed yet').to.be.true;
    expect(el.dirty).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('copy ID through the fallback (no Clipboard API) keeps focus on its button', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    const button = $<HTMLButtonElement>(el, '[part~="copy-id"]');
    button.focus();
    Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))}});
    try {
      const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
      await sendKeys({press: 'Enter'});
      await toast;
      expect(focused(), 'focus stays on Copy ID').to.equal(button);
    } finally {
      delete (navigator as {clipboard?: unknown}).clipboard;
    }
  });

  it('Update is enabled only while something differs; typing a value back to the original disables it again', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    const name = input(el, 'name');
    await typeInto(name, 'x');
    expect(updateButton(el).disabled).to.be.false;
    expect($(el, '[part~="reset"]'), 'Reset appears').to.exist;
    await sendKeys({press: 'Backspace'});
    await el.updateComplete;
    expect(name.value).to.equal(customer.name);
    expect(updateButton(el).disabled, 'back to the original').to.be.true;

    // The checkbox, there and back.
    input(el, 'active').click();
    await el.updateComplete;
    expect(updateButton(el).disabled).to.be.false;
    input(el, 'active').click();
    await el.updateComplete;
    expect(updateButton(el).disabled).to.be.true;

    // A metadata value, there and back (replacing the whole text).
    await replaceText(input(el, 'segment'), 'enterprise');
    expect(updateButton(el).disabled).to.be.false;
    await replaceText(input(el, 'segment'), 'smb');
    expect(updateButton(el).disabled).to.be.true;

    // A blank new row changes nothing; a filled one does; removing it again makes the form clean.
    $<HTMLButtonElement>(el, '[part~="add-field"]').click();
    await el.updateComplete;
    expect($$(el, '[part~="metadata-row"]')).to.have.length(2);
    expect(focused()?.getAttribute('data-part'), 'focus on the new key').to.equal('key');
    expect(updateButton(el).disabled).to.be.true;
    await typeInto(focused() as HTMLInputElement, 'tier');
    expect(updateButton(el).disabled).to.be.false;
    $$<HTMLButtonElement>(el, '[part~="remove-field"]')[1]!.click();
    await el.updateComplete;
    expect($$(el, '[part~="metadata-row"]')).to.have.length(1);
    expect(updateButton(el).disabled).to.be.true;
  });

  it('saves only what changed (with If-Match), toasts, fires reseller-customer-updated and disables Update again', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'name'), 'Acme Group');
    input(el, 'active').click();
    await typeInto(input(el, 'account_manager'), 'jo@reseller.example');
    $<HTMLButtonElement>(el, '[part~="remove-field"]').click();
    await el.updateComplete;

    const updated = nextEvent<ResellerCustomerUpdatedEvent>(el, 'reseller-customer-updated');
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await clickUpdate(el);
    expect((await updated).detail.customer).to.include({id: customer.id, name: 'Acme Group', status: 'inactive'});
    expect((await toast).detail).to.deep.equal({message: 'Changes to Acme Group saved.', kind: 'success'});
    expect(updateButton(el).disabled).to.be.true;
    expect(el.dirty).to.be.false;
    expect($(el, '[part~="heading"]').textContent).to.equal('Acme Group');

    const saved = await getCustomer(tenant, customer.id);
    expect(saved).to.include({name: 'Acme Group', email: customer.email, status: 'inactive', phone: '+31612345678'});
    expect(saved.metadata).to.deep.equal({segment: 'smb', industry: 'legal', account_manager: 'jo@reseller.example'});
    const patches = (await requests(tenant.token)).filter((r) => r.method === 'PATCH');
    expect(patches).to.have.length(1);
    expect(patches[0]!.if_match, 'sent the ETag it read').to.match(/^W\/"\d+"$/);
  });

  it('a 422 (email taken) shows the server message at the field, keeps everything typed, Update stays enabled; axe clean', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const other = await createCustomer(tenant, {name: 'Other BV', email: 'taken@other.example'});
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'name'), 'Acme Renamed');
    await replaceText(input(el, 'email'), other.email);
    await clickUpdate(el);
    expect(errorOf(el, 'email'), 'from the field code email_taken').to.equal('This email address is already in use.');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(focused()).to.equal(input(el, 'email'));
    expect(input(el, 'name').value).to.equal('Acme Renamed');
    expect(input(el, 'email').value).to.equal(other.email);
    expect(updateButton(el).disabled).to.be.false;
    await expect(el).to.be.accessible();
    expect((await getCustomer(tenant, customer.id)).name, 'nothing saved').to.equal(customer.name);

    // Fixing the field clears its message; the save then goes through.
    await replaceText(input(el, 'email'), 'new@acme.example');
    expect(errorOf(el, 'email')).to.equal('');
    await clickUpdate(el);
    expect(await getCustomer(tenant, customer.id)).to.include({name: 'Acme Renamed', email: 'new@acme.example'});
  });

  it('checks before sending: required name, email format, phone, metadata keys (nothing sent)', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'name'), ' ');
    await replaceText(input(el, 'email'), 'nope@');
    await replaceText(phoneInput(el), '12');
    const keyInput = $<HTMLInputElement>(el, '[data-part="key"]');
    await replaceText(keyInput, 'Bad Key');
    await clickUpdate(el);
    expect(errorOf(el, 'name')).to.equal('Enter the customer’s name.');
    expect(errorOf(el, 'email')).to.equal('Enter a valid email address, e.g. name@example.com.');
    expect(errorOf(el, 'phone')).to.equal('Enter a valid phone number, e.g. +31 6 12345678.');
    expect(el.shadowRoot!.getElementById(keyInput.getAttribute('aria-describedby')!)!.textContent).to.contain('lowercase');
    expect(focused()).to.equal(input(el, 'name'));
    expect((await requests(tenant.token)).filter((r) => r.method === 'PATCH')).to.have.length(0);
    expect(updateButton(el).disabled).to.be.false;
  });

  it('a 500 keeps everything typed and says why; the next save succeeds', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'name'), 'Kept After 500');
    await replaceText(input(el, 'industry'), 'media');
    await setFaults(tenant.token, [{method: 'PATCH', path: `/customers/${customer.id}`, status: 500, times: 1}]);
    await clickUpdate(el);
    expect(alertText(el)).to.contain('Your changes were not saved. The server had a problem.');
    expect(input(el, 'name').value).to.equal('Kept After 500');
    expect(input(el, 'industry').value).to.equal('media');
    expect(updateButton(el).disabled).to.be.false;
    await expect(el).to.be.accessible();
    await clickUpdate(el);
    expect(alertText(el)).to.equal('');
    expect(await getCustomer(tenant, customer.id)).to.include({name: 'Kept After 500'});
    expect((await getCustomer(tenant, customer.id)).metadata.industry).to.equal('media');
  });

  it('a dropped connection keeps everything typed and says so', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'email'), 'dropped@acme.example');
    // Every attempt dropped (a browser may resend a request whose reused connection died).
    await setFaults(tenant.token, [{method: 'PATCH', path: `/customers/${customer.id}`, drop: true}]);
    await clickUpdate(el);
    expect(alertText(el)).to.contain('Could not reach the server.');
    expect(input(el, 'email').value).to.equal('dropped@acme.example');
    expect(updateButton(el).disabled).to.be.false;
    await clearFaults(tenant.token);
    await clickUpdate(el);
    expect((await getCustomer(tenant, customer.id)).email).to.equal('dropped@acme.example');
  });

  it('a 401 asks getToken for a fresh token once, retries, and saves what was typed', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    let asked = 0;
    const el = await detailFor(tenant, customer.id, {getToken: async () => (asked++, tenant.token)});
    await replaceText(input(el, 'name'), 'After Refresh');
    await setFaults(tenant.token, [{method: 'PATCH', path: `/customers/${customer.id}`, status: 401, times: 1}]);
    await clickUpdate(el);
    expect(asked).to.equal(1);
    expect(alertText(el)).to.equal('');
    expect(updateButton(el).disabled).to.be.true;
    expect((await getCustomer(tenant, customer.id)).name).to.equal('After Refresh');
    const patches = (await requests(tenant.token)).filter((r) => r.method === 'PATCH').map((r) => r.status);
    expect(patches).to.deep.equal([401, 200]);
  });

  it('a new client (the host refreshes the token) reloads the customer and keeps the edits', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'name'), 'Typed Before Refresh');
    await api(tenant, 'PATCH', `/customers/${customer.id}`, {industry: undefined, metadata: {segment: 'smb', industry: 'legal', region: 'south'}});
    const before = (await requests(tenant.token)).filter((r) => r.method === 'GET' && r.path === `/customers/${customer.id}`).length;
    el.getToken = async () => tenant.token; // new own config → new client → the customer loads again
    await waitUntil(async () => (await requests(tenant.token)).filter((r) => r.method === 'GET' && r.path === `/customers/${customer.id}`).length > before, 'reloaded');
    await waitUntil(() => $<HTMLInputElement>(el, '[data-part="value"]').value === 'south', 'the untouched field shows the newer value');
    expect(input(el, 'name').value).to.equal('Typed Before Refresh');
    expect(updateButton(el).disabled).to.be.false;
  });

  it('a 412 explains the conflict; "Save my changes anyway" reads the fresh ETag and re-sends the edit (theirs kept elsewhere)', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'name'), 'Mine Wins');
    await api(tenant, 'PATCH', `/customers/${customer.id}`, {email: 'theirs@acme.example'}); // someone else, first
    await clickUpdate(el);
    const conflict = $(el, '[part~="conflict"]');
    expect(conflict.getAttribute('role')).to.equal('alert');
    expect(conflict.textContent).to.contain('This customer was changed by someone else');
    expect(input(el, 'name').value, 'my edit is kept').to.equal('Mine Wins');
    await expect(el).to.be.accessible();

    const updated = nextEvent<ResellerCustomerUpdatedEvent>(el, 'reseller-customer-updated');
    $<HTMLButtonElement>(el, '[part~="conflict-overwrite"]').click();
    expect((await updated).detail.customer).to.include({name: 'Mine Wins', email: 'theirs@acme.example'});
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="conflict"]')).to.equal(null);
    expect(await getCustomer(tenant, customer.id)).to.include({name: 'Mine Wins', email: 'theirs@acme.example'});
    expect(input(el, 'email').value).to.equal('theirs@acme.example');
    expect(updateButton(el).disabled).to.be.true;
    const patches = (await requests(tenant.token)).filter((r) => r.method === 'PATCH' && r.if_match).map((r) => r.status);
    expect(patches).to.deep.equal([412, 200]);
  });

  it('a 412, "Load latest version": their customer replaces my edits', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'name'), 'Mine Loses');
    await api(tenant, 'PATCH', `/customers/${customer.id}`, {name: 'Theirs', email: 'theirs@acme.example'});
    await clickUpdate(el);
    expect($(el, '[part~="conflict"]')).to.exist;
    $<HTMLButtonElement>(el, '[part~="conflict-reload"]').click();
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~="conflict"]'), 'conflict resolved');
    expect(input(el, 'name').value).to.equal('Theirs');
    expect(input(el, 'email').value).to.equal('theirs@acme.example');
    expect(updateButton(el).disabled).to.be.true;
    expect((await getCustomer(tenant, customer.id)).name).to.equal('Theirs');
  });

  it('clearing the phone sends null', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    const phone = phoneInput(el);
    phone.focus();
    phone.setSelectionRange(phone.value.length, phone.value.length);
    // Backspace until empty, as a person does (one key at a time works in every engine's driver).
    for (let i = 0; i < 30 && phone.value; i++) await sendKeys({press: 'Backspace'});
    expect(phone.value).to.equal('');
    await el.updateComplete;
    expect(updateButton(el).disabled).to.be.false;
    await clickUpdate(el);
    expect((await getCustomer(tenant, customer.id)).phone).to.equal(null);
  });

  it('404: "Customer not found"; axe clean', async () => {
    const tenant = await createTenant({customers: 1});
    const el = await detailFor(tenant, 987654321);
    expect($(el, '[part~="not-found"]').textContent).to.contain('Customer not found');
    expect($(el, '[part~="not-found"]').textContent).to.contain('Customer 987654321 does not exist or was deleted.');
    await expect(el).to.be.accessible();
  });

  it('a load error offers a retry that loads the customer; axe clean', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    await setFaults(tenant.token, [{method: 'GET', path: `/customers/${customer.id}`, status: 500}]);
    const el = await detailFor(tenant, customer.id);
    expect($(el, '[part~="error"]').textContent).to.contain('Could not load this customer.');
    await expect(el).to.be.accessible();
    await clearFaults(tenant.token);
    $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'loaded after retry');
    expect(input(el, 'name').value).to.equal(customer.name);
  });

  it('a RESELLEE token: "Reseller access required"', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(null, customer.id, {token: tenant.reselleeToken});
    expect($(el, '[part~="access-required"]').textContent).to.contain('Reseller access required');
    await expect(el).to.be.accessible();
  });
});
