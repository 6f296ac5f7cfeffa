/** Shared helpers of the customer table tests (test/elements/customer-table.*.test.ts). */
import {fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/customer-table.js';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import {createTenant, type Tenant} from '../helpers/sandbox.js';
import {$, $$, rendered} from '../helpers/dom.js';

export {createTenant, type Tenant};
export {$, $$, confirmOf, confirmPart, nextEvent} from '../helpers/dom.js';
export {api, createCustomer, customerExists} from '../helpers/api.js';

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
  await rendered(el, {busy: 'table[aria-busy="true"]', ready: 'tbody tr[part~="row"], [part~="state"]'}, message);
}

/** The data rows' ids, in order. */
export const rowIds = (el: Element) => $$(el, 'tbody tr[part~="row"]').map((tr) => Number(tr.dataset.id));
/** The text of one column of the data rows. */
export const column = (el: Element, key: string) => $$(el, `tbody td.col-${key}`).map((td) => td.textContent!.trim());
/** A data row by customer id. */
export const row = (el: Element, id: number) => $<HTMLTableRowElement>(el, `tbody tr[data-id="${id}"]`);

/** The row actions / context menu (a popover) and its items. */
export const menu = (el: ResellerCustomerTable) => $(el, '[part~="menu"]');
export const menuOpen = (el: ResellerCustomerTable) => menu(el).matches(':popover-open');
export const items = (el: ResellerCustomerTable) => [...menu(el).querySelectorAll<HTMLElement>('[role="menuitem"]')];
export const menuButton = (el: ResellerCustomerTable, id: number) => row(el, id).querySelector<HTMLButtonElement>('[part~="menu-button"]')!;

/**
 * Shift+F10 through the browser's own input where the runner can hold a modifier (Chromium,
 * Firefox); WebDriver (WebKit) sends single keys only, so there the keydown is dispatched on the
 * focused element, as the browser would.
 */
export async function pressShiftF10(target: HTMLElement): Promise<void> {
  try {
    await sendKeys({down: 'Shift'});
  } catch {
    target.dispatchEvent(new KeyboardEvent('keydown', {key: 'F10', code: 'F10', shiftKey: true, bubbles: true, composed: true, cancelable: true}));
    return;
  }
  await sendKeys({press: 'F10'});
  await sendKeys({up: 'Shift'});
}
