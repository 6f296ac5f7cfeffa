/**
 * <reseller-customer-detail>: the five tabs (WAI-ARIA tabs, manual activation, keyboard only),
 * the reflected `tab` attribute and its event, the panels' states, and leaving with unsaved edits
 * (a new customer-id, canLeave(), beforeunload).
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/customer-detail.js';
import type {ResellerStateChangeEvent} from '../../src/events.js';
import {
  $, $$, confirmButton, createCustomer, detailFor, dialogOpen, focused, input, nextEvent, replaceText, settled, tenantWithCustomer, updateButton,
} from './customer-detail.helpers.js';

const tabs = (el: Element) => $$<HTMLButtonElement>(el, '[role="tab"]');
const tab = (el: Element, id: string) => $<HTMLButtonElement>(el, `#tab-${id}`);
const panel = (el: Element, id: string) => $<HTMLElement>(el, `#panel-${id}`);
const selected = (el: Element) => tabs(el).filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.dataset.tab);

describe('<reseller-customer-detail> tabs', () => {
  it('five tabs in a tablist; the Subscription panel (the default) shows the plan; axe clean', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    const list = $(el, '[role="tablist"]');
    expect(list.getAttribute('aria-label')).to.equal('Customer sections');
    expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['Subscription', 'Usage', 'Tokens', 'Users', 'Transcriptions']);
    expect(selected(el)).to.deep.equal(['subscription']);
    expect(el.getAttribute('tab')).to.equal('subscription');
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    const sub = panel(el, 'subscription');
    expect(sub.getAttribute('role')).to.equal('tabpanel');
    expect(sub.getAttribute('aria-labelledby')).to.equal('tab-subscription');
    expect(tab(el, 'subscription').getAttribute('aria-controls')).to.equal('panel-subscription');
    expect(sub.hidden).to.be.false;
    expect(panel(el, 'usage').hidden).to.be.true;
    await waitUntil(() => sub.querySelector('reseller-subscription-panel'), 'the panel element loads', {timeout: 8000});
    const inner = sub.querySelector('reseller-subscription-panel')!;
    expect(inner.getAttribute('customer-id')).to.equal(String(customer.id));
    await waitUntil(() => inner.shadowRoot?.querySelector('[part~="plan"]')?.textContent === 'Gold', 'the panel shows the plan', {timeout: 8000});
    await expect(el).to.be.accessible();
  });

  it('keyboard only: arrows, Home and End move focus (wrapping) without opening; Enter and Space open; the event fires', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    const events: ResellerStateChangeEvent[] = [];
    el.addEventListener('reseller-state-change', (e) => events.push(e));
    tab(el, 'subscription').focus();
    await sendKeys({press: 'ArrowRight'});
    expect(focused()).to.equal(tab(el, 'usage'));
    expect(selected(el), 'manual activation: focus only').to.deep.equal(['subscription']);
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(selected(el)).to.deep.equal(['usage']);
    expect(el.getAttribute('tab')).to.equal('usage');
    expect(panel(el, 'usage').hidden).to.be.false;
    expect(panel(el, 'subscription').hidden).to.be.true;
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1]);

    await sendKeys({press: 'End'});
    expect(focused()).to.equal(tab(el, 'transcriptions'));
    await sendKeys({press: 'ArrowRight'});
    expect(focused(), 'wraps to the first').to.equal(tab(el, 'subscription'));
    await sendKeys({press: 'ArrowLeft'});
    expect(focused(), 'wraps to the last').to.equal(tab(el, 'transcriptions'));
    await sendKeys({press: 'Home'});
    expect(focused()).to.equal(tab(el, 'subscription'));
    await sendKeys({press: 'ArrowRight'});
    await sendKeys({press: 'ArrowRight'});
    expect(focused()).to.equal(tab(el, 'tokens'));
    await sendKeys({press: ' '}); // Space, spelt so every engine's driver can send it
    await el.updateComplete;
    expect(selected(el)).to.deep.equal(['tokens']);
    expect(events.map((e) => e.detail)).to.deep.equal([{tab: 'usage'}, {tab: 'tokens'}]);

    // Tab from the selected tab goes into its panel.
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal(panel(el, 'tokens'));
  });

  it('restores the tab from the attribute; a host setting it fires no event; a bad value warns once and shows Subscription', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    // No Transcriptions loader: the test below needs <reseller-transcription-list> unregistered in this page.
    const el = await detailFor(tenant, customer.id, {attrs: {tab: 'users'}, loaders: {transcriptions: null}});
    expect(selected(el)).to.deep.equal(['users']);
    expect(panel(el, 'users').hidden).to.be.false;
    expect(panel(el, 'subscription').querySelector('reseller-subscription-panel'), 'an unopened tab renders nothing').to.equal(null);
    let fired = 0;
    el.addEventListener('reseller-state-change', () => fired++);
    el.setAttribute('tab', 'transcriptions');
    await el.updateComplete;
    expect(selected(el)).to.deep.equal(['transcriptions']);
    expect(fired).to.equal(0);

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      el.setAttribute('tab', 'billing');
      await el.updateComplete;
      el.setAttribute('tab', 'invoices');
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(selected(el)).to.deep.equal(['subscription']);
    expect(warnings.filter((w) => w.includes('tab='))).to.have.length(1);
  });

  it('a tab without a loader (or with a null host loader) whose element is not registered: "not available"; axe clean', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id, {attrs: {tab: 'transcriptions'}, loaders: {transcriptions: null}});
    expect(customElements.get('reseller-transcription-list'), 'not registered in this page').to.equal(undefined);
    const state = panel(el, 'transcriptions').querySelector('[part~="not-available"]')!;
    expect(state.textContent).to.contain('Transcriptions is not available here');
    expect(state.textContent).to.contain('This section is not installed in this portal yet.');
    await expect(el).to.be.accessible();
  });

  it('switching tabs keeps what was typed in the form', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'name'), 'Typed Then Tabbed');
    tab(el, 'users').click();
    await el.updateComplete;
    tab(el, 'subscription').click();
    await el.updateComplete;
    expect(input(el, 'name').value).to.equal('Typed Then Tabbed');
    expect(updateButton(el).disabled).to.be.false;
  });
});

describe('<reseller-customer-detail> leaving with unsaved edits', () => {
  it('a new customer-id asks first: Keep editing restores the id and the edits; Discard shows the other customer', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const other = await createCustomer(tenant, {name: 'Second Customer', email: 'second@example.com'});
    const el = await detailFor(tenant, customer.id);
    await replaceText(input(el, 'name'), 'Unsaved Name');
    el.setAttribute('customer-id', String(other.id));
    await waitUntil(() => dialogOpen(el), 'asks');
    expect(el.getAttribute('customer-id'), 'still the shown customer').to.equal(String(customer.id));
    const dialogText = $(el, 'reseller-confirm-dialog').shadowRoot!.textContent!;
    expect(dialogText).to.contain('Discard unsaved changes?');
    expect(focused(), 'a destructive confirm starts on Keep editing').to.equal(confirmButton(el, 'cancel'));
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => !dialogOpen(el), 'closed');
    expect(el.customerId).to.equal(customer.id);
    expect(input(el, 'name').value).to.equal('Unsaved Name');

    el.customerId = other.id;
    await waitUntil(() => dialogOpen(el), 'asks again');
    confirmButton(el, 'confirm').click();
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLInputElement>('#name')?.value === 'Second Customer', 'the other customer');
    await settled(el);
    expect(el.getAttribute('customer-id')).to.equal(String(other.id));
    expect(updateButton(el).disabled).to.be.true;
  });

  it('canLeave(): true at once when clean; asks when dirty (false to stay, true and clean to leave)', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    expect(await el.canLeave()).to.be.true;
    expect(dialogOpen(el)).to.be.false;
    await replaceText(input(el, 'email'), 'edited@example.com');
    const stay = el.canLeave();
    await waitUntil(() => dialogOpen(el), 'asks');
    const closed = nextEvent($(el, 'reseller-confirm-dialog').shadowRoot!.querySelector('dialog')!, 'close');
    confirmButton(el, 'cancel').click();
    expect(await stay).to.be.false;
    await closed;
    expect(input(el, 'email').value).to.equal('edited@example.com');
    const leave = el.canLeave();
    await waitUntil(() => dialogOpen(el), 'asks again');
    confirmButton(el, 'confirm').click();
    expect(await leave).to.be.true;
    await el.updateComplete;
    expect(el.dirty).to.be.false;
    expect(input(el, 'email').value).to.equal(customer.email);
  });

  it('beforeunload is cancelled only while there are unsaved edits', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id);
    const unload = () => {
      const event = new Event('beforeunload', {cancelable: true});
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).to.be.false;
    await replaceText(input(el, 'name'), 'Not Yet Saved');
    expect(unload()).to.be.true;
    el.remove();
    expect(unload(), 'a removed element no longer asks').to.be.false;
  });
});
