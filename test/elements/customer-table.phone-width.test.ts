/**
 * <reseller-customer-table>: the phone column already has its final width on the first render,
 * before libphonenumber-js has loaded (the cells show raw E.164 then), so the arrival of the
 * library (the cells change to the international form) shifts no column and no row menu.
 *
 * A file of its own: the phone library must not be loaded yet when the table first shows rows
 * (each test file runs in a fresh page; nothing imported here loads it).
 */
import {expect, fixture, html} from '@open-wc/testing';
import '../../src/define/provider.js';
import type {ResellerProvider} from '../../src/elements/provider/provider.js';
import {isPhoneLoaded, preloadPhone} from '../../src/phone/index.js';
import {normalizeState, toQuery} from '../../src/elements/customer-table/table-query.js';
import {$, $$, column, createCustomer, createTenant} from './customer-table.helpers.js';

/**
 * Phone numbers of several forms. The longest (15 characters, tied with any seeded German mobile)
 * is one whose international form has the most spaces any country uses (five): the worst case,
 * where a formatted number is exactly as wide as the column's reserve.
 */
const LONGEST = [
  '+41853371224850', // CH: +41 853 37 122 48 50 (five groups)
  '+12125550123', // US: +1 212 555 0123
  '+31201234567', // NL: +31 20 123 4567
  '+31123456789012', // not a valid number: +31 123456789012 (the fallback adds one space)
];

interface Layout {
  /** Width of the Phone header cell. */
  phone: number;
  /** Left edge of the Registered header cell (the first column right of Phone). */
  registered: number;
  /** Left edge of the first row's menu button. */
  menu: number;
}

function layout(el: HTMLElement): Layout {
  return {
    phone: $(el, 'th.col-phone').getBoundingClientRect().width,
    registered: $(el, 'th.col-created_at').getBoundingClientRect().left,
    menu: $(el, 'tbody [data-action="menu"]').getBoundingClientRect().left,
  };
}

describe('<reseller-customer-table> phone column width', () => {
  it('has its final width before the phone library loads: formatting the numbers moves no column', async () => {
    const tenant = await createTenant({customers: 6});
    for (const [i, phone] of LONGEST.entries()) await createCustomer(tenant, {name: `Phone ${i}`, email: `phone${i}@example.com`, phone});

    const provider = await fixture<ResellerProvider>(html`<reseller-provider .token=${tenant.token}></reseller-provider>`);
    await provider.updateComplete;
    // The first page is in the provider client's cache, so the table shows its rows within the
    // microtasks after it connects, before the lazily imported library can possibly arrive.
    const first = await provider.client.listCustomers(toQuery(normalizeState({sort: 'id', order: 'asc', status: 'all', q: '', page: 1, perPage: 25})));
    expect(first.data.filter((c) => c.phone).length, 'customers with a phone number').to.be.greaterThan(LONGEST.length);
    expect(isPhoneLoaded(), 'the phone library is not loaded before the table renders').to.equal(false);

    const el = document.createElement('reseller-customer-table');
    let before: Layout | undefined;
    let loadedAtFirstRows: boolean | undefined;
    // Measure synchronously when the rows first appear (before any later task can format them).
    const observer = new MutationObserver(() => {
      if (before || !el.shadowRoot?.querySelector('tbody tr[part~="row"]')) return;
      loadedAtFirstRows = isPhoneLoaded();
      before = layout(el);
    });
    provider.append(el); // connected: the shadow root exists, the first update is only scheduled
    observer.observe(el.shadowRoot!, {childList: true, subtree: true});
    await el.updateComplete;
    for (let i = 0; i < 5 && !before; i++) await el.updateComplete;
    observer.disconnect();

    expect(before, 'rows shown from the cached page').to.not.equal(undefined);
    expect(loadedAtFirstRows, 'the phone library was not loaded when the rows first appeared').to.equal(false);
    const raw = column(el, 'phone').filter(Boolean);
    expect(raw, 'unformatted E.164 before the library').to.include.members(LONGEST);
    expect(Math.max(...raw.map((p) => p.length)), 'the five-group CH number is (one of) the longest').to.equal(LONGEST[0]!.length);

    await preloadPhone();
    await el.updateComplete;
    const formatted = column(el, 'phone');
    expect(formatted, 'international form after the library').to.include.members(['+41 853 37 122 48 50', '+1 212 555 0123', '+31 20 123 4567', '+31 123456789012']);
    const after = layout(el);

    expect(Math.abs(after.phone - before!.phone), `phone column width ${before!.phone} → ${after.phone}`).to.be.lessThan(1);
    expect(Math.abs(after.registered - before!.registered), `Registered column x ${before!.registered} → ${after.registered}`).to.be.lessThan(1);
    expect(Math.abs(after.menu - before!.menu), `row menu button x ${before!.menu} → ${after.menu}`).to.be.lessThan(1);
    // Every formatted number still fits its cell on one line (the reserve is a minimum, not a clip).
    for (const td of $$(el, 'tbody td.col-phone')) expect(td.scrollWidth).to.be.at.most(td.clientWidth);
  });
});
