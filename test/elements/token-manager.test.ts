/**
 * <reseller-token-manager> against the sandbox: list, generate with the secret shown once,
 * failures that keep the input, revoke with confirmation, events without the secret, states.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/token-manager.js';
import type {Token, TokenCreated} from '../../src/contract/schemas.js';
import type {ResellerTokenManager} from '../../src/elements/token-manager/token-manager.js';
import type {ResellerTokenCreatedEvent, ResellerTokenRevokedEvent} from '../../src/events.js';
import type {ResellerConfirmDialog} from '../../src/elements/confirm-dialog/confirm-dialog.js';
import {clearFaults, requests, setFaults} from '../helpers/sandbox.js';
import {$, $$, api, bareCustomer, column, createTenant, everything, fieldError, focused, mount, nextEvent, row, rowIds, settled, typeInto, type Tenant} from './org-lists.helpers.js';

const manager = (tenant: Tenant, customerId: number) => mount('reseller-token-manager', tenant.token, {'customer-id': customerId});
const makeToken = (tenant: Tenant, body: object) => api<TokenCreated>(tenant, 'POST', '/tokens', body);
const listed = (tenant: Tenant, customerId: number) => api<{data: Token[]}>(tenant, 'GET', `/customers/${customerId}/tokens`).then((r) => r.data);
const dialog = (el: ResellerTokenManager) => $<HTMLDialogElement>(el, 'dialog.generate');
const nameInput = (el: ResellerTokenManager) => $<HTMLInputElement>(el, '#token-name');
const permission = (el: ResellerTokenManager, p: string) => $<HTMLInputElement>(el, `input[name="permissions"][value="${p}"]`);

/** Opens Generate token from the keyboard. */
async function openGenerate(el: ResellerTokenManager): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="generate-button"]').focus();
  await sendKeys({press: 'Enter'});
  await waitUntil(() => dialog(el).open && focused() === nameInput(el), 'the dialog opens with focus on the name');
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true}));
}

describe('<reseller-token-manager>', () => {
  it('lists name, prefix, permissions, created, expires and last used ("never" for nulls)', async () => {
    const {tenant, customer} = await bareCustomer();
    const expires = new Date(Date.now() + 40 * 86_400_000).toISOString();
    const a = await makeToken(tenant, {customer_id: customer.id, name: 'CI pipeline', permissions: ['transcripts:read', 'usage:read'], expires_at: expires});
    const b = await makeToken(tenant, {customer_id: customer.id, name: 'Zapier', permissions: ['users:manage']});
    const el = await manager(tenant, customer.id);
    expect(rowIds(el)).to.deep.equal([b.id, a.id]);
    expect(column(el, 'name')).to.deep.equal(['Zapier', 'CI pipeline']);
    expect(column(el, 'prefix')).to.deep.equal([`${b.prefix}…`, `${a.prefix}…`]);
    const badges = (id: number) => [...row(el, id).querySelectorAll('td.col-permissions li')].map((li) => li.textContent!.trim());
    expect(badges(b.id)).to.deep.equal(['Manage users']);
    expect(badges(a.id)).to.deep.equal(['Read transcripts', 'Read usage']);
    expect(column(el, 'expires')[0]).to.equal('Never');
    expect(column(el, 'expires')[1]).to.match(/\d/);
    expect(column(el, 'lastUsed')).to.deep.equal(['Never used', 'Never used']);
    expect(column(el, 'created')[0]).to.match(/\d{4}/);
    expect(el.tokens.map((t) => t.id)).to.deep.equal([b.id, a.id]);
    await expect(el).to.be.accessible();
  });

  it('generate: the secret is shown once with a warning and a copy button, then is gone for good', async () => {
    const {tenant, customer} = await bareCustomer();
    const el = await manager(tenant, customer.id);
    await openGenerate(el);
    await typeInto(nameInput(el), 'Billing sync');
    permission(el, 'usage:read').focus();
    await sendKeys({press: ' '});
    await choose($<HTMLSelectElement>(el, '#token-expiry'), '90');
    const createdEvent = nextEvent<ResellerTokenCreatedEvent>(el, 'reseller-token-created');
    nameInput(el).focus();
    await sendKeys({press: 'Enter'});
    const event = await createdEvent;
    await waitUntil(() => $(el, '[part~="secret"]'), 'the secret shows');
    const secretInput = $<HTMLInputElement>(el, '[part~="secret"]');
    const secret = secretInput.value;
    expect(secret).to.match(/^sk_/);
    expect(secretInput.hasAttribute('value'), 'never an attribute').to.be.false;
    expect(focused()).to.equal(secretInput);
    expect($(el, '[part~="secret-warning"]').textContent).to.contain('you cannot see it again');
    expect($(el, '[part~="copy-button"]').textContent!.trim()).to.equal('Copy token');

    // The event carries the token, never the secret.
    expect(event.detail.token).to.include({name: 'Billing sync', customer_id: customer.id});
    expect(event.detail.token.permissions).to.deep.equal(['transcripts:read', 'usage:read']);
    expect(event.detail.token.expires_at).to.be.a('string');
    expect('secret' in event.detail.token).to.be.false;
    expect(JSON.stringify(event.detail)).not.to.contain(secret);
    expect(secret.startsWith(event.detail.token.prefix)).to.be.true;

    // The list shows the new token by its prefix, behind the dialog.
    await waitUntil(() => rowIds(el).includes(event.detail.token.id), 'the new row shows');
    expect(everything(el).split(secret).length - 1, 'the secret is in one place only').to.equal(1);
    for (const a of el.attributes) expect(a.value).not.to.contain(secret);

    $<HTMLButtonElement>(el, '[part~="done-button"]').click();
    await waitUntil(() => !dialog(el).open, 'the dialog closes');
    await el.updateComplete;
    expect(everything(el)).not.to.contain(secret);
    expect(focused()).to.equal($(el, '[part~="generate-button"]'), 'focus returns to Generate token');

    // Reloading and reopening never bring it back.
    await el.reload();
    await settled(el);
    expect(everything(el)).not.to.contain(secret);
    expect(column(el, 'name')).to.deep.equal(['Billing sync']);
    await openGenerate(el);
    expect(everything(el)).not.to.contain(secret);
    expect(nameInput(el).value).to.equal('', 'a fresh form after a success');
    const [stored] = await listed(tenant, customer.id);
    expect(stored!.name).to.equal('Billing sync');
    expect(JSON.stringify(stored)).not.to.contain(secret);
  });

  it('Escape on the secret view dismisses it: the secret is dropped', async () => {
    const {tenant, customer} = await bareCustomer();
    const el = await manager(tenant, customer.id);
    await openGenerate(el);
    await typeInto(nameInput(el), 'Esc');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => $(el, '[part~="secret"]'), 'the secret shows');
    const secret = $<HTMLInputElement>(el, '[part~="secret"]').value;
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !dialog(el).open, 'the dialog closes');
    await el.updateComplete;
    expect(everything(el)).not.to.contain(secret);
  });

  it('checks the form first: name and at least one permission; nothing is sent', async () => {
    const {tenant, customer} = await bareCustomer();
    const el = await manager(tenant, customer.id);
    await openGenerate(el);
    permission(el, 'transcripts:read').focus();
    await sendKeys({press: ' '}); // the one default permission off
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await el.updateComplete;
    expect(fieldError(nameInput(el))).to.equal('Enter a name for the token.');
    expect(nameInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(fieldError($(el, '[part~="permissions"]'))).to.equal('Choose at least one permission.');
    expect(focused()).to.equal(nameInput(el));
    expect((await requests(tenant.token)).filter((r) => r.method === 'POST' && r.path.endsWith('/tokens'))).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a failed generate (500) keeps what was typed and says so from the code; a retry works', async () => {
    const {tenant, customer} = await bareCustomer();
    const el = await manager(tenant, customer.id);
    await setFaults(tenant.token, [{method: 'POST', path: '/tokens', status: 500}]);
    await openGenerate(el);
    await typeInto(nameInput(el), 'Kept name');
    permission(el, 'users:manage').focus();
    await sendKeys({press: ' '});
    await choose($<HTMLSelectElement>(el, '#token-expiry'), '365');
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await waitUntil(() => $(el, '[part~="alert"]'), 'the failure shows');
    expect($(el, '[part~="alert"]').textContent).to.contain('The token was not generated.');
    expect($(el, '[part~="alert"]').textContent).to.contain('The server had a problem. Try again in a moment.');
    expect($(el, '[part~="alert"]').textContent, 'a known code (internal): not the server’s English').not.to.contain('Injected fault');
    expect(dialog(el).open).to.be.true;
    expect(nameInput(el).value).to.equal('Kept name');
    expect(permission(el, 'users:manage').checked && permission(el, 'transcripts:read').checked).to.be.true;
    expect($<HTMLSelectElement>(el, '#token-expiry').value).to.equal('365');
    expect(rowIds(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    await clearFaults(tenant.token);
    const created = nextEvent<ResellerTokenCreatedEvent>(el, 'reseller-token-created');
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    const token = (await created).detail.token;
    expect(token.name).to.equal('Kept name');
    expect(token.permissions).to.deep.equal(['transcripts:read', 'users:manage']);
    const days = (Date.parse(token.expires_at!) - Date.now()) / 86_400_000;
    expect(days).to.be.within(364, 366);
  });

  it("a 422 shows the server's field errors next to the fields, in the kit's words for their codes; the input stays", async () => {
    const {tenant, customer} = await bareCustomer();
    const el = await manager(tenant, customer.id);
    await openGenerate(el);
    // 101 characters: the input's maxlength stops typing, so the value is set as a paste would.
    nameInput(el).value = 'x'.repeat(101);
    nameInput(el).dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await waitUntil(() => nameInput(el).getAttribute('aria-invalid') === 'true', 'the field error shows');
    expect(fieldError(nameInput(el)), 'field code too_long').to.equal('This value is too long.');
    expect($(el, '[part~="alert"]').textContent).to.contain('Some fields need your attention.');
    expect(nameInput(el).value).to.have.length(101);
    expect(focused()).to.equal(nameInput(el));
  });

  it('revoke asks first; confirmed, the row disappears and the revoked event fires', async () => {
    const {tenant, customer} = await bareCustomer();
    const keep = await makeToken(tenant, {customer_id: customer.id, name: 'Keep me', permissions: ['usage:read']});
    const gone = await makeToken(tenant, {customer_id: customer.id, name: 'Old key', permissions: ['usage:read']});
    const el = await manager(tenant, customer.id);
    const confirm = $<ResellerConfirmDialog>(el, 'reseller-confirm-dialog');

    // Escape cancels: nothing revoked.
    row(el, gone.id).querySelector<HTMLButtonElement>('[part~="revoke-button"]')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => confirm.open, 'the confirm opens');
    const text = confirm.shadowRoot!.textContent!;
    expect(text).to.contain('Revoke token Old key?');
    expect(text).to.contain(`${gone.prefix}… stop working immediately`);
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !confirm.open, 'the confirm closes');
    expect(rowIds(el)).to.deep.equal([gone.id, keep.id]);

    const revoked = nextEvent<ResellerTokenRevokedEvent>(el, 'reseller-token-revoked');
    row(el, gone.id).querySelector<HTMLButtonElement>('[part~="revoke-button"]')!.click();
    await waitUntil(() => confirm.open, 'the confirm opens');
    confirm.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    expect((await revoked).detail).to.deep.equal({id: gone.id, customerId: customer.id});
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal([keep.id]);
    expect(focused()).to.equal(row(el, keep.id).querySelector('[part~="revoke-button"]'));
    expect((await listed(tenant, customer.id)).map((t) => t.id)).to.deep.equal([keep.id]);
    await settled(el);
    expect(rowIds(el)).to.deep.equal([keep.id]);
  });

  it('a failed revoke (500) says so in the dialog; the row stays', async () => {
    const {tenant, customer} = await bareCustomer();
    const token = await makeToken(tenant, {customer_id: customer.id, name: 'Sticky', permissions: ['usage:read']});
    const el = await manager(tenant, customer.id);
    await setFaults(tenant.token, [{method: 'DELETE', path: '/tokens/*', status: 500}]);
    const confirm = $<ResellerConfirmDialog>(el, 'reseller-confirm-dialog');
    row(el, token.id).querySelector<HTMLButtonElement>('[part~="revoke-button"]')!.click();
    await waitUntil(() => confirm.open, 'the confirm opens');
    confirm.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => confirm.shadowRoot!.querySelector('[part~="error"]'), 'the failure shows');
    expect(confirm.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('The token Sticky was not revoked.');
    confirm.cancel();
    expect(rowIds(el)).to.deep.equal([token.id]);
  });

  it('renders XSS-looking token names as text', async () => {
    const {tenant, customer} = await bareCustomer();
    const evil = '<img src=x onerror=alert(1)>';
    await makeToken(tenant, {customer_id: customer.id, name: evil, permissions: ['usage:read']});
    const el = await manager(tenant, customer.id);
    expect(column(el, 'name')).to.deep.equal([evil]);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('empty: says so, Generate token stays; axe clean', async () => {
    const {tenant, customer} = await bareCustomer();
    const el = await manager(tenant, customer.id);
    expect($(el, '[part~="state"][part~="empty"]').textContent).to.contain('This customer has no API tokens.');
    expect($(el, '[part~="generate-button"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('loading: placeholder rows in the table (aria-busy), then the data', async () => {
    const {tenant, customer} = await bareCustomer();
    await makeToken(tenant, {customer_id: customer.id, name: 'Slow', permissions: ['usage:read']});
    await setFaults(tenant.token, [{method: 'GET', path: '/customers/*/tokens', delay_ms: 800}]);
    const el = document.createElement('reseller-token-manager');
    el.token = tenant.token;
    el.customerId = customer.id;
    document.body.append(el);
    try {
      await el.updateComplete;
      expect($(el, 'table').getAttribute('aria-busy')).to.equal('true');
      expect($$(el, '[part~="skeleton"] tr')).to.have.length(3);
      await settled(el);
      expect(column(el, 'name')).to.deep.equal(['Slow']);
    } finally {
      el.remove();
    }
  });

  it('error: the message with a retry; axe clean', async () => {
    const {tenant, customer} = await bareCustomer();
    await setFaults(tenant.token, [{method: 'GET', path: '/customers/*/tokens', status: 500}]);
    const el = await manager(tenant, customer.id);
    const state = $(el, '[part~="state"][part~="error"]');
    expect(state.textContent).to.contain('Could not load tokens.');
    await expect(el).to.be.accessible();
    await clearFaults(tenant.token);
    $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await settled(el);
    expect($(el, '[part~="empty"]')).to.exist;
  });

  it('a RESELLEE token: "reseller access required", no Generate button; axe clean', async () => {
    const tenant = await createTenant({customers: 1});
    const [customer] = (await api<{data: {id: number}[]}>(tenant, 'GET', '/customers')).data;
    const el = await mount('reseller-token-manager', tenant.reselleeToken, {'customer-id': customer!.id});
    expect($(el, '[part~="access-required"]').textContent).to.contain('Reseller access required');
    expect($(el, '[part~="generate-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
