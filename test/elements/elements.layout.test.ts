/**
 * One width matrix over the elements without a layout test of their own: the token manager, the
 * user list, the usage chart, the customer detail (with a metadata row), the subscription panel,
 * the brand editor, the report list and the New Customer form (inline), each in a host box resized through
 * 320-1920 px (one mount per element and direction), with long data: the seeded customer with the
 * longest name, given the longest seeded email and a five-group phone number through the API. At
 * every width, left-to-right and right-to-left: nothing overflows the box, the element or any of
 * its scrollers; the primary actions are what a pointer at their centre reaches (through the
 * shadow roots); axe is clean, and colour contrast also in the dark scheme. At 320 px the keyboard reaches every primary action; under
 * dir="rtl" the first field or column is on the right (width-matrix.helpers.ts). The transcript
 * viewer's rows are in transcript-viewer.layout.test.ts.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/index.js';
import type {Customer} from '../../src/contract/schemas.js';
import {api} from '../helpers/api.js';
import {rendered} from '../helpers/dom.js';
import {horizontalOverflow, mountAt, nextFrame, resize} from '../helpers/layout.js';
import {createTenant, monthEnd, type Tenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';
import {widthMatrix, type Case} from './width-matrix.helpers.js';

/** A five-group international number the phone field accepts (CH: +41 853 37 122 48 50). */
const LONG_PHONE = '+41853371224850';

const CASES: Case[] = [
  {tag: 'reseller-token-manager', perCustomer: true, ready: '[part~="generate-button"]', targets: ['[part~="generate-button"]', 'tbody tr [part~="revoke-button"]'],
    order: ['thead th:first-child', 'thead th:nth-child(2)']},
  {tag: 'reseller-user-list', perCustomer: true, ready: '[part~="invite-button"]', targets: ['[part~="invite-button"]', 'tbody tr [part~="remove-button"]'],
    order: ['thead th:first-child', 'thead th:nth-child(2)']},
  {tag: 'reseller-usage-chart', perCustomer: true, ready: 'svg.chart, [part~="chart-area"] table, [part~="state"]', busy: '[aria-busy="true"][part~="chart-area"]',
    targets: ['[part~="range"]', '[part~="granularity"]', '[part~="metric"]', '[part~="export-button"]', '[part~="view-toggle"]'], order: ['[part~="range"]', '[part~="granularity"]']},
  {tag: 'reseller-customer-detail', perCustomer: true, ready: 'form[part~="form"]',
    // A new free metadata row, typed into (so Update is enabled): key, value and Remove share a
    // line from 480 px and stack below.
    prepare: async (el) => {
      el.shadowRoot!.querySelector<HTMLElement>('[part~="add-field"]')!.click();
      await el.updateComplete;
      const key = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="metadata-row"] input[data-part="key"]')].at(-1)!;
      key.value = 'purchase_order_reference';
      key.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
      await el.updateComplete;
    },
    targets: ['[part~="copy-id"]', '#name', '#email', '[part~="metadata-row"] input', '[part~="remove-field"]', '[part~="add-field"]', '[part~="update"]', '[role="tab"]:last-of-type'],
    // The tabs are one Tab stop (the selected tab; arrows move between them).
    keys: ['[part~="copy-id"]', '#name', '#email', '[part~="remove-field"]', '[part~="add-field"]', '[part~="update"]', '[role="tab"][aria-selected="true"]'],
    order: ['[part~="metadata-row"] input', '[part~="remove-field"]']},
  // With its billing history (the long-named customer has a year of it): a table from 480 px, stacked lines below.
  {tag: 'reseller-subscription-panel', perCustomer: true, ready: '[part~="history-row"]', busy: '[part~="loading"]',
    targets: ['[part~="csv-button"]', '[part~="plan-select"]', '[part~="change-button"]'],
    order: ['[part~="facts"] > div:first-child', '[part~="facts"] > div:nth-child(2)']},
  {tag: 'reseller-brand-editor', ready: '[part~="save-button"]',
    targets: ['[part~="color-picker"]', '[part~="hex-input"]', '[part~="default-button"]', '[part~="file-button"]', '[part~="save-button"]'],
    // WebKit leaves <input type="color"> out of the Tab order; the hex field is the keyboard's way to the colour.
    keys: ['[part~="hex-input"]', '[part~="default-button"]', '[part~="file-button"]', '[part~="save-button"]'],
    order: ['[part~="color-picker"]', '[part~="hex-input"]']},
  // Two months' reports made by the month-end job (before()), each a card below 960 px.
  {tag: 'reseller-report-list', ready: 'tbody tr[part~="row"]',
    targets: ['[part~="settings-button"]', '[part~="generate-button"]', 'tbody tr [part~="download-button"][part~="csv"]', 'tbody tr [part~="download-button"][part~="pdf"]'],
    order: ['[part~="settings-button"]', '[part~="generate-button"]']},
  {tag: 'reseller-customer-form', attrs: {inline: ''}, ready: '[part~="submit"]', busy: '[part~="loading"]',
    targets: ['#name', '#email', '[part~="plan-input"]', '[part~="submit"]'], order: ['[part~="heading"]::text', '[part~="submit"]']},
];

describe('every element at every container width', () => {
  let tenant: Tenant;
  let customer: Customer;
  before(async function () {
    this.timeout(30_000);
    tenant = await createTenant({customers: 30});
    const seeded = await api<{data: Customer[]}>(tenant, 'GET', '/customers?per_page=100');
    const longest = seeded.data.reduce((a, c) => (c.name.length > a.name.length ? c : a));
    const longestEmail = seeded.data.reduce((a, c) => (c.email.length > a.length ? c.email : a), '');
    // Long data through the sandbox: the longest seeded name, email and a five-group number.
    customer = await api<Customer>(tenant, 'PATCH', `/customers/${longest.id}`, {
      email: `accounts.payable.${longestEmail}`,
      phone: LONG_PHONE,
      metadata: {...longest.metadata, procurement_reference_number: 'PO-2026-000123456789-REGIONAL-PROCUREMENT-OFFICE'},
    });
    // The report list's months: the month-end job as on the first of this month and of the last.
    const now = new Date();
    for (const back of [1, 0]) await monthEnd(tenant.token, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10));
  });

  widthMatrix(CASES, () => ({tenant, customer}));
});

describe('the usage chart toolbar below 480 px', () => {
  it('gives the selects the lines and the two buttons a line of their own', async () => {
    const tenant = await createTenant({customers: 2});
    const el = document.createElement('reseller-usage-chart');
    el.token = tenant.token;
    const {box} = await mountAt(el, 480);
    await rendered(el, {busy: '[aria-busy="true"][part~="chart-area"]', ready: 'svg.chart, [part~="chart-area"] table, [part~="state"]'}, 'the chart shows its data');
    const part = (name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)!.getBoundingClientRect();
    const toolbar = () => part('toolbar');
    expect(part('export-button').right - part('view-toggle').left, 'at 480 px the buttons keep their own width').to.be.lessThan(toolbar().width * 0.6);
    await resize(box, 479);
    const [view, exp, bar, range] = [part('view-toggle'), part('export-button'), toolbar(), part('range')];
    expect(Math.round(exp.right - view.left), 'at 479 px the buttons fill the toolbar').to.be.closeTo(Math.round(bar.width), 2);
    expect(view.top, 'on a line below the selects').to.be.greaterThan(range.bottom);
  });
  it('wraps its buttons when their labels are long (German at 320 px, both directions): nothing wider than the toolbar', async () => {
    const tenant = await createTenant({customers: 2});
    for (const dir of ['ltr', 'rtl'] as const) {
      const el = document.createElement('reseller-usage-chart');
      el.token = tenant.token;
      const german = document.createElement('div');
      german.lang = 'de';
      german.append(el);
      const {box} = await mountAt(german, 320, dir);
      await rendered(el, {busy: '[aria-busy="true"][part~="chart-area"]', ready: 'svg.chart, [part~="chart-area"] table, [part~="state"]'}, 'the chart shows its data');
      const exportButton = () => el.shadowRoot!.querySelector<HTMLElement>('[part~="export-button"]')!;
      const viewToggle = () => el.shadowRoot!.querySelector<HTMLElement>('[part~="view-toggle"]')!;
      await waitFor(() => exportButton().textContent!.includes('CSV exportieren') && viewToggle().textContent!.includes('Tabelle'), 'the German labels',
        {observe: () => `${viewToggle().textContent} | ${exportButton().textContent}`});
      await el.updateComplete;
      await nextFrame();
      expect(horizontalOverflow(box, el), dir).to.deep.equal([]);
      const bar = el.shadowRoot!.querySelector('[part~="toolbar"]')!.getBoundingClientRect();
      for (const name of ['view-toggle', 'export-button']) {
        const r = el.shadowRoot!.querySelector(`[part~="${name}"]`)!.getBoundingClientRect();
        expect(r.left >= bar.left - 0.5 && r.right <= bar.right + 0.5, `${dir}: ${name} ${r.left}-${r.right} inside the toolbar ${bar.left}-${bar.right}`).to.be.true;
      }
    }
  });
});


describe('the usage chart under dir="rtl"', () => {
  it('keeps the time axis running left to right, with the value labels left of the bars (the toolbar mirrors)', async () => {
    const tenant = await createTenant({customers: 2});
    const el = document.createElement('reseller-usage-chart');
    el.token = tenant.token;
    await mountAt(el, 768, 'rtl');
    await rendered(el, {busy: '[aria-busy="true"][part~="chart-area"]', ready: 'svg.chart'}, 'the chart draws its bars');
    // The bars are one path: the keyboard cursor, moved to the first and the last period, says where each is drawn.
    const cursor = el.shadowRoot!.querySelector<SVGElement>('svg.chart [role="slider"]')!;
    const cursorAt = async (key: string) => {
      await sendKeys({press: key});
      await el.updateComplete;
      return cursor.getBoundingClientRect();
    };
    cursor.focus();
    const first = await cursorAt('Home');
    const last = await cursorAt('End');
    expect(cursor.getAttribute('aria-valuenow'), 'End is the last period').to.equal(cursor.getAttribute('aria-valuemax'));
    const plot = el.shadowRoot!.querySelector('svg.chart path.bars')!.getBoundingClientRect();
    const days = [...el.shadowRoot!.querySelectorAll('svg.chart .x-label')].map((b) => b.getBoundingClientRect());
    expect(first.left, 'the first period is on the left').to.be.lessThan(last.left);
    expect(first.left, 'the first period at the plot’s left edge').to.be.closeTo(plot.left, first.width);
    expect(days[0].left, 'the first date label is on the left').to.be.lessThan(days.at(-1)!.left);
    for (const label of el.shadowRoot!.querySelectorAll('svg.chart .y-label')) {
      expect(label.getBoundingClientRect().right, `value label "${label.textContent}" left of the plot`).to.be.at.most(plot.left + 1);
    }
    const range = el.shadowRoot!.querySelector('[part~="range"]')!.getBoundingClientRect();
    const exportButton = el.shadowRoot!.querySelector('[part~="export-button"]')!.getBoundingClientRect();
    expect(range.left, 'the toolbar mirrors: the range select on the right').to.be.greaterThan(exportButton.left);
  });
});
