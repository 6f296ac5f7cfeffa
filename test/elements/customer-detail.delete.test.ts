/**
 * <reseller-customer-detail>: Delete on the detail page, against the sandbox: the same
 * permanent-deletion confirm as the table's menu, then `reseller-customer-deleted` for the host to
 * navigate away; a failure is shown in the dialog and the page (with what was typed) is kept.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/customer-detail.js';
import type {ResellerCustomerDeletedEvent} from '../../src/events.js';
import {customerExists} from '../helpers/api.js';
import {confirmOf, confirmPart} from '../helpers/dom.js';
import {setFaults} from '../helpers/sandbox.js';
import {$, detailFor, focused, input, nextEvent, replaceText, tenantWithCustomer} from './customer-detail.helpers.js';

const deleteButton = (el: Element) => $<HTMLButtonElement>(el, '[part~="delete"]');

describe('<reseller-customer-detail> delete', () => {
  it('Delete → the table’s permanent-deletion confirm → deleted on the server, toast, reseller-customer-deleted; axe clean', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    expect(deleteButton(el).textContent!.trim()).to.equal('Delete');
    deleteButton(el).focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => confirmOf(el).open, 'the confirm opens');
    await confirmOf(el).updateComplete;
    expect(confirmPart(el, 'heading').textContent).to.equal(`Delete ${customer.name}?`);
    expect(confirmPart(el, 'message').textContent).to.equal(
      `Deleting ${customer.name} (${customer.email}) is permanent. Their tokens, users, usage history and transcripts are removed too. This cannot be undone.`,
    );
    expect(confirmPart(el, 'confirm-button').textContent!.trim()).to.equal('Delete customer');
    expect(focused(), 'a danger confirm starts on Cancel').to.equal(confirmPart(el, 'cancel-button'));
    await expect(confirmOf(el)).to.be.accessible();

    const deleted = nextEvent<ResellerCustomerDeletedEvent>(el, 'reseller-customer-deleted');
    const toast = nextEvent<CustomEvent>(el, 'reseller-toast');
    confirmPart(el, 'confirm-button').click();
    expect((await deleted).detail).to.deep.equal({id: customer.id, name: customer.name});
    expect((await toast).detail).to.deep.equal({message: `Customer ${customer.name} deleted.`, kind: 'success'});
    expect(await customerExists(tenant, customer.id)).to.equal(false);
    // A host that does not navigate away: the page says the customer is gone, no stale form.
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="not-found"]'), 'the not-found state after the delete');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a failed delete (500) shows the error in the dialog; cancel keeps the page with what was typed, no event', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'industry'), 'finance');
    await setFaults(tenant.token, [{method: 'DELETE', path: '/customers/*', status: 500}]);
    let events = 0;
    el.addEventListener('reseller-customer-deleted', () => events++);
    deleteButton(el).focus();
    deleteButton(el).click();
    await waitUntil(() => confirmOf(el).open, 'the confirm opens');
    await confirmOf(el).updateComplete;
    confirmPart(el, 'confirm-button').click();
    await waitUntil(() => confirmPart(el, 'error'), 'the error shows in the dialog');
    expect(confirmPart(el, 'error').textContent).to.contain(`Could not delete ${customer.name}.`);
    expect(confirmOf(el).open).to.equal(true);
    confirmPart(el, 'cancel-button').click();
    await waitUntil(() => !confirmOf(el).open, 'cancel closes the dialog');
    expect(events).to.equal(0);
    expect(await customerExists(tenant, customer.id)).to.equal(true);
    expect(input(el, 'name').value).to.equal(customer.name);
    expect(input(el, 'industry').value, 'what was typed is kept').to.equal('finance');
    await waitUntil(() => focused() === deleteButton(el), 'focus back on Delete');
  });

  it('at 320 px and right to left the Delete button is in the button row, inside the element', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    el.parentElement!.style.width = '320px';
    el.parentElement!.dir = 'rtl';
    await el.updateComplete;
    const box = el.getBoundingClientRect();
    const button = deleteButton(el).getBoundingClientRect();
    expect(button.left >= box.left - 0.5 && button.right <= box.right + 0.5, `Delete inside the element: ${JSON.stringify({button, box})}`).to.equal(true);
    expect(deleteButton(el).closest('[part~="actions"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
