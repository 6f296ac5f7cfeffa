/**
 * <reseller-user-list> against the sandbox: list with status badges, invite (client checks, 422
 * field errors, input kept), deactivate / reactivate, remove with confirmation, states.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/user-list.js';
import type {User} from '../../src/contract/schemas.js';
import type {ResellerUserList} from '../../src/elements/user-list/user-list.js';
import type {ResellerConfirmDialog} from '../../src/elements/confirm-dialog/confirm-dialog.js';
import type {ResellerToastEvent} from '../../src/events.js';
import {acceptInvitation, clearFaults, requests, setFaults} from '../helpers/sandbox.js';
import {$, api, bareCustomer, column, createTenant, fieldError, focused, mount, nextEvent, row, rowIds, settled, typeInto, type Tenant} from './org-lists.helpers.js';

const list = (tenant: Tenant, customerId: number) => mount('reseller-user-list', tenant.token, {'customer-id': customerId});
const invite = (tenant: Tenant, customerId: number, name: string, email: string) =>
  api<User>(tenant, 'POST', `/customers/${customerId}/users`, {name, email});
const serverUsers = (tenant: Tenant, customerId: number) => api<{data: User[]}>(tenant, 'GET', `/customers/${customerId}/users`).then((r) => r.data);
const dialog = (el: ResellerUserList) => $<HTMLDialogElement>(el, 'dialog.invite');
const input = (el: ResellerUserList, field: 'name' | 'email') => $<HTMLInputElement>(el, `#invite-${field}`);

async function openInvite(el: ResellerUserList): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="invite-button"]').focus();
  await sendKeys({press: 'Enter'});
  await waitUntil(() => dialog(el).open && focused() === input(el, 'name'), 'the invite dialog opens on Name');
}

describe('<reseller-user-list>', () => {
  it('lists name, email, status badge and last sign-in', async () => {
    const {tenant, customer} = await bareCustomer();
    const a = await invite(tenant, customer.id, 'Ada Lovelace', 'ada@example.com');
    const b = await invite(tenant, customer.id, 'Grace Hopper', 'grace@example.com');
    await api(tenant, 'PATCH', `/customers/${customer.id}/users/${b.id}`, {status: 'inactive'});
    const el = await list(tenant, customer.id);
    expect(rowIds(el)).to.deep.equal([a.id, b.id]);
    expect(column(el, 'name')).to.deep.equal(['Ada Lovelace', 'Grace Hopper']);
    expect(column(el, 'email')).to.deep.equal(['ada@example.com', 'grace@example.com']);
    expect(column(el, 'status')).to.deep.equal(['Invited', 'Deactivated']);
    expect(column(el, 'lastLogin')).to.deep.equal(['Never signed in', 'Never signed in']);
    expect($(el, '[part~="count"]').textContent).to.equal('2 users');
    expect(row(el, a.id).querySelector('[part~="status-button"]')!.textContent).to.contain('Deactivate');
    expect(row(el, b.id).querySelector('[part~="status-button"]')!.textContent).to.contain('Activate');
    await expect(el).to.be.accessible();
  });

  it('seeded users: active ones show when they last signed in', async () => {
    const tenant = await createTenant({customers: 3, seed: 11});
    const customers = (await api<{data: {id: number; status: string}[]}>(tenant, 'GET', '/customers')).data;
    const active = customers.find((c) => c.status === 'active') ?? customers[0]!;
    const users = await serverUsers(tenant, active.id);
    const el = await list(tenant, active.id);
    expect(rowIds(el)).to.deep.equal(users.map((u) => u.id));
    expect(users.some((u) => u.last_login_at), 'the seed has a signed-in user').to.be.true;
    const shown = column(el, 'lastLogin');
    users.forEach((u, i) => {
      if (u.last_login_at) expect(shown[i]).to.match(/\d/);
      else expect(shown[i]).to.equal('Never signed in');
    });
  });

  it('invites by name and email from the keyboard: the row appears as Invited', async () => {
    const {tenant, customer} = await bareCustomer();
    const el = await list(tenant, customer.id);
    await openInvite(el);
    await typeInto(input(el, 'name'), 'Katherine Johnson');
    await typeInto(input(el, 'email'), 'kj@example.com');
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await sendKeys({press: 'Enter'});
    expect((await toast).detail).to.deep.equal({message: 'Invitation sent to kj@example.com.', kind: 'success'});
    await waitUntil(() => !dialog(el).open, 'the dialog closes');
    expect(column(el, 'name')).to.deep.equal(['Katherine Johnson']);
    expect(column(el, 'status')).to.deep.equal(['Invited']);
    expect(focused()).to.equal($(el, '[part~="invite-button"]'));
    expect((await serverUsers(tenant, customer.id)).map((u) => u.email)).to.deep.equal(['kj@example.com']);
  });

  it('checks the fields first (required, email format); nothing is sent', async () => {
    const {tenant, customer} = await bareCustomer();
    const el = await list(tenant, customer.id);
    await openInvite(el);
    await typeInto(input(el, 'email'), 'not-an-email');
    $<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await el.updateComplete;
    expect(fieldError(input(el, 'name'))).to.equal('Name is required.');
    expect(fieldError(input(el, 'email'))).to.equal('Enter a valid email address, e.g. name@example.com.');
    expect(focused()).to.equal(input(el, 'name'));
    expect((await requests(tenant.token)).filter((r) => r.method === 'POST' && r.path.endsWith('/users'))).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it("a 422 (email in use) shows the server's message at Email; the input stays", async () => {
    const {tenant, customer} = await bareCustomer();
    await invite(tenant, customer.id, 'First', 'taken@example.com');
    const el = await list(tenant, customer.id);
    await openInvite(el);
    await typeInto(input(el, 'name'), 'Second');
    await typeInto(input(el, 'email'), 'taken@example.com');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => input(el, 'email').getAttribute('aria-invalid') === 'true', 'the field error shows');
    expect(fieldError(input(el, 'email')), 'from the field code email_taken').to.equal('This email address is already in use.');
    expect($(el, '[part~="alert"]').textContent).to.contain('The invitation was not sent.');
    expect(input(el, 'name').value).to.equal('Second');
    expect(input(el, 'email').value).to.equal('taken@example.com');
    expect(focused()).to.equal(input(el, 'email'));
    expect(dialog(el).open).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('a failed invite (500) keeps the input; cancel and reopen still has it', async () => {
    const {tenant, customer} = await bareCustomer();
    await setFaults(tenant.token, [{method: 'POST', path: '/customers/*/users', status: 500}]);
    const el = await list(tenant, customer.id);
    await openInvite(el);
    await typeInto(input(el, 'name'), 'Mary');
    await typeInto(input(el, 'email'), 'mary@example.com');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => $(el, '[part~="alert"]'), 'the failure shows');
    expect($(el, '[part~="alert"]').textContent, 'the kit’s words for code `internal`, not the server’s').to.equal('The invitation was not sent. The server had a problem. Try again in a moment.');
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !dialog(el).open, 'cancelled');
    await openInvite(el);
    expect(input(el, 'name').value).to.equal('Mary');
    expect(input(el, 'email').value).to.equal('mary@example.com');
    await clearFaults(tenant.token);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => column(el, 'email').includes('mary@example.com'), 'invited after all');
  });

  it('deactivates and reactivates a user', async () => {
    const {tenant, customer} = await bareCustomer();
    const user = await invite(tenant, customer.id, 'Toggle Me', 'toggle@example.com');
    await acceptInvitation(tenant.token, user.id);
    const el = await list(tenant, customer.id);
    const button = () => row(el, user.id).querySelector<HTMLButtonElement>('[part~="status-button"]')!;
    expect(column(el, 'status')).to.deep.equal(['Active']);
    button().focus();
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await sendKeys({press: 'Enter'});
    expect((await toast).detail.message).to.equal('Toggle Me is now deactivated.');
    await el.updateComplete;
    expect(column(el, 'status')).to.deep.equal(['Deactivated']);
    expect(button().textContent).to.contain('Activate');
    expect(focused()).to.equal(button(), 'focus stays on the button');
    expect((await serverUsers(tenant, customer.id))[0]!.status).to.equal('inactive');

    const again = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    await sendKeys({press: 'Enter'});
    expect((await again).detail.message).to.equal('Toggle Me is now active.');
    await el.updateComplete;
    expect(column(el, 'status')).to.deep.equal(['Active']);
    expect((await serverUsers(tenant, customer.id))[0]!.status).to.equal('active');
  });

  it('a failed status change says so; the status stays', async () => {
    const {tenant, customer} = await bareCustomer();
    const user = await invite(tenant, customer.id, 'Stuck', 'stuck@example.com');
    await setFaults(tenant.token, [{method: 'PATCH', status: 500}]);
    const el = await list(tenant, customer.id);
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    row(el, user.id).querySelector<HTMLButtonElement>('[part~="status-button"]')!.click();
    const {detail} = await toast;
    expect(detail.kind).to.equal('error');
    expect(detail.message).to.contain('The status of Stuck was not changed.');
    await el.updateComplete;
    expect(column(el, 'status')).to.deep.equal(['Invited']);
  });

  it('removes a user after confirmation; Escape cancels', async () => {
    const {tenant, customer} = await bareCustomer();
    const a = await invite(tenant, customer.id, 'Stay', 'stay@example.com');
    const b = await invite(tenant, customer.id, 'Leave', 'leave@example.com');
    const el = await list(tenant, customer.id);
    const confirm = $<ResellerConfirmDialog>(el, 'reseller-confirm-dialog');
    row(el, b.id).querySelector<HTMLButtonElement>('[part~="remove-button"]')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => confirm.open, 'the confirm opens');
    expect(confirm.shadowRoot!.textContent).to.contain('Leave (leave@example.com) loses access to this organization immediately.');
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !confirm.open, 'cancelled');
    expect(rowIds(el)).to.deep.equal([a.id, b.id]);

    row(el, b.id).querySelector<HTMLButtonElement>('[part~="remove-button"]')!.click();
    await waitUntil(() => confirm.open, 'the confirm opens');
    confirm.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => rowIds(el).length === 1, 'the row goes');
    expect(rowIds(el)).to.deep.equal([a.id]);
    expect(focused()).to.equal(row(el, a.id).querySelector('[part~="remove-button"]'));
    expect((await serverUsers(tenant, customer.id)).map((u) => u.id)).to.deep.equal([a.id]);
  });

  it('renders XSS-looking names as text', async () => {
    const {tenant, customer} = await bareCustomer();
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await invite(tenant, customer.id, evil, 'xss@example.com');
    const el = await list(tenant, customer.id);
    expect(column(el, 'name')).to.deep.equal([evil]);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
  });

  it('empty: says so, Invite user stays; axe clean', async () => {
    const {tenant, customer} = await bareCustomer();
    const el = await list(tenant, customer.id);
    expect($(el, '[part~="empty"]').textContent).to.contain('This customer has no users yet.');
    expect($(el, '[part~="invite-button"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('error with retry; axe clean', async () => {
    const {tenant, customer} = await bareCustomer();
    await setFaults(tenant.token, [{method: 'GET', path: '/customers/*/users', status: 500}]);
    const el = await list(tenant, customer.id);
    expect($(el, '[part~="error"]').textContent).to.contain('Could not load users.');
    await expect(el).to.be.accessible();
    await clearFaults(tenant.token);
    $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await settled(el);
    expect($(el, '[part~="empty"]')).to.exist;
  });

  it('a RESELLEE token: "reseller access required"; axe clean', async () => {
    const tenant = await createTenant({customers: 1});
    const [customer] = (await api<{data: {id: number}[]}>(tenant, 'GET', '/customers')).data;
    const el = await mount('reseller-user-list', tenant.reselleeToken, {'customer-id': customer!.id});
    expect($(el, '[part~="access-required"]').textContent).to.contain('Reseller access required');
    expect($(el, '[part~="invite-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
