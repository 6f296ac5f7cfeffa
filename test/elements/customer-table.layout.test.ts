/**
 * <reseller-customer-table> at container widths 320–1920 px, left-to-right and right-to-left:
 * nothing overflows its container, the first row's Name link, Status and row actions are where a
 * pointer reaches them, every control of the row is reachable from the keyboard, axe stays clean,
 * columns give way in the documented order (Registered, Phone) and rows stack below 640 px.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {Customer} from '../../src/contract/schemas.js';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import {darkContrastViolations, horizontalOverflow, mountAt, reachable, resize, WIDTHS} from '../helpers/layout.js';
import {$, api, createCustomer, createTenant, settled, type Tenant} from './customer-table.helpers.js';

/** A long, hostile customer (created last, so first with `order="desc"`), and a copy of the longest seeded name and email. */
async function longData(tenant: Tenant): Promise<void> {
  const seeded = await api<{data: Customer[]}>(tenant, 'GET', '/customers?per_page=100');
  const longestName = seeded.data.reduce((a, c) => (c.name.length > a.length ? c.name : a), '');
  const longestEmail = seeded.data.reduce((a, c) => (c.email.length > a.length ? c.email : a), '');
  await createCustomer(tenant, {name: `${longestName} (copy)`, email: `copy.${longestEmail}`, phone: '+41853371224850'});
  await createCustomer(tenant, {
    name: 'Regionale Zorggroep Oost-Brabant en de Kempen voor Thuiszorg, Revalidatie en Wijkverpleging',
    email: 'administratie.debiteuren.en.crediteuren@regionalezorggroepoostbrabantendekempen.example.nl',
    phone: '+41853371224850', // CH, five groups: +41 853 37 122 48 50
  });
}

async function mountTable(tenant: Tenant, width: number, dir: 'ltr' | 'rtl' = 'ltr') {
  const el = document.createElement('reseller-customer-table');
  el.token = tenant.token;
  el.setAttribute('order', 'desc');
  el.setAttribute('detail-href', '#/customers/{id}');
  const mounted = await mountAt(el, width, dir);
  await settled(el);
  return mounted;
}

const firstRow = (el: ResellerCustomerTable) => $(el, 'tbody tr[part~="row"]');
const visible = (node: Element | null) => !!node && getComputedStyle(node).display !== 'none';

describe('<reseller-customer-table> layout', () => {
  let tenant: Tenant;
  before(async () => {
    tenant = await createTenant({customers: 12});
    await longData(tenant);
  });

  describe('at every container width from 320 to 1920 px, with long data', () => {
    for (const width of WIDTHS) {
      it(`${width}px: nothing overflows; Name, Status and actions are reachable; axe clean`, async () => {
        const {box, el} = await mountTable(tenant, width);
        await resize(box, width);
        const problems = horizontalOverflow(box, el);
        expect(problems, `overflow at ${width}px`).to.deep.equal([]);
        const row = firstRow(el);
        expect(row.querySelector('.col-name .open')!.textContent).to.match(/^Regionale Zorggroep/);
        for (const selector of ['.col-name .open', '.col-status .badge', '[data-action="menu"]']) {
          const hit = reachable(row.querySelector(selector)!);
          expect(hit.ok, `${width}px: ${hit.detail}`).to.be.true;
        }
        await expect(el, `axe at ${width}px`).to.be.accessible();
        expect(await darkContrastViolations(box, el), `dark contrast at ${width}px`).to.deep.equal([]);
      });
    }
  });

  // The breakpoints are where English text fits; where a language, a font or the data need more room
  // the table takes the same steps earlier (fit(): Firefox's wider text with this long data hides
  // Registered already at 1080 px), so the widths asserted here are the breakpoints' sides.
  it('gives way in the documented order: Registered below 1080 px, Phone below 840 px, stacked rows below 640 px', async () => {
    const {box, el} = await mountTable(tenant, 1920);
    const shown = () => ({
      registered: visible($(el, 'th.col-created_at')) && getComputedStyle($(el, 'table')).display === 'table',
      phone: visible($(el, 'th.col-phone')) && getComputedStyle($(el, 'table')).display === 'table',
      stacked: getComputedStyle($(el, 'tbody tr[part~="row"]')).display === 'flex',
    });
    const at = async (width: number) => (await resize(box, width), shown());
    expect(await at(1280)).to.deep.equal({registered: true, phone: true, stacked: false});
    expect(await at(1079)).to.deep.equal({registered: false, phone: true, stacked: false});
    expect(await at(839)).to.deep.equal({registered: false, phone: false, stacked: false});
    expect(await at(639)).to.deep.equal({registered: false, phone: false, stacked: true});
    // Stacked rows show every value again, the phone and registration date included.
    const row = firstRow(el);
    expect(visible(row.querySelector('.col-phone')) && visible(row.querySelector('.col-created_at'))).to.be.true;
    expect(row.querySelector('.col-phone')!.getBoundingClientRect().width).to.be.greaterThan(0);
  });

  it('keeps truncated names and emails whole in the title and the accessible name', async () => {
    const {el} = await mountTable(tenant, 480);
    const email = firstRow(el).querySelector<HTMLElement>('.col-email .open')!;
    const full = 'administratie.debiteuren.en.crediteuren@regionalezorggroepoostbrabantendekempen.example.nl';
    expect(email.scrollWidth, 'the email is truncated at 480 px').to.be.greaterThan(email.clientWidth);
    expect(email.title).to.equal(full);
    expect(email.textContent).to.equal(full);
    expect(firstRow(el).querySelector('[data-action="copy-email"]')!.getAttribute('aria-label')).to.contain(full);
  });

  for (const width of [320, 1280]) {
    it(`reaches every control of a row from the keyboard at ${width}px, and the row menu opens inward`, async () => {
      const {el} = await mountTable(tenant, width);
      const row = firstRow(el);
      const copyId = row.querySelector<HTMLElement>('[data-action="copy-id"]')!;
      copyId.focus();
      const path: string[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({press: 'Tab'});
        const active = el.shadowRoot!.activeElement as HTMLElement;
        path.push(`${active.closest('td')?.className ?? ''}:${active.dataset.action ?? ''}`);
      }
      expect(path).to.deep.equal(['col-name:open', 'col-email:open', 'col-email:copy-email', 'col-actions:menu']);
      await sendKeys({press: 'Enter'});
      const menu = $(el, '#row-menu');
      await waitUntil(() => menu.matches(':popover-open'), 'the row menu opens');
      const item = menu.querySelector<HTMLElement>('[role="menuitem"]')!;
      expect(el.shadowRoot!.activeElement).to.equal(item);
      const m = menu.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      expect(m.left, 'the menu opens over the table (left edge)').to.be.at.least(host.left - 1);
      expect(m.right, 'the menu opens over the table (right edge)').to.be.at.most(host.right + 1);
      const hit = reachable(item);
      expect(hit.ok, hit.detail).to.be.true;
      await sendKeys({press: 'Escape'});
    });
  }

  it('mirrors under dir="rtl": the first column is on the right, the row menu opens inward', async () => {
    const {box, el} = await mountTable(tenant, 1024, 'rtl');
    const id = $(el, 'th.col-id').getBoundingClientRect();
    const name = $(el, 'th.col-name').getBoundingClientRect();
    const actions = $(el, 'th.col-actions').getBoundingClientRect();
    expect(id.left, 'ID is right of Name').to.be.greaterThan(name.left);
    expect(actions.right, 'the actions column is on the left').to.be.lessThan(name.left);
    expect(horizontalOverflow(box, el)).to.deep.equal([]);
    const button = firstRow(el).querySelector<HTMLElement>('[data-action="menu"]')!;
    button.focus();
    await sendKeys({press: 'Enter'});
    const menu = $(el, '#row-menu');
    await waitUntil(() => menu.matches(':popover-open'), 'the row menu opens');
    const m = menu.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    expect(Math.abs(m.left - b.left), 'aligned with the button’s left edge, extending right over the table').to.be.lessThan(2);
    await sendKeys({press: 'Escape'});
    // Stacked rows mirror too: the menu button sits on the left of the name.
    await resize(box, 320);
    const row = firstRow(el);
    expect(row.querySelector('[data-action="menu"]')!.getBoundingClientRect().right).to.be.lessThan(row.querySelector('.col-name')!.getBoundingClientRect().left);
    expect(horizontalOverflow(box, el)).to.deep.equal([]);
  });
});
