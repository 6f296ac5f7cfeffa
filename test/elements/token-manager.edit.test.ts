/**
 * <reseller-token-manager>: Edit permissions against the sandbox (PATCH /tokens/{id}): from the
 * keyboard, a confirm step only when the change removes permissions, failures that keep the
 * choice, the typed event, the audit entry in the request log.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/token-manager.js';
import type {Token, TokenCreated} from '../../src/contract/schemas.js';
import type {ResellerTokenManager} from '../../src/elements/token-manager/token-manager.js';
import type {ResellerToastEvent, ResellerTokenUpdatedEvent} from '../../src/events.js';
import {clearFaults, requests, setFaults} from '../helpers/sandbox.js';
import {settle} from '../helpers/wait.js';
import {$, api, bareCustomer, focused, mount, nextEvent, row, type Tenant} from './org-lists.helpers.js';

const makeToken = (tenant: Tenant, body: object) => api<TokenCreated>(tenant, 'POST', '/tokens', body);
const stored = async (tenant: Tenant, customerId: number, id: number) =>
  (await api<{data: Token[]}>(tenant, 'GET', `/customers/${customerId}/tokens`)).data.find((t) => t.id === id)!.permissions;
const dialog = (el: ResellerTokenManager) => $<HTMLDialogElement>(el, 'dialog.edit');
const box = (el: ResellerTokenManager, p: string) => $<HTMLInputElement>(el, `dialog.edit input[name="permissions"][value="${p}"]`);
const checked = (el: ResellerTokenManager) => [...dialog(el).querySelectorAll<HTMLInputElement>('input[name="permissions"]')].filter((i) => i.checked).map((i) => i.value);
const badges = (el: ResellerTokenManager, id: number) => [...row(el, id).querySelectorAll('td.col-permissions li')].map((li) => li.textContent!.trim());
const editButton = (el: ResellerTokenManager, id: number) => row(el, id).querySelector<HTMLButtonElement>('[part~="edit-button"]')!;
const patches = async (tenant: Tenant) => (await requests(tenant.token)).filter((r) => r.method === 'PATCH');

async function openEdit(el: ResellerTokenManager, id: number): Promise<void> {
  editButton(el, id).focus();
  await sendKeys({press: 'Enter'});
  await waitUntil(() => dialog(el)?.open && focused() === box(el, 'transcripts:read'), 'the edit dialog opens with focus on the first permission', {timeout: 10_000});
}

async function toggle(el: ResellerTokenManager, p: string): Promise<void> {
  box(el, p).focus();
  await sendKeys({press: ' '});
}

async function submit(el: ResellerTokenManager): Promise<void> {
  $<HTMLButtonElement>(el, 'dialog.edit [part~="submit-button"]').focus();
  await sendKeys({press: 'Enter'});
}

describe('<reseller-token-manager> edit permissions', () => {
  it('adds a permission from the keyboard without asking; the row, the event, the toast and the audit say so', async () => {
    const {tenant, customer} = await bareCustomer();
    const token = await makeToken(tenant, {customer_id: customer.id, name: 'CI pipeline', permissions: ['usage:read']});
    const el = await manager(tenant, customer.id);
    expect(editButton(el, token.id).textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Edit permissions CI pipeline (${token.prefix}…)`);
    await openEdit(el, token.id);
    expect($(el, 'dialog.edit h2').textContent).to.equal('Edit permissions');
    expect($(el, 'dialog.edit .hint').textContent).to.equal(`CI pipeline ${token.prefix}…`);
    expect(checked(el)).to.deep.equal(['usage:read']);
    await expect(el).to.be.accessible();

    await toggle(el, 'users:manage');
    const updated = nextEvent<ResellerTokenUpdatedEvent>(el, 'reseller-token-updated');
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await submit(el);
    expect((await updated).detail.token).to.include({id: token.id, name: 'CI pipeline'});
    expect((await updated).detail.token.permissions).to.deep.equal(['usage:read', 'users:manage']);
    expect((await toast).detail).to.deep.equal({message: 'Token CI pipeline updated.', kind: 'success'});
    await waitUntil(() => !dialog(el).open, 'the dialog closes');
    await el.updateComplete;
    expect(badges(el, token.id)).to.deep.equal(['Read usage', 'Manage users']);
    expect(focused(), 'focus back on the row’s Edit button').to.equal(editButton(el, token.id));
    expect(await stored(tenant, customer.id, token.id)).to.deep.equal(['usage:read', 'users:manage']);
    const [patch] = await patches(tenant);
    expect(patch.path).to.equal(`/tokens/${token.id}`);
    expect(patch.audit?.target).to.equal(`token ${token.id}`);
    expect(patch.audit?.actor.role).to.equal('RESELLER');
    expect(patch.audit?.changes).to.deep.equal({permissions: {from: ['usage:read'], to: ['usage:read', 'users:manage']}});
  });

  it('removing a permission asks first, naming what is lost; Back keeps the choice; confirmed, it is saved', async () => {
    const {tenant, customer} = await bareCustomer();
    const token = await makeToken(tenant, {customer_id: customer.id, name: 'Zapier', permissions: ['transcripts:read', 'usage:read']});
    const el = await manager(tenant, customer.id);
    await openEdit(el, token.id);
    await toggle(el, 'usage:read');
    await submit(el);
    await waitUntil(() => $(el, 'dialog.edit [part~="narrow-warning"]'), 'the confirm step shows');
    expect($(el, 'dialog.edit h2').textContent).to.equal('Remove permissions');
    expect($(el, '[part~="narrow-warning"]').textContent).to.equal(`Systems using the token ${token.prefix}… lose: Read usage.`);
    expect(focused()).to.equal($(el, '[part~="back-button"]'));
    await expect(el).to.be.accessible();
    await settle(300, 'a PATCH sent before the confirmation would be in the request log by then');
    expect(await patches(tenant), 'nothing sent before the confirmation').to.deep.equal([]);

    await sendKeys({press: 'Enter'}); // Back
    await waitUntil(() => box(el, 'usage:read'), 'back at the choice');
    expect(checked(el)).to.deep.equal(['transcripts:read']);

    await submit(el);
    await waitUntil(() => $(el, 'dialog.edit [part~="narrow-warning"]'), 'the confirm step shows again');
    const updated = nextEvent<ResellerTokenUpdatedEvent>(el, 'reseller-token-updated');
    await submit(el);
    expect((await updated).detail.token.permissions).to.deep.equal(['transcripts:read']);
    await waitUntil(() => !dialog(el).open, 'the dialog closes');
    await el.updateComplete;
    expect(badges(el, token.id)).to.deep.equal(['Read transcripts']);
    expect(await stored(tenant, customer.id, token.id)).to.deep.equal(['transcripts:read']);
  });

  it('a failed save (500) keeps the choice and says why from the code; a retry works', async () => {
    const {tenant, customer} = await bareCustomer();
    const token = await makeToken(tenant, {customer_id: customer.id, name: 'Sync', permissions: ['usage:read']});
    const el = await manager(tenant, customer.id);
    await setFaults(tenant.token, [{method: 'PATCH', path: '/tokens/*', status: 500}]);
    await openEdit(el, token.id);
    await toggle(el, 'transcripts:write');
    await submit(el);
    await waitUntil(() => $(el, 'dialog.edit [part~="alert"]'), 'the failure shows');
    const alert = $(el, 'dialog.edit [part~="alert"]').textContent!;
    expect(alert).to.contain('The token Sync was not changed.');
    expect(alert).to.contain('The server had a problem. Try again in a moment.');
    expect(alert, 'a known code: not the server’s English').not.to.contain('Injected fault');
    expect(dialog(el).open).to.be.true;
    expect(checked(el)).to.deep.equal(['transcripts:write', 'usage:read']);
    expect(badges(el, token.id)).to.deep.equal(['Read usage']);
    await expect(el).to.be.accessible();

    await clearFaults(tenant.token);
    const updated = nextEvent<ResellerTokenUpdatedEvent>(el, 'reseller-token-updated');
    await submit(el);
    expect((await updated).detail.token.permissions).to.deep.equal(['transcripts:write', 'usage:read']);
  });

  it('no permission left: says so at the checkboxes; nothing is sent', async () => {
    const {tenant, customer} = await bareCustomer();
    const token = await makeToken(tenant, {customer_id: customer.id, name: 'Solo', permissions: ['usage:read']});
    const el = await manager(tenant, customer.id);
    await openEdit(el, token.id);
    await toggle(el, 'usage:read');
    await submit(el);
    await waitUntil(() => $(el, 'dialog.edit #permissions-error'), 'the field error shows');
    expect($(el, 'dialog.edit #permissions-error').textContent).to.equal('Choose at least one permission.');
    expect(focused()).to.equal(box(el, 'transcripts:read'));
    await settle(300, 'a PATCH would be in the request log by then');
    expect(await patches(tenant)).to.deep.equal([]);
  });

  it('under dir="rtl" in a 320 px container: the row keeps Edit permissions reachable; the dialog is axe clean', async () => {
    const {tenant, customer} = await bareCustomer();
    const token = await makeToken(tenant, {customer_id: customer.id, name: 'موزّع Sync', permissions: ['usage:read']});
    const el = document.createElement('reseller-token-manager');
    el.token = tenant.token;
    el.customerId = customer.id;
    const box320 = document.createElement('div');
    box320.dir = 'rtl';
    box320.style.inlineSize = '320px';
    box320.append(el);
    document.body.append(box320);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector(`tr[data-id="${token.id}"]`), 'the row shows', {timeout: 10_000});
      const button = editButton(el, token.id).getBoundingClientRect();
      const frame = box320.getBoundingClientRect();
      expect(button.left).to.be.at.least(frame.left - 0.5);
      expect(button.right).to.be.at.most(frame.right + 0.5);
      expect($(el, 'td.col-name .truncate').getAttribute('dir')).to.equal('auto');
      await openEdit(el, token.id);
      await expect(el).to.be.accessible();
    } finally {
      box320.remove();
    }
  });
});

function manager(tenant: Tenant, customerId: number) {
  return mount('reseller-token-manager', tenant.token, {'customer-id': customerId});
}
