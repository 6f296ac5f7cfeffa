/**
 * Waiting for credentials (issue 15): an element sends no API request until it has a token or a
 * `getToken` (its own or its provider's) or the host opted into cookie auth; meanwhile it shows
 * its loading state; the first request carries the host's properties as they are when the
 * credentials arrive; a never-configured element shows "not configured" after its
 * `credentials-timeout`, with one console warning. Against the sandbox: a pass-through fetch spy
 * sees every API request (with or without `Authorization`, and its status), the sandbox's request
 * log counts what reached the tenant.
 */
import {expect, fixture, html} from '@open-wc/testing';
import '../../src/define/customer-table.js';
import '../../src/define/provider.js';
import {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import type {ResellerProvider} from '../../src/elements/provider/provider.js';
import {API_BASE, createTenant, requests, type Tenant} from '../helpers/sandbox.js';
import {$} from '../helpers/dom.js';
import {settle, waitFor} from '../helpers/wait.js';

interface Seen {
  url: string;
  authorized: boolean;
  status: number | 'pending' | 'failed';
}

/** Wraps `window.fetch` (passing every call through) and records the API requests. */
function spyOnFetch(): {seen: Seen[]; restore: () => void} {
  const original = window.fetch;
  const seen: Seen[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const isApi = new URL(url, location.href).pathname.startsWith(API_BASE);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const entry: Seen = {url, authorized: headers.has('authorization'), status: 'pending'};
    if (isApi) seen.push(entry);
    try {
      const response = await original(input, init);
      entry.status = response.status;
      return response;
    } catch (error) {
      entry.status = 'failed';
      throw error;
    }
  };
  return {seen, restore: () => void (window.fetch = original)};
}

let spy: ReturnType<typeof spyOnFetch>;
beforeEach(() => {
  spy = spyOnFetch();
});
afterEach(() => spy.restore());

const rows = (el: Element) => el.shadowRoot?.querySelectorAll('tbody tr[part~="row"]').length ?? 0;
const loading = (el: Element) => !!el.shadowRoot?.querySelector('[part~="loading"], [part~="skeleton"], .skeleton');

/** The rows of the first page are on screen. */
async function rowsShown(el: Element, what = 'the first page of rows'): Promise<void> {
  await waitFor(() => rows(el) > 0, what, {observe: () => el.shadowRoot?.textContent?.trim().slice(0, 200)});
}

/** The tenant's `GET /customers` requests as the sandbox saw them. */
async function listRequests(tenant: Tenant) {
  return (await requests(tenant.token)).filter((r) => r.method === 'GET' && r.path === '/customers');
}

/** No API request went out without `Authorization`, none answered 401, and the tenant saw exactly one list request. */
async function expectOneAuthorizedLoad(tenant: Tenant) {
  expect(spy.seen.filter((s) => !s.authorized).map((s) => s.url), 'requests without Authorization').to.deep.equal([]);
  expect(spy.seen.filter((s) => s.status === 401).map((s) => s.url), '401 answers').to.deep.equal([]);
  const list = await listRequests(tenant);
  expect(list.length, `GET /customers requests: ${JSON.stringify(list.map((r) => r.query))}`).to.equal(1);
  return list[0]!;
}

let tags = 0;
/** A fresh tag for the table class, so a test can put the element in the page before its tag is defined. */
const freshTableTag = () => `wfc-table-${++tags}`;

describe('waiting for credentials', () => {
  for (const kind of ['token', 'getToken'] as const) {
    const give = (el: {token: string | null; getToken: (() => Promise<string> | string) | null}, tenant: Tenant) => {
      if (kind === 'token') el.token = tenant.token;
      else el.getToken = async () => tenant.token;
    };

    it(`own ${kind}, set before the tag is defined (the kit loads after the host): one authorized request`, async () => {
      const tenant = await createTenant({customers: 30});
      const tag = freshTableTag();
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement(tag) as unknown as ResellerCustomerTable;
      give(el, tenant);
      wrapper.append(el);
      customElements.define(tag, class extends ResellerCustomerTable {});
      await rowsShown(el);
      await expectOneAuthorizedLoad(tenant);
    });

    it(`own ${kind}, set right after the element is in the page: loading meanwhile, then one authorized request`, async () => {
      const tenant = await createTenant({customers: 30});
      const el = await fixture<ResellerCustomerTable>(html`<reseller-customer-table></reseller-customer-table>`);
      await el.updateComplete;
      expect(loading(el), 'the loading state while waiting').to.equal(true);
      give(el, tenant);
      await rowsShown(el);
      await expectOneAuthorizedLoad(tenant);
    });

    it(`own ${kind}, set long after: nothing is sent while waiting, then one authorized request`, async () => {
      const tenant = await createTenant({customers: 30});
      const el = await fixture<ResellerCustomerTable>(html`<reseller-customer-table></reseller-customer-table>`);
      await settle(1500, 'a table without credentials would have sent its first request (and had a 401) by now');
      expect(spy.seen, 'API requests while waiting').to.deep.equal([]);
      expect(loading(el), 'still the loading state').to.equal(true);
      give(el, tenant);
      await rowsShown(el);
      await expectOneAuthorizedLoad(tenant);
    });

    it(`provider ${kind}: before, right after and long after the elements are in the page, one authorized request each`, async () => {
      for (const when of ['before', 'after', 'long after'] as const) {
        spy.seen.length = 0;
        const tenant = await createTenant({customers: 30});
        const provider = document.createElement('reseller-provider') as ResellerProvider;
        if (when === 'before') give(provider, tenant);
        const wrapper = await fixture<HTMLDivElement>(html`<div>${provider}</div>`);
        const table = document.createElement('reseller-customer-table');
        provider.append(table);
        await table.updateComplete;
        if (when === 'long after') {
          await settle(1000, 'a table in a provider without credentials would have sent its first request by now');
          expect(spy.seen, `${when}: API requests while waiting`).to.deep.equal([]);
          expect(loading(table), `${when}: the loading state while waiting`).to.equal(true);
        }
        if (when !== 'before') give(provider, tenant);
        await rowsShown(table, `${when}: the rows`);
        await expectOneAuthorizedLoad(tenant);
        wrapper.remove();
      }
    });
  }

  it('upgrade before hydration: per-page and sort set a tick later, the token last: the first (and only) request has them', async () => {
    const tenant = await createTenant({customers: 60});
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('reseller-customer-table');
    wrapper.append(el);
    await new Promise((resolve) => setTimeout(resolve));
    el.perPage = 50;
    el.sort = 'name';
    await new Promise((resolve) => setTimeout(resolve));
    el.token = tenant.token;
    await rowsShown(el);
    const first = await expectOneAuthorizedLoad(tenant);
    const query = new URLSearchParams(first.query);
    expect(query.get('per_page'), first.query).to.equal('50');
    expect(query.get('sort'), first.query).to.equal('name');
    expect(rows(el)).to.equal(50);
  });

  it('the same tick: properties and token set together after connecting give one request with the host’s per-page', async () => {
    const tenant = await createTenant({customers: 60});
    const el = await fixture<ResellerCustomerTable>(html`<reseller-customer-table></reseller-customer-table>`);
    el.token = tenant.token;
    el.perPage = 50;
    await rowsShown(el);
    const first = await expectOneAuthorizedLoad(tenant);
    expect(new URLSearchParams(first.query).get('per_page'), first.query).to.equal('50');
  });

  it('auth="cookie" opts out of waiting: the request goes at once, without a token', async () => {
    const el = await fixture<ResellerCustomerTable>(html`<reseller-customer-table auth="cookie"></reseller-customer-table>`);
    await waitFor(() => el.shadowRoot!.querySelector('[part~="access-required"]'), 'the access-required state (no session cookie here)');
    const lists = spy.seen.filter((s) => new URL(s.url).pathname === `${API_BASE}/customers`);
    expect(lists.length, `list requests: ${spy.seen.map((s) => s.url).join(', ')}`).to.equal(1);
    expect(spy.seen.every((s) => !s.authorized), 'no Authorization header').to.equal(true);
  });
});

describe('a bad auth value', () => {
  it('auth="cookies": one console warning naming the valid values; it waits for a token as when unset, then one authorized request', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const el = await fixture<ResellerCustomerTable>(html`<reseller-customer-table auth="cookies"></reseller-customer-table>`);
      el.setAttribute('auth', 'cookies'); // the same bad value again: still one warning
      await el.updateComplete;
      const mine = warnings.filter((w) => w.includes('auth='));
      expect(mine, warnings.join('\n')).to.deep.equal(['<reseller-customer-table>: auth="cookies" is not token or cookie']);
      expect(loading(el), 'the loading state while waiting').to.equal(true);
      await settle(1000, 'a cookie-mode element would have sent its request by now');
      expect(spy.seen, 'no request without credentials (auth="cookie" would send one)').to.deep.equal([]);

      const tenant = await createTenant({customers: 30});
      el.token = tenant.token;
      await rowsShown(el);
      await expectOneAuthorizedLoad(tenant);
    } finally {
      console.warn = warn;
    }
  });
});

describe('never configured', () => {
  it('after credentials-timeout: "not configured", one console warning naming what is missing, no request; a token later still starts it', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const el = await fixture<ResellerCustomerTable>(html`<reseller-customer-table credentials-timeout="300"></reseller-customer-table>`);
      const state = await waitFor(() => el.shadowRoot!.querySelector('[part~="not-configured"]'), 'the not-configured state');
      expect(state.querySelector('[part~="state-title"]')!.textContent).to.equal('Not configured');
      expect(state.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
      const mine = warnings.filter((w) => w.includes('<reseller-customer-table>'));
      expect(mine.length, mine.join('\n')).to.equal(1);
      expect(mine[0]).to.contain('not configured').and.to.contain('token or getToken').and.to.contain('auth="cookie"');
      expect(spy.seen, 'API requests').to.deep.equal([]);

      const tenant = await createTenant({customers: 30});
      el.token = tenant.token;
      await rowsShown(el, 'the rows once the token arrives after the timeout');
      await expectOneAuthorizedLoad(tenant);
    } finally {
      console.warn = warn;
    }
  });

  it('a provider’s credentials-timeout applies to the elements inside, and its warning names the provider', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const provider = await fixture<ResellerProvider>(html`<reseller-provider credentials-timeout="300"><reseller-customer-table></reseller-customer-table></reseller-provider>`);
      const table = provider.querySelector('reseller-customer-table')!;
      await waitFor(() => table.shadowRoot!.querySelector('[part~="not-configured"]'), 'the not-configured state');
      expect(warnings.filter((w) => w.includes('<reseller-provider> around it has no token')).length, warnings.join('\n')).to.equal(1);
      expect(spy.seen, 'API requests').to.deep.equal([]);
      expect($(table, '[part~="not-configured"] [part~="state-message"]').textContent).to.contain('not connected');
    } finally {
      console.warn = warn;
    }
  });
});
