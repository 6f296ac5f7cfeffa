/** Shared helpers of the token manager, user list and transcription list tests. */
import {fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {Customer, CustomerCreate} from '../../src/contract/schemas.js';
import {API_BASE, createTenant, type Tenant} from '../helpers/sandbox.js';

export {createTenant, type Tenant};

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
  await el.updateComplete;
  await waitUntil(() => {
    const root = el.shadowRoot!;
    if (root.querySelector('table[aria-busy="true"], [part~="loading"]')) return false;
    return !!root.querySelector('tbody tr[part~="row"], [part~="state"]');
  }, message, {timeout: 10_000});
  await el.updateComplete;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
/** The data rows' ids, in order. */
export const rowIds = (el: Element) => $$(el, 'tbody tr[part~="row"]').map((tr) => Number(tr.dataset.id));
/** The text of one column of the data rows. */
export const column = (el: Element, key: string) => $$(el, `tbody tr[part~="row"] td.col-${key}`).map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
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

/** A tenant with one customer made through the API (no seeded tokens, users or transcripts). */
export async function bareCustomer(): Promise<{tenant: Tenant; customer: Customer}> {
  const tenant = await createTenant({customers: 0});
  const customer = await createCustomer(tenant, {name: 'Bare Customer BV', email: `bare-${Date.now()}@example.com`});
  return {tenant, customer};
}

/** Resolves with the next event of `type` on `target`. */
export function nextEvent<E extends Event>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as E), {once: true}));
}

/** The element focused now, looking into shadow roots. */
export function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Types one key at a time: WebKitWebDriver drops repeated letters from one long `type`. */
export async function typeInto(target: HTMLElement, text: string): Promise<void> {
  target.focus();
  for (const key of text) await sendKeys({type: key});
}

/** The messages of a field's `aria-describedby` error nodes. */
export function fieldError(target: Element): string {
  const root = target.getRootNode() as ShadowRoot;
  const ids = (target.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('error'));
  return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

/** Everything an element renders, as markup plus the live values of its inputs. */
export function everything(el: Element): string {
  const root = el.shadowRoot!;
  const values = [...root.querySelectorAll<HTMLInputElement>('input, textarea')].map((i) => i.value);
  return [el.outerHTML, root.innerHTML, ...values, ...[...el.attributes].map((a) => a.value)].join('\n');
}
