/**
 * <reseller-customer-table>: what it loads and shows. Columns, paging, sorting, status filter,
 * search, reflected state and its event, and the empty / no-match / error / access states,
 * against the sandbox.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CustomerPage} from '../../src/contract/schemas.js';
import type {HttpError} from '../../src/api/errors.js';
import type {ResellerRequestErrorEvent, ResellerStateChangeEvent} from '../../src/events.js';
import {clearFaults, clearRequests, requests, setFaults} from '../helpers/sandbox.js';
import {$, $$, api, column, createCustomer, createTenant, nextEvent, rowIds, settled, tableFor} from './customer-table.helpers.js';

const listPage = (tenant: Awaited<ReturnType<typeof createTenant>>, query: string) => api<CustomerPage>(tenant, 'GET', `/customers?${query}`);

describe('<reseller-customer-table> data', () => {
  it('shows the first 25 customers with ID, Name, Email, Phone (as stored), Registered (locale date) and Status', async () => {
    const tenant = await createTenant({customers: 30});
    const el = await tableFor(tenant);
    const expected = await listPage(tenant, 'page=1&per_page=25&sort=id&order=asc');

    expect(rowIds(el)).to.deep.equal(expected.data.map((c) => c.id));
    const headers = $$(el, 'thead th').map((th) => th.textContent!.trim());
    expect(headers.slice(0, 6)).to.deep.equal(['ID', 'Name', 'Email', 'Phone', 'Registered', 'Status']);
    expect(column(el, 'name')).to.deep.equal(expected.data.map((c) => c.name));
    expect(column(el, 'email')).to.deep.equal(expected.data.map((c) => c.email));

    // Phone numbers as the API stores them (E.164: `+31612345678`); none missing, none reformatted.
    expect(expected.data.filter((c) => c.phone).length, 'seeded customers with a phone').to.be.greaterThan(0);
    expect(column(el, 'phone')).to.deep.equal(expected.data.map((c) => c.phone ?? ''));

    const first = expected.data[0]!;
    const date = new Intl.DateTimeFormat('en', {dateStyle: 'medium'}).format(new Date(first.created_at));
    expect(column(el, 'created_at')[0]).to.equal(date);
    expect(column(el, 'status')).to.deep.equal(expected.data.map((c) => (c.status === 'active' ? 'Active' : 'Inactive')));
    expect($(el, '[part~="range"]').textContent).to.contain('1–25 of 30');
  });

  it('pages with next, last, previous and first; the total stays shown', async () => {
    const tenant = await createTenant({customers: 60});
    const el = await tableFor(tenant);
    const button = (name: string) => $$(el, '[part~="page-button"]').find((b) => b.getAttribute('aria-label') === name)!;
    expect(button('First page').getAttribute('aria-disabled')).to.equal('true');
    expect(button('Previous page').getAttribute('aria-disabled')).to.equal('true');

    button('Next page').click();
    await settled(el);
    expect(el.page).to.equal(2);
    expect(el.getAttribute('page')).to.equal('2');
    expect($(el, '[part~="range"]').textContent).to.contain('26–50 of 60');
    expect(rowIds(el)).to.deep.equal((await listPage(tenant, 'page=2&per_page=25')).data.map((c) => c.id));

    button('Last page').click();
    await settled(el);
    expect(el.page).to.equal(3);
    expect(rowIds(el)).to.have.length(10);
    expect($(el, '[part~="range"]').textContent).to.contain('51–60 of 60');
    expect(button('Next page').getAttribute('aria-disabled')).to.equal('true');

    button('Previous page').click();
    await settled(el);
    expect(el.page).to.equal(2);
    button('First page').click();
    await settled(el);
    expect(el.page).to.equal(1);
    expect($(el, '[part~="range"]').textContent).to.contain('Page 1 of 3');
  });

  it('goes Next, Last and Previous by the server\'s cursors (deep pages read by keyset), First by the page number', async () => {
    const tenant = await createTenant({customers: 80});
    const el = await tableFor(tenant, {sort: 'name', order: 'desc'});
    const button = (name: string) => $$(el, '[part~="page-button"]').find((b) => b.getAttribute('aria-label') === name)!;
    const byNumber = async (page: number) => (await listPage(tenant, `page=${page}&per_page=25&sort=name&order=desc`)).data.map((c) => c.id);
    await clearRequests(tenant.token);
    const steps: [string, number, string | null][] = [['Next page', 2, 'cursor'], ['Last page', 4, 'cursor'], ['Previous page', 3, 'cursor'], ['First page', 1, null]];
    for (const [name, page, sent] of steps) {
      button(name).click();
      await settled(el);
      await waitUntil(() => el.page === page && $(el, '[part~="range"]').textContent!.includes(`Page ${page} of 4`), `${name}: page ${page} shown`);
      // (Before the test's own request below, which the log records too.)
      const asked = (await requests(tenant.token)).filter((r) => r.path === '/customers').at(-1)!;
      expect(new URLSearchParams(asked.query).has('cursor'), `${name}: ${asked.query}`).to.equal(sent === 'cursor');
      expect(rowIds(el), `${name}: the rows of page ${page}`).to.deep.equal(await byNumber(page));
    }
  });

  it('shows a capped total as "1,000+" with the page but no page count, pages on by next_cursor while the server has more, and has no Last', async () => {
    const tenant = await createTenant({customers: 30});
    // A search matching more than 1,000 customers needs 1,001 of them; the sandbox's control API seeds at
    // most 500 a tenant, so its own first page is served once with the capped total it would send then.
    const real = await listPage(tenant, 'page=1&per_page=25&sort=id&order=asc');
    await setFaults(tenant.token, [{method: 'GET', path: '/customers', times: 1, body_raw: JSON.stringify({...real, total: 1000, total_capped: true, last_cursor: null})}]);
    const el = await tableFor(tenant);
    const button = (name: string) => $$(el, '[part~="page-button"]').find((b) => b.getAttribute('aria-label') === name)!;
    await waitUntil(() => $(el, '[part~="range"]').textContent!.includes('1,000+'), `the capped total: ${$(el, '[part~="range"]').textContent}`);
    expect($(el, '[part~="range"]').textContent!.replace(/\s+/g, ' ').trim()).to.equal('1–25 of 1,000+ Page 1');
    expect(button('Last page').getAttribute('aria-disabled')).to.equal('true');
    expect(button('Next page').getAttribute('aria-disabled')).to.equal('false');
    await clearRequests(tenant.token);
    button('Next page').click();
    await settled(el);
    await waitUntil(() => el.page === 2, 'page 2');
    const sent = (await requests(tenant.token)).filter((r) => r.path === '/customers').at(-1)!;
    expect(new URLSearchParams(sent.query).get('cursor')).to.equal(real.next_cursor);
    expect(rowIds(el)).to.deep.equal((await listPage(tenant, 'page=2&per_page=25')).data.map((c) => c.id));
  });

  it('changes the page size (25/50/75/100), back to page 1', async () => {
    const tenant = await createTenant({customers: 80});
    const el = await tableFor(tenant, {page: '2'});
    const select = $<HTMLSelectElement>(el, '[part~="page-size"]');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['25', '50', '75', '100']);
    const changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
    select.value = '75';
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail).to.include({perPage: 75, page: 1});
    await settled(el);
    expect(rowIds(el)).to.have.length(75);
    expect(el.getAttribute('per-page')).to.equal('75');
  });

  it('sorts by clicking a header: asc, then desc, aria-sort on exactly one header', async () => {
    const tenant = await createTenant({customers: 30});
    const el = await tableFor(tenant);
    const header = (key: string) => $(el, `th[data-sort="${key}"]`);
    expect($$(el, 'th[aria-sort]').map((th) => th.dataset.sort)).to.deep.equal(['id']);
    expect(header('id').getAttribute('aria-sort')).to.equal('ascending');

    const events: ResellerStateChangeEvent[] = [];
    el.addEventListener('reseller-state-change', (e) => events.push(e));
    header('name').querySelector('button')!.click();
    await settled(el);
    const byName = await listPage(tenant, 'sort=name&order=asc');
    expect(rowIds(el)).to.deep.equal(byName.data.map((c) => c.id));
    expect($$(el, 'th[aria-sort]').map((th) => [th.dataset.sort, th.getAttribute('aria-sort')])).to.deep.equal([['name', 'ascending']]);
    expect(el.getAttribute('sort')).to.equal('name');

    header('name').querySelector('button')!.click();
    await settled(el);
    const byNameDesc = await listPage(tenant, 'sort=name&order=desc');
    expect(rowIds(el)).to.deep.equal(byNameDesc.data.map((c) => c.id));
    expect(header('name').getAttribute('aria-sort')).to.equal('descending');
    expect(el.getAttribute('order')).to.equal('desc');
    expect(events.map((e) => [e.detail.sort, e.detail.order])).to.deep.equal([['name', 'asc'], ['name', 'desc']]);
  });

  it('sorts from the keyboard: Tab to a header button, Enter', async () => {
    const tenant = await createTenant({customers: 30});
    const el = await tableFor(tenant);
    $<HTMLButtonElement>(el, 'th[data-sort="email"] button').focus();
    await sendKeys({press: 'Enter'});
    await settled(el);
    expect($(el, 'th[data-sort="email"]').getAttribute('aria-sort')).to.equal('ascending');
    await sendKeys({press: ' '});
    await settled(el);
    expect($(el, 'th[data-sort="email"]').getAttribute('aria-sort')).to.equal('descending');
    const byEmailDesc = await listPage(tenant, 'sort=email&order=desc');
    expect(rowIds(el)).to.deep.equal(byEmailDesc.data.map((c) => c.id));
  });

  it('filters by status and resets to page 1', async () => {
    const tenant = await createTenant({customers: 60});
    const el = await tableFor(tenant, {page: '2'});
    const select = $<HTMLSelectElement>(el, '[part~="filter"]');
    select.value = 'inactive';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    expect(el.page).to.equal(1);
    expect(el.getAttribute('status')).to.equal('inactive');
    const inactive = await listPage(tenant, 'status=inactive');
    expect(rowIds(el)).to.deep.equal(inactive.data.map((c) => c.id));
    expect(column(el, 'status').every((s) => s === 'Inactive')).to.be.true;
  });

  it('searches name and email, debounced, back to page 1; one request for a burst of typing', async () => {
    const tenant = await createTenant({customers: 60});
    const target = await createCustomer(tenant, {name: 'Zebulon Quartz BV', email: 'hello@zq.example'});
    const el = await tableFor(tenant, {page: '2'});
    const input = $<HTMLInputElement>(el, '[part~="search"]');
    const changed = nextEvent<ResellerStateChangeEvent>(el, 'reseller-state-change');
    input.focus();
    // A burst of typing, one input event per character within one task: deterministic however
    // loaded the machine is (typing through the driver can be slower than the debounce on a busy CI
    // machine, and then each pause rightly becomes a search).
    for (const ch of 'zebulon') {
      input.value += ch;
      input.dispatchEvent(new InputEvent('input', {inputType: 'insertText', data: ch, bubbles: true, composed: true}));
    }
    // Nothing is applied while typing.
    expect(el.q).to.equal('');
    const event = await changed;
    expect(event.detail).to.include({q: 'zebulon', page: 1});
    await settled(el);
    expect(rowIds(el)).to.deep.equal([target.id]);
    expect(el.getAttribute('q')).to.equal('zebulon');
    const searches = (await requests(tenant.token)).filter((r) => r.path === '/customers' && r.query.includes('q='));
    expect(searches.map((r) => new URLSearchParams(r.query).get('q'))).to.deep.equal(['zebulon']);

    // By email too.
    input.value = 'zq.example';
    input.dispatchEvent(new Event('input'));
    await waitUntil(() => el.q === 'zq.example', 'search applied');
    await settled(el);
    expect(rowIds(el)).to.deep.equal([target.id]);
  });

  it('restores its state from attributes and reflects changes back', async () => {
    const tenant = await createTenant({customers: 60});
    const el = await tableFor(tenant, {sort: 'email', order: 'desc', status: 'active', page: '2', 'per-page': '25', q: 'a'});
    const expected = await listPage(tenant, 'sort=email&order=desc&status=active&page=2&per_page=25&q=a');
    expect(rowIds(el)).to.deep.equal(expected.data.map((c) => c.id));
    expect($<HTMLInputElement>(el, '[part~="search"]').value).to.equal('a');
    expect($<HTMLSelectElement>(el, '[part~="filter"]').value).to.equal('active');
    expect($(el, 'th[data-sort="email"]').getAttribute('aria-sort')).to.equal('descending');
  });

  it('warns once and falls back on bad attribute values', async () => {
    const tenant = await createTenant({customers: 5});
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await tableFor(tenant, {sort: 'shoe-size', 'per-page': '30', page: '-4'});
      expect(rowIds(el)).to.have.length(5);
      expect($$(el, 'th[aria-sort]').map((th) => th.dataset.sort)).to.deep.equal(['id']);
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => w.includes('sort="shoe-size"'))).to.have.length(1);
    expect(warnings.some((w) => w.includes('per-page="30"'))).to.be.true;
    expect(warnings.some((w) => w.includes('page="-4"'))).to.be.true;
  });

  it('a page past the end (a restored state) moves to the last page', async () => {
    const tenant = await createTenant({customers: 30});
    const el = await tableFor(tenant, {page: '9'});
    await waitUntil(() => el.page === 2, 'clamped to the last page');
    await settled(el);
    expect(rowIds(el)).to.have.length(5);
  });

  it('empty: says so and offers New Customer; axe clean', async () => {
    const tenant = await createTenant({customers: 0});
    const el = await tableFor(tenant);
    const state = $(el, '[part~="state"][part~="empty"]');
    expect(state.textContent).to.contain('No customers yet.');
    expect([...state.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include('New Customer');
    expect($(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('no match for a search or filter: says so and clears', async () => {
    const tenant = await createTenant({customers: 10});
    const el = await tableFor(tenant, {q: 'no-such-customer-anywhere'});
    const state = $(el, '[part~="no-match"]');
    expect(state.textContent).to.contain('No customers match “no-such-customer-anywhere”.');
    state.querySelector('button')!.click();
    await settled(el);
    expect(el.q).to.equal('');
    expect(rowIds(el)).to.have.length(10);
  });

  it('loaded state is axe clean', async () => {
    const tenant = await createTenant({customers: 30});
    const el = await tableFor(tenant);
    await expect(el).to.be.accessible();
  });

  it('error: shows the server message for a code the kit does not know, and retries; axe clean', async () => {
    const tenant = await createTenant({customers: 10});
    const body_raw = JSON.stringify({error: {code: 'billing_frozen', message: 'Billing is frozen for this reseller'}});
    await setFaults(tenant.token, [{method: 'GET', path: '/customers', status: 500, body_raw}]);
    const el = await tableFor(tenant);
    const state = $(el, '[part~="state"][part~="error"]');
    expect(state.getAttribute('role')).to.equal('alert');
    expect(state.textContent).to.contain('Could not load customers.');
    expect(state.textContent).to.contain('Billing is frozen for this reseller', 'the server’s own words for an unknown code');
    await expect(el).to.be.accessible();

    await clearFaults(tenant.token);
    $<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await settled(el);
    expect(rowIds(el)).to.have.length(10);
  });

  it('error: a server message in Arabic with a bidi override is shown isolated; the host gets it as sent', async () => {
    const tenant = await createTenant({customers: 3});
    const message = 'الفوترة مجمدة \u202Eevil';
    const body_raw = JSON.stringify({error: {code: 'billing_frozen', message}});
    await setFaults(tenant.token, [{method: 'GET', path: '/customers', status: 500, body_raw}]);
    const errors: ResellerRequestErrorEvent[] = [];
    const listen = (event: Event) => errors.push(event as ResellerRequestErrorEvent);
    document.addEventListener('reseller-request-error', listen);
    try {
      const el = await tableFor(tenant);
      const text = $(el, '[part~="state"][part~="error"]').textContent!;
      expect(text, 'the server’s words in a first-strong isolate').to.contain(`\u2068${message}\u2069`);
      expect(text.split('\u2068').length - 1, 'isolated once, not twice').to.equal(1);
      expect(errors.map((e) => (e.detail.error as HttpError).message), 'ApiError.message is the server’s text as sent').to.deep.equal([message]);
    } finally {
      document.removeEventListener('reseller-request-error', listen);
    }
  });

  it('RESELLEE token: "reseller access required"', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor({...tenant, token: tenant.reselleeToken});
    const state = $(el, '[part~="access-required"]');
    expect(state.textContent).to.contain('Reseller access required');
    expect($(el, '[part~="toolbar"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('cookie auth without a session: "reseller access required", signed out', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await tableFor({...tenant, token: ''}, {auth: 'cookie'});
    const state = $(el, '[part~="access-required"]');
    expect(state.textContent).to.contain('Reseller access required');
    expect(state.textContent).to.contain('not signed in');
  });
});
