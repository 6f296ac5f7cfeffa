/**
 * <reseller-customer-table>: phone numbers are shown as the API stores them (E.164,
 * `+31612345678`), left to right in either page direction, and the table never loads
 * libphonenumber-js (its metadata was about half of a first table's JS heap; the library is the
 * customer form's and the detail's phone field's, where a number is typed and checked).
 *
 * A file of its own: the phone library must not be loaded by anything else in this page (each
 * test file runs in a fresh page; nothing imported here loads it).
 */
import {expect} from '@open-wc/testing';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import {isPhoneLoaded} from '../../src/phone/index.js';
import {mountAt} from '../helpers/layout.js';
import {settle} from '../helpers/wait.js';
import {$, column, createCustomer, createTenant, settled, tableFor, type Tenant} from './customer-table.helpers.js';

/** Numbers of several countries and lengths, and one that is no valid number at all. */
const NUMBERS = [
  '+41853371224850', // CH (five groups in international format)
  '+12125550123', // US
  '+31201234567', // NL
  '+31123456789012', // not a valid number
];

/** Where the number's first ("+") and last glyph are painted, and the text's box, in a cell. */
function glyphs(td: HTMLElement) {
  const text = td.firstChild!;
  const range = document.createRange();
  const rect = (start: number, end: number) => {
    range.setStart(text, start);
    range.setEnd(text, end);
    return range.getBoundingClientRect();
  };
  const length = text.textContent!.length;
  return {plus: rect(0, 1), last: rect(length - 1, length), all: rect(0, length)};
}

describe('<reseller-customer-table> phone numbers', () => {
  let tenant: Tenant;
  before(async () => {
    tenant = await createTenant({customers: 4});
    for (const [i, phone] of NUMBERS.entries()) await createCustomer(tenant, {name: `Phone ${i}`, email: `phone${i}@example.com`, phone});
  });

  it('shows each number as stored and never loads the phone library', async () => {
    const el = await tableFor(tenant, {'per-page': '25'});
    expect(column(el, 'phone')).to.include.members(NUMBERS);
    const before = column(el, 'phone');
    // The table used to import libphonenumber-js when it connected and then re-render every
    // number in international format (`+41 853 37 122 48 50`); by now it would have.
    await settle(1500, 'the old table loaded the phone library on connect and reformatted the numbers');
    await el.updateComplete;
    expect(isPhoneLoaded(), 'the phone library was loaded').to.equal(false);
    expect(column(el, 'phone'), 'the numbers are still shown as stored').to.deep.equal(before);
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`${dir}: a number reads left to right ("+" first) and sits at the start of its cell in the page's direction`, async () => {
      const el = document.createElement('reseller-customer-table') as ResellerCustomerTable;
      el.token = tenant.token;
      el.setAttribute('order', 'desc');
      const {box} = await mountAt(el, 1024, dir);
      try {
        await settled(el);
        const cells = [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody td.col-phone')].filter((td) => NUMBERS.includes(td.textContent!));
        expect(cells.map((td) => td.textContent)).to.have.members(NUMBERS);
        for (const td of cells) {
          const {plus, last, all} = glyphs(td);
          const where = `${dir} ${td.textContent}: "+" at ${Math.round(plus.left)}, last digit at ${Math.round(last.left)}`;
          expect(plus.width, where).to.be.greaterThan(0);
          expect(plus.right, where).to.be.at.most(last.left + 0.5);
          const style = getComputedStyle(td);
          const cell = td.getBoundingClientRect();
          const start = dir === 'ltr' ? all.left - (cell.left + parseFloat(style.paddingLeft)) : cell.right - parseFloat(style.paddingRight) - all.right;
          expect(Math.abs(start), `${dir} ${td.textContent}: ${start.toFixed(1)} px from the cell's ${dir === 'ltr' ? 'left' : 'right'} edge`).to.be.lessThan(1);
        }
        expect($(el, 'th.col-phone').textContent!.trim()).to.equal('Phone');
      } finally {
        box.remove();
      }
    });
  }
});
