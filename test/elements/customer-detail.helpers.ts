/** Shared helpers of the customer detail tests (test/elements/customer-detail*.test.ts). */
import {fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {ResellerCustomerDetail} from '../../src/elements/customer-detail/customer-detail.js';
import type {TabLoaders} from '../../src/elements/customer-detail/tab-loaders.js';
import type {ResellerPhoneField} from '../../src/elements/phone-field/phone-field.js';
import type {Customer} from '../../src/contract/schemas.js';
import {createTenant, type Tenant} from '../helpers/sandbox.js';
import {api, createCustomer} from '../helpers/api.js';
import {$, fieldError, rendered, typeInto} from '../helpers/dom.js';

export {createTenant, type Tenant};
export {$, $$, focused, nextEvent, typeInto} from '../helpers/dom.js';
export {api, createCustomer} from '../helpers/api.js';

export const getCustomer = (tenant: Tenant, id: number) => api<Customer>(tenant, 'GET', `/customers/${id}`);

/** A tenant and one customer with known data (phone, metadata with known and free keys). */
export async function tenantWithCustomer(): Promise<{tenant: Tenant; customer: Customer}> {
  const tenant = await createTenant({customers: 2});
  const customer = await createCustomer(tenant, {
    name: 'Acme Transcripts BV',
    email: 'office@acme-transcripts.example',
    phone: '+31612345678',
    plan: 'gold',
    metadata: {segment: 'smb', industry: 'legal', region: 'north'},
  });
  return {tenant, customer};
}

/** A detail element with its own token, waited until it shows its form or a state. */
export async function detailFor(
  tenant: Tenant | null,
  id: number,
  options: {attrs?: Record<string, string>; token?: string; getToken?: () => Promise<string>; loaders?: TabLoaders} = {},
): Promise<ResellerCustomerDetail> {
  const el = document.createElement('reseller-customer-detail');
  el.token = options.token ?? tenant?.token ?? null;
  if (options.getToken) el.getToken = options.getToken;
  if (options.loaders) el.loaders = options.loaders;
  for (const [k, v] of Object.entries(options.attrs ?? {})) el.setAttribute(k, v);
  el.setAttribute('customer-id', String(id));
  await fixture(html`<div>${el}</div>`);
  await settled(el);
  return el;
}

/** Waits until the form (or a not-found / error / access state) shows: not loading. */
export async function settled(el: ResellerCustomerDetail): Promise<void> {
  await rendered(el, {ready: 'form[part~="form"], [part~="state"]:not([part~="loading"])'}, 'the detail settles');
}

export const input = (el: Element, id: string) => $<HTMLInputElement>(el, `#${id}`);
export const phoneField = (el: Element) => $<ResellerPhoneField>(el, 'reseller-phone-field');
export const phoneInput = (el: Element) => phoneField(el).shadowRoot!.querySelector('input')!;
export const updateButton = (el: Element) => $<HTMLButtonElement>(el, '[part~="update"]');
export const alertText = (el: Element) => el.shadowRoot!.querySelector('[part~="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The error text a field's aria-describedby points to ('' when none). */
export function errorOf(el: Element, id: string): string {
  return fieldError(id === 'phone' ? phoneInput(el) : input(el, id));
}

/** Replaces an input's text as a person does: select all, then type. */
export async function replaceText(target: HTMLInputElement, text: string): Promise<void> {
  target.focus();
  target.select();
  await sendKeys({press: 'Backspace'});
  await typeInto(target, text);
}

/** Clicks the Update button and waits until the save settles (not busy). */
export async function clickUpdate(el: ResellerCustomerDetail): Promise<void> {
  updateButton(el).click();
  await el.updateComplete;
  await waitUntil(() => updateButton(el)?.getAttribute('aria-busy') !== 'true', 'the save settles', {timeout: 10_000});
  await el.updateComplete;
}

/** The open confirm dialog of the element (unsaved changes). */
export const confirmDialog = (el: Element) => $(el, 'reseller-confirm-dialog');
export const confirmButton = (el: Element, which: 'cancel' | 'confirm') =>
  confirmDialog(el).shadowRoot!.querySelector<HTMLButtonElement>(which === 'cancel' ? '[part~="cancel-button"]' : '[part~="confirm-button"]')!;
export const dialogOpen = (el: Element) => !!confirmDialog(el).shadowRoot!.querySelector('dialog')?.open;
