/**
 * <reseller-customer-table>: copy, open, New Customer, text-only rendering of names, stale
 * responses while paging fast, against the sandbox.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {ResellerCustomerCreatedEvent, ResellerCustomerOpenEvent, ResellerToastEvent} from '../../src/events.js';
import type {ResellerCustomerForm} from '../../src/elements/customer-form/customer-form.js';
import {requests, setFaults} from '../helpers/sandbox.js';
import {settle} from '../helpers/wait.js';
import {$, $$, column, createCustomer, createTenant, nextEvent, row, rowIds, settled, tableFor} from './customer-table.helpers.js';

/** Tries to read the clipboard (not every headless engine allows it); null when it cannot. */
async function readClipboard(): Promise<string | null> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return null;
  }
}

const toasts = () => document.querySelector('reseller-toast-region')?.toasts ?? [];

describe('<reseller-customer-table> actions', () => {
  it('copies the ID from the keyboard and confirms with a toast', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant);
    const id = rowIds(el)[0]!;
    const button = row(el, id).querySelector<HTMLButtonElement>('td.col-id button')!;
    expect(button.getAttribute('aria-label')).to.equal(`Copy ID ${id}`);
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    button.focus();
    await sendKeys({press: 'Enter'});
    expect((await toast).detail).to.deep.equal({message: `ID ${id} copied.`, kind: 'success'});
    await waitUntil(() => toasts().some((t) => t.message === `ID ${id} copied.`), 'the toast shows');
    const copied = await readClipboard();
    if (copied !== null) expect(copied).to.equal(String(id));
  });

  it('copies the email with its own button ("Copy email address …"); the host can take the toast', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant);
    const email = column(el, 'email')[1]!;
    const button = $$<HTMLButtonElement>(el, 'td.col-email button.copy')[1]!;
    expect(button.getAttribute('aria-label')).to.equal(`Copy email address ${email}`);
    const before = toasts().length;
    const taken = (e: Event) => e.preventDefault();
    el.addEventListener('reseller-toast', taken);
    const toast = nextEvent<ResellerToastEvent>(el, 'reseller-toast');
    button.focus();
    await sendKeys({press: ' '});
    const event = await toast;
    el.removeEventListener('reseller-toast', taken);
    expect(event.detail.message).to.equal(`Email address ${email} copied.`);
    expect(event.defaultPrevented).to.be.true;
    expect(toasts().length).to.equal(before, 'no kit toast when the host prevented it');
    const copied = await readClipboard();
    if (copied !== null) expect(copied).to.equal(email);
  });

  it('opens a customer from its name: a cancelable event with the id; no link without detail-href', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant);
    const id = rowIds(el)[2]!;
    const name = row(el, id).querySelector<HTMLElement>('td.col-name .open')!;
    expect(name.localName).to.equal('button');
    const opened = nextEvent<ResellerCustomerOpenEvent>(el, 'reseller-customer-open');
    name.focus();
    await sendKeys({press: 'Enter'});
    const event = await opened;
    expect(event.detail).to.deep.equal({id, href: null});
    expect(event.cancelable && event.bubbles && event.composed).to.be.true;
  });

  it('with detail-href, Name and Email are real links; a cancelled open event keeps the page', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor(tenant, {'detail-href': '#/customers/{id}'});
    const id = rowIds(el)[0]!;
    const links = [...row(el, id).querySelectorAll<HTMLAnchorElement>('a.open')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([`#/customers/${id}`, `#/customers/${id}`]);
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('reseller-customer-open', cancel);
    const opened = nextEvent<ResellerCustomerOpenEvent>(el, 'reseller-customer-open');
    const hash = location.hash;
    links[1]!.click();
    expect((await opened).detail).to.deep.equal({id, href: `#/customers/${id}`});
    el.removeEventListener('reseller-customer-open', cancel);
    expect(location.hash).to.equal(hash, 'cancelled: the link is not followed');

    // Not cancelled: the link is followed.
    const followed = nextEvent<ResellerCustomerOpenEvent>(el, 'reseller-customer-open');
    links[0]!.click();
    await followed;
    await waitUntil(() => location.hash === `#/customers/${id}`, 'the link is followed');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('a modified click (new tab) fires no open event', async () => {
    const tenant = await createTenant({customers: 1});
    const el = await tableFor(tenant, {'detail-href': '#/c/{id}'});
    let fired = 0;
    el.addEventListener('reseller-customer-open', (e) => {
      fired++;
      e.preventDefault();
    });
    const link = $<HTMLAnchorElement>(el, 'a.open');
    // Stop the browser from really opening a tab; the element has already decided by then.
    const stop = (e: Event) => e.preventDefault();
    el.shadowRoot!.addEventListener('click', stop);
    link.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true, cancelable: true, ctrlKey: true}));
    el.shadowRoot!.removeEventListener('click', stop);
    expect(fired).to.equal(0);
  });

  it('renders an XSS-looking name as text', async () => {
    const tenant = await createTenant({customers: 0});
    const evil = '<img src=x onerror=alert(1)>';
    const created = await createCustomer(tenant, {name: evil, email: 'evil@example.com'});
    const el = await tableFor(tenant);
    expect(column(el, 'name')).to.deep.equal([evil]);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(row(el, created.id).querySelector('.open')!.textContent).to.equal(evil);
  });

  it('New Customer opens the form; the created customer appears, marked New, on top', async () => {
    const tenant = await createTenant({customers: 30});
    const el = await tableFor(tenant);
    $<HTMLButtonElement>(el, '[part~="new-button"]').click();
    const form = await waitUntil(() => el.shadowRoot!.querySelector<ResellerCustomerForm>('reseller-customer-form')?.opened, 'the form opens', {timeout: 8000})
      .then(() => $<ResellerCustomerForm>(el, 'reseller-customer-form'));
    await form.updateComplete;
    const field = (name: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`[data-field="${name}"]`)!;
    await waitUntil(() => field('name'), 'the form renders');
    // Typing is the form's own test; here the values go in directly.
    for (const [name, value] of [['name', 'Fresh Customer BV'], ['email', 'fresh@customer.example']] as const) {
      field(name).value = value;
      field(name).dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    }
    const created = nextEvent<ResellerCustomerCreatedEvent>(el, 'reseller-customer-created');
    form.shadowRoot!.querySelector('form')!.requestSubmit();
    const customer = (await created).detail.customer;
    expect(customer.name).to.equal('Fresh Customer BV');
    await waitUntil(() => rowIds(el).includes(customer.id), 'the new row shows');
    await settled(el);
    const newRow = $$(el, 'tbody tr.new-row');
    expect(newRow).to.have.length(1);
    expect(newRow[0]!.textContent).to.contain('New');
    expect(rowIds(el)[0]).to.equal(Number(newRow[0]!.dataset.id));
    expect(rowIds(el)).to.have.length(26, 'the page, plus the pinned new row');
  });

  it('never shows a stale page when paging fast with slow responses', async () => {
    const tenant = await createTenant({customers: 120});
    const el = await tableFor(tenant);
    await setFaults(tenant.token, [{method: 'GET', path: '/customers', delay_ms: 700}]);
    const next = () => $$<HTMLButtonElement>(el, '[part~="page-button"]').find((b) => b.getAttribute('aria-label') === 'Next page')!;
    for (let i = 0; i < 3; i++) {
      next().click();
      await el.updateComplete;
      expect($(el, 'table').getAttribute('aria-busy')).to.equal('true');
    }
    expect(el.page).to.equal(4);
    await settled(el);
    expect(rowIds(el)[0]).to.equal((await (await fetch(`/api/v3/reseller/customers?page=4&per_page=25`, {headers: {authorization: `Bearer ${tenant.token}`}})).json()).data[0].id);
    // Pages 2 and 3 answer later than page 4 would, had they not been aborted: wait them out, still page 4.
    const shown = rowIds(el);
    await settle(900, 'pages 2 and 3 (700 ms delay) would have answered by now, had they not been aborted');
    expect(rowIds(el)).to.deep.equal(shown);
    expect($(el, '[part~="range"]').textContent).to.contain('76–100 of 120');
    const pages = (await requests(tenant.token)).filter((r) => r.path === '/customers').map((r) => new URLSearchParams(r.query).get('page'));
    expect(pages).to.include('4');
  });
});
