/**
 * <reseller-user-list> against the sandbox: the status machine as an operator sees it (Invited /
 * Active / Deactivated; reactivating someone who never accepted gives Invited back), Resend
 * invitation (toast, event, the outbox; the translated error on failure), Edit name in the lazily
 * loaded dialog (keyboard, Escape, focus back, a failure keeps what was typed, client checks), and
 * the row at 320 px in Arabic (RTL).
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/user-list.js';
import {loadContract} from '../../src/contract/load-contract.js';
import type {User} from '../../src/contract/schemas.js';
import type {ResellerUserList} from '../../src/elements/user-list/user-list.js';
import type {ResellerInvitationResentEvent, ResellerToastEvent, ResellerUserUpdatedEvent} from '../../src/events.js';
import {acceptInvitation, clearFaults, invitationOutbox, requests, setFaults} from '../helpers/sandbox.js';
import {settle} from '../helpers/wait.js';
import {$, api, bareCustomer, column, fieldError, focused, mount, nextEvent, row, typeInto, type Tenant} from './org-lists.helpers.js';

const list = (tenant: Tenant, customerId: number) => mount('reseller-user-list', tenant.token, {'customer-id': customerId});
const invite = (tenant: Tenant, customerId: number, name: string, email: string) => api<User>(tenant, 'POST', `/customers/${customerId}/users`, {name, email});
const serverUser = async (tenant: Tenant, customerId: number, id: number) =>
  (await api<{data: User[]}>(tenant, 'GET', `/customers/${customerId}/users`)).data.find((u) => u.id === id)!;
const button = (el: ResellerUserList, id: number, part: string) => row(el, id).querySelector<HTMLButtonElement>(`[part~="${part}"]`);
const dialog = (el: ResellerUserList) => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.edit-name');
const nameInput = (el: ResellerUserList) => $<HTMLInputElement>(el, '#edit-name');
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A customer made through the API with one invited user. */
async function withInvited(name: string, email: string): Promise<{tenant: Tenant; customerId: number; user: User}> {
  const {tenant, customer} = await bareCustomer();
  return {tenant, customerId: customer.id, user: await invite(tenant, customer.id, name, email)};
}

async function openEditName(el: ResellerUserList, id: number): Promise<void> {
  button(el, id, 'edit-name-button')!.focus();
  await sendKeys({press: 'Enter'});
  await waitUntil(() => dialog(el)?.open && focused() === nameInput(el), 'the Edit name dialog opens with focus on Name', {timeout: 10_000});
}

async function replaceName(el: ResellerUserList, value: string): Promise<void> {
  nameInput(el).select();
  await sendKeys({press: 'Backspace'});
  await typeInto(nameInput(el), value);
}

describe('<reseller-user-list> status machine, resend invitation, edit name', function () {
  // Several sandbox round trips each (tenant, customer, users, the outbox, faults).
  this.timeout(60_000);
  // The contract's lazy chunk compiled once before the first mount (the test server builds modules on demand: at load ~35 a cold first mount took longer than a mount's 10 s wait).
  before(() => loadContract());

  it('shows Invited / Active / Deactivated; Activate on a user who never accepted gives Invited back (the toast says so)', async () => {
    const {tenant, customer} = await bareCustomer();
    const invited = await invite(tenant, customer.id, 'Ines Invite', 'ines@example.com');
    const accepted = await invite(tenant, customer.id, 'Aart Accepted', 'aart@example.com');
    await acceptInvitation(tenant.token, accepted.id);
    const el = await list(tenant, customer.id);
    expect(column(el, 'status')).to.deep.equal(['Invited', 'Active']);
    // Only the invited user can be sent the invitation again.
    expect(text(button(el, invited.id, 'resend-button'))).to.equal('Resend invitation Ines Invite');
    expect(button(el, accepted.id, 'resend-button')).to.equal(null);

    const updates: User[] = [];
    el.addEventListener('reseller-user-updated', (e) => updates.push((e as ResellerUserUpdatedEvent).detail.user));
    button(el, invited.id, 'status-button')!.focus();
    let toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await sendKeys({press: 'Enter'});
    expect((await toast).detail.message).to.equal('Ines Invite is now deactivated.');
    await el.updateComplete;
    expect(column(el, 'status')).to.deep.equal(['Deactivated', 'Active']);
    expect(button(el, invited.id, 'resend-button')).to.equal(null);

    toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await sendKeys({press: 'Enter'});
    expect((await toast).detail.message).to.equal('Ines Invite is now invited.');
    await el.updateComplete;
    expect(column(el, 'status')).to.deep.equal(['Invited', 'Active']);
    expect((await serverUser(tenant, customer.id, invited.id)).status).to.equal('invited');
    expect(updates.map((u) => [u.id, u.status])).to.deep.equal([[invited.id, 'inactive'], [invited.id, 'invited']]);
    await expect(el).to.be.accessible();
  });

  it('Resend invitation from the keyboard: a toast, the typed event, one email in the outbox; again within a minute: the translated 429', async () => {
    const {tenant, customerId, user} = await withInvited('Rosa Resend', 'rosa@example.com');
    const el = await list(tenant, customerId);
    const before = (await invitationOutbox(tenant.token)).length;
    button(el, user.id, 'resend-button')!.focus();
    const resent = nextEvent<ResellerInvitationResentEvent>(el, 'reseller-invitation-resent');
    let toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await sendKeys({press: 'Enter'});
    expect((await toast).detail).to.deep.equal({message: `Invitation sent again to ${user.email}.`, kind: 'success'});
    const {detail} = await resent;
    expect(detail).to.include({customerId, userId: user.id, email: user.email});
    expect(Date.parse(detail.sentAt)).to.be.greaterThan(Date.now() - 5 * 60_000);
    const outbox = await invitationOutbox(tenant.token);
    expect(outbox.length).to.equal(before + 1);
    expect(outbox[0]).to.include({user_id: user.id, recipient: user.email, resend: true});
    expect(focused()).to.equal(button(el, user.id, 'resend-button'), 'focus stays on the button');

    // The sandbox's own limit, one resend a minute: 429 with Retry-After (longer than the client waits), shown translated.
    toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await sendKeys({press: 'Enter'});
    const failed = (await toast).detail;
    expect(failed.kind).to.equal('error');
    expect(failed.message).to.match(new RegExp(`^The invitation to ${user.email.replace(/\./g, '\\.')} was not sent again\\. Too many requests\\. Try again in \\d+ seconds\\.$`));
    expect((await invitationOutbox(tenant.token)).length).to.equal(before + 1);
  });

  it('a resend the server refuses (409: no longer invited) shows the translated reason in Dutch', async () => {
    const {tenant, customerId, user} = await withInvited('Noor Nederlands', 'noor@example.com');
    const el = await list(tenant, customerId);
    el.setAttribute('lang', 'nl');
    await waitUntil(() => text(button(el, user.id, 'resend-button')).startsWith('Uitnodiging opnieuw sturen'), 'the Dutch strings load');
    // Accepted in the meantime (another tab, the email): the list still offers a resend.
    await acceptInvitation(tenant.token, user.id);
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    button(el, user.id, 'resend-button')!.click();
    expect((await toast).detail).to.deep.equal({
      message: `De uitnodiging aan ${user.email} is niet opnieuw verstuurd. Alleen uitgenodigde gebruikers kunnen de uitnodiging opnieuw krijgen.`,
      kind: 'error',
    });
  });

  it('Edit name: loaded on first use, from the keyboard; saved, the row, the event and the toast say so; focus returns', async () => {
    const {tenant, customer} = await bareCustomer();
    const user = await invite(tenant, customer.id, 'Old Name', 'old@example.com');
    const el = await list(tenant, customer.id);
    expect(dialog(el), 'no edit dialog before the first edit').to.equal(null);
    expect(text(button(el, user.id, 'edit-name-button'))).to.equal('Edit name Old Name');
    await openEditName(el, user.id);
    expect(text($(el, 'dialog.edit-name h2'))).to.equal('Edit name');
    expect(text($(el, 'dialog.edit-name .hint'))).to.equal('old@example.com');
    expect(nameInput(el).value).to.equal('Old Name');
    await expect(el).to.be.accessible();
    await replaceName(el, '  Nieuwe Naam ');
    const updated = nextEvent<ResellerUserUpdatedEvent>(el, 'reseller-user-updated');
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await sendKeys({press: 'Enter'});
    expect((await updated).detail.user).to.include({id: user.id, name: 'Nieuwe Naam', status: 'invited'});
    expect((await toast).detail).to.deep.equal({message: 'Name changed to Nieuwe Naam.', kind: 'success'});
    await waitUntil(() => !dialog(el)!.open, 'the dialog closes');
    expect(column(el, 'name')).to.deep.equal(['Nieuwe Naam']);
    expect((await serverUser(tenant, customer.id, user.id)).name).to.equal('Nieuwe Naam');
    await waitUntil(() => focused() === button(el, user.id, 'edit-name-button'), 'focus returns to Edit name');
  });

  it('Edit name: Escape and Cancel close without saving and keep what was typed for the next open; focus returns', async () => {
    const {tenant, customer} = await bareCustomer();
    const user = await invite(tenant, customer.id, 'Keep Me', 'keep@example.com');
    const el = await list(tenant, customer.id);
    await openEditName(el, user.id);
    await replaceName(el, 'Half typed');
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !dialog(el)!.open, 'Escape closes the dialog');
    await waitUntil(() => focused() === button(el, user.id, 'edit-name-button'), 'focus returns after Escape');
    await openEditName(el, user.id);
    expect(nameInput(el).value).to.equal('Half typed');
    $<HTMLButtonElement>(el, 'dialog.edit-name [part~="cancel-button"]').click();
    await waitUntil(() => !dialog(el)!.open, 'Cancel closes the dialog');
    await settle(300, 'a PATCH would have been sent by now');
    expect((await requests(tenant.token)).filter((r) => r.method === 'PATCH')).to.have.length(0);
    expect((await serverUser(tenant, customer.id, user.id)).name).to.equal('Keep Me');
  });

  it('Edit name: a failed save keeps what was typed and says why; the server\'s 422 shows at the field; client checks first', async () => {
    const {tenant, customer} = await bareCustomer();
    const user = await invite(tenant, customer.id, 'Sticky', 'sticky@example.com');
    const el = await list(tenant, customer.id);
    await openEditName(el, user.id);

    // Client checks: empty, a control character (a pasted tab), too long: no request.
    await replaceName(el, '   ');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => fieldError(nameInput(el)) === 'Name is required.', 'the required message');
    expect(focused()).to.equal(nameInput(el));
    nameInput(el).value = 'Tab\there';
    nameInput(el).dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    await sendKeys({press: 'Enter'});
    await waitUntil(() => fieldError(nameInput(el)) === 'Name cannot contain line breaks, tabs or other control characters.', 'the control-character message');
    await replaceName(el, 'x');
    nameInput(el).value = 'x'.repeat(201);
    nameInput(el).dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    await sendKeys({press: 'Enter'});
    await waitUntil(() => fieldError(nameInput(el)) === 'Name is at most 200 characters.', 'the length message');
    expect((await requests(tenant.token)).filter((r) => r.method === 'PATCH')).to.have.length(0);

    // A 500: the dialog stays open with the typed name and the reason.
    await setFaults(tenant.token, [{method: 'PATCH', status: 500}]);
    await replaceName(el, 'Brand New Name');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => el.shadowRoot!.querySelector('dialog.edit-name [part~="alert"]'), 'the failure alert');
    expect(text($(el, 'dialog.edit-name [part~="alert"]'))).to.equal('The name was not changed. The server had a problem. Try again in a moment.');
    expect(dialog(el)!.open).to.be.true;
    expect(nameInput(el).value).to.equal('Brand New Name');

    // A 422 from the server: its message at the field, translated from its code.
    await setFaults(tenant.token, [{method: 'PATCH', status: 422, fields: {name: 'Name must not contain control characters'}}]);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => fieldError(nameInput(el)).length > 0, 'the server message at Name');
    expect(nameInput(el).value).to.equal('Brand New Name');
    expect(nameInput(el).getAttribute('aria-invalid')).to.equal('true');

    await clearFaults(tenant.token);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => !dialog(el)!.open, 'saved after the faults are gone');
    expect((await serverUser(tenant, customer.id, user.id)).name).to.equal('Brand New Name');
    expect(column(el, 'name')).to.deep.equal(['Brand New Name']);
  });

  it('at 320 px in Arabic (RTL): each user a card with its status, every action reachable; the edit dialog fits', async () => {
    const {tenant, customer} = await bareCustomer();
    const invited = await invite(tenant, customer.id, 'سارة المدعوة', 'sara@example.com');
    const active = await invite(tenant, customer.id, 'Anouk de Vries', 'anouk@example.com');
    await acceptInvitation(tenant.token, active.id);
    const deactivated = await invite(tenant, customer.id, 'Jonas Weber', 'jonas@example.com');
    await api(tenant, 'PATCH', `/customers/${customer.id}/users/${deactivated.id}`, {status: 'inactive'});
    const el = await list(tenant, customer.id);
    el.setAttribute('lang', 'ar');
    el.setAttribute('dir', 'rtl');
    el.style.inlineSize = '320px';
    await waitUntil(() => text(button(el, invited.id, 'resend-button')).startsWith('إعادة إرسال الدعوة'), 'the Arabic strings load');
    expect(column(el, 'status')).to.deep.equal(['مدعو', 'نشط', 'معطّل']);
    // No horizontal overflow: the element, the table and every row fit their 320 px.
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    const table = $<HTMLElement>(el, '.table-scroll');
    expect(table.scrollWidth, 'the table scroller').to.be.at.most(table.clientWidth + 1);
    for (const part of ['resend-button', 'edit-name-button', 'status-button', 'remove-button']) {
      const b = button(el, invited.id, part)!;
      const r = b.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      expect(r.left, `${part} inside on the left`).to.be.at.least(box.left - 1);
      expect(r.right, `${part} inside on the right`).to.be.at.most(box.right + 1);
    }
    // RTL: the card's first cell (the name) starts at the inline start, the right.
    const name = row(el, invited.id).querySelector('td.col-name')!.getBoundingClientRect();
    expect(el.getBoundingClientRect().right - name.right).to.be.lessThan(40);
    await openEditName(el, invited.id);
    expect(text($(el, 'dialog.edit-name h2'))).to.equal('تعديل الاسم');
    const d = dialog(el)!.getBoundingClientRect();
    expect(d.width).to.be.at.most(window.innerWidth);
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Escape'});
  });
});
