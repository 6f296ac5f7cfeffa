/** Shared helpers of the customer table tests (test/elements/customer-table.*.test.ts). */
import {fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define/customer-table.js';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import type {Customer, CustomerCreate} from '../../src/contract/schemas.js';
import {API_BASE, createTenant, type Tenant} from '../helpers/sandbox.js';

export {createTenant, type Tenant};

/** A table with its own token on a fresh tenant, waited until its first page has settled. */
export async function tableFor(tenant: Tenant, attrs: Record<string, string> = {}): Promise<ResellerCustomerTable> {
  const el = document.createElement('reseller-customer-table');
  el.token = tenant.token;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  await fixture(html`<div>${el}</div>`);
  await settled(el);
  return el;
}

/** Waits until the table shows data rows, an empty/no-match/error/access state: not loading. */
export async function settled(el: ResellerCustomerTable, message = 'the table settles'): Promise<void> {
  await el.updateComplete; // a change made just before renders its loading state first
  await waitUntil(() => {
    const root = el.shadowRoot!;
    if (root.querySelector('table[aria-busy="true"]')) return false;
    return !!root.querySelector('tbody tr[part~="row"], [part~="state"]');
  }, message, {timeout: 10_000});
  await el.updateComplete;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** The data rows' ids, in order. */
export const rowIds = (el: Element) => $$(el, 'tbody tr[part~="row"]').map((tr) => Number(tr.dataset.id));
/** The text of one column of the data rows. */
export const column = (el: Element, key: string) => $$(el, `tbody td.col-${key}`).map((td) => td.textContent!.trim());
/** A data row by customer id. */
export const row = (el: Element, id: number) => $<HTMLTableRowElement>(el, `tbody tr[data-id="${id}"]`);

/** Calls the API with the tenant's token (test setup and checks, not through the element). */
export async function api<T>(tenant: Tenant, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${API_BASE}${path}`, {
    method,
    headers: {authorization: `Bearer ${tenant.token}`, ...(body ? {'content-type': 'application/json'} : {})},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const createCustomer = (tenant: Tenant, body: CustomerCreate) => api<Customer>(tenant, 'POST', '/customers', body);

/** Resolves with the next event of `type` on `target`. */
export function nextEvent<E extends Event>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as E), {once: true}));
}
