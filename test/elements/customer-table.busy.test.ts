/**
 * <reseller-customer-table> while a page loads: the skeleton only for the very first load; on a
 * re-sort, page change or filter the last rows stay (aria-busy, same height) until the new page
 * is in; a slow load that fails still ends in the error state with its retry. Slowness and
 * failures come from the sandbox's fault rules.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {fixture, html} from '@open-wc/testing';
import type {CustomerPage} from '../../src/contract/schemas.js';
import {ResellerCustomerCreatedEvent} from '../../src/events.js';
import {clearFaults, setFaults} from '../helpers/sandbox.js';
import {$, $$, api, createCustomer, createTenant, row, rowIds, settled, tableFor} from './customer-table.helpers.js';

const busy = (el: HTMLElement) => $(el, 'table')?.getAttribute('aria-busy') === 'true';
const pageButton = (el: HTMLElement, name: string) => $$<HTMLButtonElement>(el, '[part~="page-button"]').find((b) => b.getAttribute('aria-label') === name)!;

describe('<reseller-customer-table> while loading', () => {
  it('first load: skeleton rows (aria-busy), then the data rows', async () => {
    const tenant = await createTenant({customers: 30});
    await setFaults(tenant.token, [{method: 'GET', path: '/customers', delay_ms: 600}]);
    const el = document.createElement('reseller-customer-table');
    el.token = tenant.token;
    await fixture(html`<div>${el}</div>`);
    await el.updateComplete;
    expect(busy(el)).to.be.true;
    expect($$(el, 'tbody[part~="skeleton"] tr.skeleton-row').length).to.be.greaterThan(0);
    expect(rowIds(el)).to.deep.equal([]);
    await settled(el);
    expect(rowIds(el)).to.have.length(25);
    expect($$(el, 'tr.skeleton-row')).to.have.length(0);
  });

  it('next page: the last rows stay, busy and at the same height, until the new page replaces them', async () => {
    const tenant = await createTenant({customers: 60});
    const el = await tableFor(tenant);
    const page1 = rowIds(el);
    const height = $(el, 'table').getBoundingClientRect().height;
    await setFaults(tenant.token, [{method: 'GET', path: '/customers', delay_ms: 2000}]);
    pageButton(el, 'Next page').click();
    await el.updateComplete;
    expect(busy(el)).to.be.true;
    expect($(el, 'caption').textContent).to.contain('Loading');
    expect(rowIds(el)).to.deep.equal(page1, 'page 1 stays while page 2 loads');
    expect($$(el, 'tr.skeleton-row')).to.have.length(0);
    expect($(el, '[part~="range"]').textContent).to.contain('Page 2 of 3');
    expect(Math.abs($(el, 'table').getBoundingClientRect().height - height)).to.be.below(2);
    // Every rendering through the 2 s delay: page 1's rows while busy, then page 2's; never empty, skeleton or a third page.
    const state = () => `busy=${busy(el)} skeletons=${$$(el, 'tr.skeleton-row').length} rows=${rowIds(el).join(',')}`;
    const states = [state()];
    const observer = new MutationObserver(() => states.push(state()));
    observer.observe(el.shadowRoot!, {subtree: true, childList: true, attributes: true, characterData: true});
    await settled(el);
    observer.disconnect();
    const page2 = await api<CustomerPage>(tenant, 'GET', '/customers?page=2&per_page=25');
    const shown = (ids: number[]) => ids.join(',');
    expect(states.filter((s) => s !== `busy=true skeletons=0 rows=${shown(page1)}` && !s.endsWith(`skeletons=0 rows=${shown(page2.data.map((c) => c.id))}`)), 'renderings other than page 1 busy, then page 2').to.deep.equal([]);
    expect(rowIds(el)).to.deep.equal(page2.data.map((c) => c.id));
    expect(busy(el)).to.be.false;
    expect(Math.abs($(el, 'table').getBoundingClientRect().height - height)).to.be.below(2);
  });

  it('re-sort: aria-sort moves at once; the rows stay until the sorted page arrives', async () => {
    const tenant = await createTenant({customers: 30});
    const el = await tableFor(tenant);
    const before = rowIds(el);
    await setFaults(tenant.token, [{method: 'GET', path: '/customers', delay_ms: 700}]);
    $<HTMLButtonElement>(el, 'th[data-sort="name"] button').click();
    await el.updateComplete;
    expect($$(el, 'th[aria-sort]').map((th) => [th.dataset.sort, th.getAttribute('aria-sort')])).to.deep.equal([['name', 'ascending']]);
    expect(busy(el)).to.be.true;
    expect(rowIds(el)).to.deep.equal(before);
    await settled(el);
    const byName = await api<CustomerPage>(tenant, 'GET', '/customers?sort=name&order=asc&per_page=25');
    expect(rowIds(el)).to.deep.equal(byName.data.map((c) => c.id));
  });

  it('a slow page change that fails shows the error and its retry, then the page', async () => {
    const tenant = await createTenant({customers: 60});
    const el = await tableFor(tenant);
    await setFaults(tenant.token, [{method: 'GET', path: '/customers', delay_ms: 300, status: 500}]);
    pageButton(el, 'Next page').click();
    await el.updateComplete;
    expect(busy(el)).to.be.true;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="state"][part~="error"]'), 'the error state', {timeout: 10_000});
    expect($(el, 'table')).to.equal(null, 'no stale rows under the error');
    await clearFaults(tenant.token);
    $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await settled(el);
    const page2 = await api<CustomerPage>(tenant, 'GET', '/customers?page=2&per_page=25');
    expect(rowIds(el)).to.deep.equal(page2.data.map((c) => c.id));
  });

  it('a customer created elsewhere is pinned on top; a focused row control stays with its customer', async () => {
    const tenant = await createTenant({customers: 30});
    const el = await tableFor(tenant);
    const id = rowIds(el)[2]!;
    const button = row(el, id).querySelector<HTMLButtonElement>('[part~="menu-button"]')!;
    const label = button.getAttribute('aria-label');
    button.focus();
    const customer = await createCustomer(tenant, {name: 'Elsewhere Made BV', email: 'made@elsewhere.example'});
    document.body.dispatchEvent(new ResellerCustomerCreatedEvent(customer));
    await waitUntil(() => rowIds(el)[0] === customer.id, 'the new customer is pinned on top');
    await settled(el);
    expect(rowIds(el).indexOf(id)).to.equal(3);
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal(label, 'focus is still on that customer\'s button');
    expect(el.shadowRoot!.activeElement?.closest('tr')?.dataset.id).to.equal(String(id));
  });
});
