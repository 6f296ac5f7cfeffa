/** Shared helpers of the token manager, user list and transcription list tests. */
import {fixture, html} from '@open-wc/testing';
import type {Customer} from '../../src/contract/schemas.js';
import {createTenant, type Tenant} from '../helpers/sandbox.js';
import {createCustomer} from '../helpers/api.js';
import {$, $$, rendered} from '../helpers/dom.js';

export {createTenant, type Tenant};
export {$, $$, fieldError, focused, nextDownload, nextEvent, typeInto} from '../helpers/dom.js';
export {api, createCustomer} from '../helpers/api.js';

type Mountable = HTMLElement & {token: string | null; updateComplete: Promise<boolean>};

/** An element with its own token, attributes set, waited until it settled. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  token: string | null,
  attrs: Record<string, string | number> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag) as unknown as Mountable;
  el.token = token;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  await fixture(html`<div>${el}</div>`);
  await settled(el);
  return el as unknown as HTMLElementTagNameMap[K];
}

/** Waits until the element shows rows or a state block, not loading. */
export async function settled(el: Mountable, message = 'the element settles'): Promise<void> {
  await rendered(el, {busy: 'table[aria-busy="true"], [part~="loading"]', ready: 'tbody tr[part~="row"], [part~="state"]'}, message);
}

/** The data rows' ids, in order. */
export const rowIds = (el: Element) => $$(el, 'tbody tr[part~="row"]').map((tr) => Number(tr.dataset.id));
/** The text of one column of the data rows. */
export const column = (el: Element, key: string) => $$(el, `tbody tr[part~="row"] td.col-${key}`).map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
export const row = (el: Element, id: number) => $<HTMLTableRowElement>(el, `tbody tr[data-id="${id}"]`);

/** A tenant with one customer made through the API (no seeded tokens, users or transcripts). */
export async function bareCustomer(): Promise<{tenant: Tenant; customer: Customer}> {
  const tenant = await createTenant({customers: 0});
  const customer = await createCustomer(tenant, {name: 'Bare Customer BV', email: `bare-${Date.now()}@example.com`});
  return {tenant, customer};
}

/** Everything an element renders, as markup plus the live values of its inputs. */
export function everything(el: Element): string {
  const root = el.shadowRoot!;
  const values = [...root.querySelectorAll<HTMLInputElement>('input, textarea')].map((i) => i.value);
  return [el.outerHTML, root.innerHTML, ...values, ...[...el.attributes].map((a) => a.value)].join('\n');
}
