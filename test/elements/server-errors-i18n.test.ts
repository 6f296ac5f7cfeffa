/**
 * Server errors in the user's language, against the sandbox: a taken email (422, field code
 * `email_taken`) in the New Customer form, the customer detail and the invite dialog shows the
 * kit's Dutch or Arabic words at the field, and the server's English message nowhere.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/customer-form.js';
import '../../src/define/customer-detail.js';
import '../../src/define/user-list.js';
import type {ResellerCustomerForm} from '../../src/elements/customer-form/customer-form.js';
import type {ResellerUserList} from '../../src/elements/user-list/user-list.js';
import {nl} from '../../src/i18n/nl.js';
import {ar} from '../../src/i18n/ar.js';
import {loadLocale} from '../../src/i18n/registry.js';
import {loadContract} from '../../src/contract/load-contract.js';
import {createTenant} from '../helpers/sandbox.js';
import {clickUpdate, createCustomer, detailFor, errorOf, replaceText, tenantWithCustomer, typeInto} from './customer-detail.helpers.js';
import {api, fieldError, mount} from './org-lists.helpers.js';

/** The sandbox's English message for a taken email (what a Dutch or Arabic user must not see). */
const SERVER_MESSAGE = 'This email address is already in use';
/** All text of an element's shadow root, nested shadow roots included. */
function everything(el: Element): string {
  const parts: string[] = [];
  const visit = (root: ShadowRoot) => {
    parts.push(root.textContent ?? '');
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) visit(child.shadowRoot);
  };
  visit(el.shadowRoot!);
  return parts.join(' ');
}

for (const [lang, bundle] of [['nl', nl], ['ar', ar]] as const) {
  describe(`server errors in ${lang}`, () => {
    // The locale and the contract's schemas (the error body is parsed with them) load lazily: load
    // them first, so the first test's wait is for the server's answer, not for cold chunks.
    before(() => Promise.all([loadLocale(lang), loadContract()]));

    it('New Customer: a taken email shows the kit’s words at Email, not the server’s English', async () => {
      const tenant = await createTenant({customers: 0});
      const existing = await createCustomer(tenant, {name: 'Bestaand BV', email: `taken-${lang}@example.com`});
      const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><reseller-customer-form inline .token=${tenant.token}></reseller-customer-form></div>`);
      const form = wrapper.querySelector<ResellerCustomerForm>('reseller-customer-form')!;
      await form.updateComplete;
      const field = (id: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      await typeInto(field('name'), 'Kopie');
      await typeInto(field('email'), existing.email);
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await waitUntil(() => errorOf(form, 'email') !== '', 'the server field error shows', {timeout: 15_000});
      expect(errorOf(form, 'email')).to.equal(bundle['serverField.emailTaken']);
      expect(everything(form)).not.to.contain(SERVER_MESSAGE);
      expect(field('email').value, 'the input stays').to.equal(existing.email);
    });

    it('customer detail: a taken email shows the kit’s words at Email; Update stays enabled', async () => {
      const {tenant, customer} = await tenantWithCustomer();
      const other = await createCustomer(tenant, {name: 'Ander BV', email: `other-${lang}@example.com`});
      const el = await detailFor(tenant, customer.id, {attrs: {lang}});
      await replaceText(el.shadowRoot!.querySelector<HTMLInputElement>('#email')!, other.email);
      await clickUpdate(el);
      await waitUntil(() => errorOf(el, 'email') !== '', 'the server field error shows', {timeout: 10_000});
      expect(errorOf(el, 'email')).to.equal(bundle['serverField.emailTaken']);
      expect(everything(el)).not.to.contain(SERVER_MESSAGE);
    });

    it('invite dialog: a taken email shows the kit’s words at Email', async () => {
      const tenant = await createTenant({customers: 0});
      const customer = await createCustomer(tenant, {name: 'Klant BV', email: `owner-${lang}@example.com`});
      await api(tenant, 'POST', `/customers/${customer.id}/users`, {name: 'Eerste', email: 'taken@example.com'});
      const el = await mount('reseller-user-list', tenant.token, {'customer-id': customer.id, lang});
      const $ = <T extends Element>(selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
      const input = (field: 'name' | 'email') => $<HTMLInputElement>(`#invite-${field}`);
      $<HTMLButtonElement>('[part~="invite-button"]').click();
      await waitUntil(() => $<HTMLDialogElement>('dialog.invite').open, 'the invite dialog opens');
      await typeInto(input('name'), 'Tweede');
      await typeInto(input('email'), 'taken@example.com');
      await sendKeys({press: 'Enter'});
      await waitUntil(() => input('email').getAttribute('aria-invalid') === 'true', 'the field error shows', {timeout: 10_000});
      expect(fieldError(input('email'))).to.equal(bundle['serverField.emailTaken']);
      expect(everything(el as ResellerUserList)).not.to.contain(SERVER_MESSAGE);
    });
  });
}
