/**
 * <reseller-customer-table>: the row actions menu and the context menu (mouse and keyboard), and
 * delete through the confirm dialog (success, failure, cancel), against the sandbox.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {ResellerCustomerDeletedEvent, ResellerCustomerOpenEvent} from '../../src/events.js';
import {setFaults} from '../helpers/sandbox.js';
import {focused} from '../helpers/dom.js';
import {confirmOf, confirmPart, createTenant, customerExists, items, menuButton, menuOpen, nextEvent, pressShiftF10, row, rowIds, tableFor} from './customer-table.helpers.js';

/** A name as the kit puts it in a sentence: one with Arabic or Hebrew letters in a first-strong isolate. */
const inSentence = (name: string) => (/[\u0590-\u08FF]/.test(name) ? `\u2068${name}\u2069` : name);

describe('<reseller-customer-table> menus and delete', () => {
  it('row actions menu from the keyboard: Enter opens on View, arrows move, Escape returns focus', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant);
    const id = rowIds(el)[1]!;
    const trigger = menuButton(el, id);
    const name = row(el, id).querySelector('td.col-name')!.textContent!.trim();
    expect(trigger.getAttribute('aria-label')).to.equal(`More actions for ${inSentence(name)}`);
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    trigger.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => menuOpen(el), 'the menu opens');
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(items(el).map((i) => i.textContent!.trim())).to.deep.equal(['View', 'Delete']);
    expect(focused()).to.equal(items(el)[0]);
    await sendKeys({press: 'ArrowDown'});
    expect(focused()).to.equal(items(el)[1]);
    await sendKeys({press: 'ArrowDown'});
    expect(focused()).to.equal(items(el)[0], 'wraps around');
    await sendKeys({press: 'Escape'});
    expect(menuOpen(el)).to.be.false;
    expect(focused()).to.equal(trigger);
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
  });

  it('View from the row menu fires the open event for that row', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant);
    const id = rowIds(el)[2]!;
    menuButton(el, id).focus();
    await sendKeys({press: 'ArrowDown'});
    await waitUntil(() => menuOpen(el), 'the menu opens');
    const opened = nextEvent<ResellerCustomerOpenEvent>(el, 'reseller-customer-open');
    el.addEventListener('reseller-customer-open', (e) => e.preventDefault(), {once: true});
    await sendKeys({press: 'Enter'});
    expect((await opened).detail).to.deep.equal({id, href: null});
    expect(menuOpen(el)).to.be.false;
  });

  it('right click on a row opens the context menu with View and Delete', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant);
    const id = rowIds(el)[0]!;
    const cell = row(el, id).querySelector<HTMLElement>('td.col-phone')!;
    const r = cell.getBoundingClientRect();
    const event = new MouseEvent('contextmenu', {bubbles: true, composed: true, cancelable: true, clientX: r.left + 5, clientY: r.top + 5, button: 2});
    cell.dispatchEvent(event);
    expect(event.defaultPrevented, 'the browser menu is replaced').to.be.true;
    await waitUntil(() => menuOpen(el), 'the context menu opens');
    expect(items(el).map((i) => i.textContent!.trim())).to.deep.equal(['View', 'Delete']);
    const opened = nextEvent<ResellerCustomerOpenEvent>(el, 'reseller-customer-open');
    el.addEventListener('reseller-customer-open', (e) => e.preventDefault(), {once: true});
    items(el)[0]!.click();
    expect((await opened).detail.id).to.equal(id);
  });

  it('Shift+F10 on a focused cell opens the context menu; Escape returns focus there', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant);
    const id = rowIds(el)[1]!;
    const copy = row(el, id).querySelector<HTMLButtonElement>('td.col-id button')!;
    copy.focus();
    await pressShiftF10(copy);
    await waitUntil(() => menuOpen(el), 'the context menu opens');
    expect(focused()).to.equal(items(el)[0]);
    await sendKeys({press: 'Escape'});
    expect(menuOpen(el)).to.be.false;
    expect(focused()).to.equal(copy);
  });

  it('deletes from the keyboard: menu → Delete → a confirm naming the customer and warning it is permanent', async () => {
    const tenant = await createTenant({customers: 4});
    const el = await tableFor(tenant);
    const [, id, nextId] = rowIds(el) as [number, number, number];
    const name = row(el, id).querySelector('td.col-name')!.textContent!.trim();
    menuButton(el, id).focus();
    await sendKeys({press: 'ArrowUp'}); // opens on the last item: Delete
    await waitUntil(() => menuOpen(el), 'the menu opens');
    expect(focused()!.textContent!.trim()).to.equal('Delete');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => confirmOf(el).open, 'the confirm opens');
    await confirmOf(el).updateComplete;
    expect(confirmPart(el, 'heading').textContent).to.equal(`Delete ${inSentence(name)}?`);
    expect(confirmPart(el, 'message').textContent).to.contain('permanent');
    expect(confirmPart(el, 'message').textContent).to.contain(name);
    expect(focused(), 'a danger confirm starts on Cancel').to.equal(confirmPart(el, 'cancel-button'));
    await expect(confirmOf(el)).to.be.accessible();

    const deleted = nextEvent<ResellerCustomerDeletedEvent>(el, 'reseller-customer-deleted');
    const toast = nextEvent<CustomEvent>(el, 'reseller-toast');
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal(confirmPart(el, 'confirm-button'));
    await sendKeys({press: 'Enter'});
    expect((await deleted).detail).to.deep.equal({id, name});
    expect((await toast).detail).to.deep.equal({message: `Customer ${inSentence(name)} deleted.`, kind: 'success'});
    await waitUntil(() => !rowIds(el).includes(id), 'the row disappears');
    expect(await customerExists(tenant, id)).to.be.false;
    expect(rowIds(el)).to.have.length(3);
    await waitUntil(() => focused() === menuButton(el, nextId), 'focus moves to the next row');
  });

  it('a failed delete (500) says so in the dialog and keeps the row', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant);
    const id = rowIds(el)[0]!;
    const name = row(el, id).querySelector('td.col-name')!.textContent!.trim();
    await setFaults(tenant.token, [{method: 'DELETE', path: '/customers/*', status: 500}]);
    let deletedEvents = 0;
    el.addEventListener('reseller-customer-deleted', () => deletedEvents++);
    const r = row(el, id).getBoundingClientRect();
    row(el, id).dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, composed: true, cancelable: true, clientX: r.left + 10, clientY: r.top + 10}));
    await waitUntil(() => menuOpen(el), 'the context menu opens');
    items(el)[1]!.click();
    await waitUntil(() => confirmOf(el).open, 'the confirm opens');
    await confirmOf(el).updateComplete;
    confirmPart(el, 'confirm-button').click();
    await waitUntil(() => confirmPart(el, 'error'), 'the error shows in the dialog');
    expect(confirmPart(el, 'error').textContent).to.contain(`Could not delete ${inSentence(name)}.`);
    expect(confirmOf(el).open).to.be.true;
    expect(deletedEvents).to.equal(0);
    expect(rowIds(el)).to.include(id);
    expect(await customerExists(tenant, id)).to.be.true;

    confirmPart(el, 'cancel-button').click();
    await waitUntil(() => !confirmOf(el).open, 'cancel closes');
    expect(rowIds(el)).to.include(id);
  });

  it('Escape in the confirm cancels: nothing deleted, focus back on the menu button', async () => {
    const tenant = await createTenant({customers: 2});
    const el = await tableFor(tenant);
    const id = rowIds(el)[0]!;
    menuButton(el, id).focus();
    await sendKeys({press: 'ArrowUp'});
    await waitUntil(() => menuOpen(el), 'the menu opens');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => confirmOf(el).open, 'the confirm opens');
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !confirmOf(el).open, 'Escape closes');
    expect(focused()).to.equal(menuButton(el, id));
    expect(await customerExists(tenant, id)).to.be.true;
    expect(rowIds(el)).to.include(id);
  });

  it('the page with its menu open is axe clean', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant);
    menuButton(el, rowIds(el)[0]!).click();
    await waitUntil(() => menuOpen(el), 'the menu opens');
    await expect(el).to.be.accessible();
  });
});
