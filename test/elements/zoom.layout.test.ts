/**
 * 400 % zoom (WCAG 1.4.10 Reflow): a 1280 px window zoomed to 400 % is a 320 CSS px viewport. A page
 * holding the elements one after the other (as a narrow portal page would) scrolls only
 * vertically: the document is never wider than the viewport, and nothing inside an element
 * scrolls sideways except a designated, focusable, labelled region. The New Customer dialog fits
 * the viewport too. The page is an iframe 320 px wide (its own 320 px viewport, the kit loaded in
 * it): WebKit's WebDriver cannot set the window's viewport.
 */
import {expect} from '@open-wc/testing';
import type {Customer} from '../../src/contract/schemas.js';
import type {ResellerCustomerForm} from '../../src/elements/customer-form/customer-form.js';
import {api} from '../helpers/api.js';
import {rendered} from '../helpers/dom.js';
import {horizontalOverflow, nextFrame} from '../helpers/layout.js';
import {createTenant, type Tenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';

type Kit = HTMLElement & {token: string | null; updateComplete: Promise<boolean>};

/** Each element, and what shows once it has its data. */
const PAGE: {tag: keyof HTMLElementTagNameMap; perCustomer?: boolean; attrs?: Record<string, string>; ready: string}[] = [
  {tag: 'reseller-customer-table', ready: 'tbody tr[part~="row"]'},
  {tag: 'reseller-customer-detail', perCustomer: true, ready: 'form[part~="form"]'},
  {tag: 'reseller-subscription-panel', perCustomer: true, ready: '[part~="change-form"]'},
  {tag: 'reseller-usage-chart', perCustomer: true, ready: 'svg.chart, [part~="chart-area"] table, [part~="chart-area"] [part~="state"]'},
  {tag: 'reseller-usage-dashboard', ready: '[part~="near-quota"] tbody tr'},
  {tag: 'reseller-token-manager', perCustomer: true, ready: 'tbody tr [part~="revoke-button"]'},
  {tag: 'reseller-user-list', perCustomer: true, ready: 'tbody tr [part~="remove-button"]'},
  {tag: 'reseller-transcription-list', ready: 'tbody tr[part~="row"]'},
  {tag: 'reseller-brand-editor', ready: '[part~="save-button"]'},
  {tag: 'reseller-customer-form', attrs: {inline: ''}, ready: '[part~="submit"]'},
];

const documentOverflow = (doc: Document) => {
  const root = doc.documentElement;
  return root.scrollWidth > root.clientWidth ? `the document: scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}` : '';
};

describe('400 % zoom: a 320 px viewport (WCAG 1.4.10)', () => {
  let tenant: Tenant;
  let customer: Customer;
  let frame: HTMLIFrameElement;
  let win: Window;
  before(async function () {
    this.timeout(30_000);
    tenant = await createTenant({customers: 40});
    const seeded = await api<{data: Customer[]}>(tenant, 'GET', '/customers?per_page=100');
    customer = seeded.data.reduce((a, c) => (c.name.length > a.name.length ? c : a));
    // A srcdoc page: its base URL is this page's, so the kit's modules and its relative API base
    // resolve here (a host may embed the kit the same way).
    frame = document.createElement('iframe');
    Object.assign(frame, {title: 'a 320 px page', width: '320', height: '256'});
    frame.srcdoc = `<!doctype html><html lang="en"><body><script type="module">import '/src/define/index.ts';</script></body></html>`;
    document.body.append(frame);
    win = await waitFor(() => (frame.contentWindow?.customElements.get('reseller-customer-table') ? frame.contentWindow : null), 'the kit loads in the 320 px page', {timeout: 20_000});
  });

  it('a page with every element scrolls only vertically', async function () {
    this.timeout(120_000);
    const doc = win.document;
    expect(win.innerWidth, 'the viewport is 320 CSS px').to.equal(320);
    const els = PAGE.map((c) => {
      const el = doc.createElement(c.tag) as unknown as Kit;
      el.token = tenant.token;
      if (c.perCustomer) el.setAttribute('customer-id', String(customer.id));
      for (const [k, v] of Object.entries(c.attrs ?? {})) el.setAttribute(k, v);
      return el;
    });
    const page = doc.createElement('main');
    page.append(...els);
    doc.body.append(page);
    for (const [i, el] of els.entries()) {
      el.scrollIntoView(); // elements may wait until they are in view
      await rendered(el, {busy: '[aria-busy="true"]:not(button), [part~="loading"]', ready: PAGE[i].ready}, `<${el.localName}> shows its data at 320 px`);
    }
    await nextFrame();
    const problems = [documentOverflow(doc), ...els.flatMap((el) => horizontalOverflow(page, el).map((p) => `<${el.localName}> ${p}`))].filter(Boolean);
    expect(problems).to.deep.equal([]);
  });

  it('the New Customer dialog fits the viewport', async () => {
    const doc = win.document;
    doc.body.replaceChildren();
    const form = doc.createElement('reseller-customer-form') as ResellerCustomerForm;
    form.token = tenant.token;
    doc.body.append(form);
    await form.updateComplete;
    form.open();
    const dialog = await waitFor(() => {
      const d = form.shadowRoot!.querySelector('dialog');
      return d?.open && d.querySelector('[part~="submit"]') ? d : null;
    }, 'the dialog opens');
    await nextFrame();
    const r = dialog.getBoundingClientRect();
    expect(r.left, 'left edge inside the viewport').to.be.at.least(0);
    expect(r.right, 'right edge inside the viewport').to.be.at.most(win.innerWidth);
    expect(dialog.scrollWidth, 'the dialog does not scroll sideways').to.be.at.most(dialog.clientWidth + 1);
    expect(documentOverflow(doc)).to.equal('');
    form.close();
  });

  after(() => frame.remove());
});
