/**
 * <reseller-customer-detail>: a tab's code loads when the tab first opens. Its own page (this file
 * imports nothing but the detail's define module), so "not registered before" means something.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define/customer-detail.js';
import {requests} from '../helpers/sandbox.js';
import {$, detailFor, tenantWithCustomer} from './customer-detail.helpers.js';

describe('<reseller-customer-detail> lazy tabs', () => {
  it('a host loader that fails shows an error with a retry; the retry loads the element', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    let calls = 0;
    const el = await detailFor(tenant, customer.id, {attrs: {tab: 'users'}});
    el.loaders = {
      tokens: async () => {
        calls++;
        if (calls === 1) {
          // A module that does not exist: a real failed dynamic import.
          const missing = '/no-such-module/token-manager.js';
          await import(/* @vite-ignore */ missing);
        }
        customElements.define('reseller-token-manager', class extends HTMLElement {});
      },
    };
    $<HTMLButtonElement>(el, '#tab-tokens').click();
    await waitUntil(() => $(el, '#panel-tokens').querySelector('[part~="error"]'), 'the load error shows', {timeout: 5000});
    expect($(el, '#panel-tokens').textContent).to.contain('The Tokens section could not be loaded.');
    await expect(el).to.be.accessible();
    $(el, '#panel-tokens').querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => $(el, '#panel-tokens reseller-token-manager'), 'the element renders after the retry', {timeout: 5000});
    expect($(el, '#panel-tokens reseller-token-manager').getAttribute('customer-id')).to.equal(String(customer.id));
    expect(calls).to.equal(2);
  });

  it('the Subscription panel is not loaded (nor its data asked for) until its tab opens', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id, {attrs: {tab: 'usage'}});
    expect(customElements.get('reseller-subscription-panel'), 'not registered before').to.equal(undefined);
    expect((await requests(tenant.token)).some((r) => r.path.endsWith('/subscription'))).to.be.false;
    $<HTMLButtonElement>(el, '#tab-subscription').click();
    await waitUntil(() => customElements.get('reseller-subscription-panel'), 'registered on first open', {timeout: 8000});
    const panel = $(el, '#panel-subscription reseller-subscription-panel');
    await waitUntil(() => panel.shadowRoot?.querySelector('[part~="plan"]'), 'the panel shows the plan', {timeout: 8000});
    expect((await requests(tenant.token)).some((r) => r.path === `/customers/${customer.id}/subscription`)).to.be.true;
  });
});
