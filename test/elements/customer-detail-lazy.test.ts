/**
 * <reseller-customer-detail>: a tab's code loads when the tab first opens. Its own page (this file
 * imports nothing but the detail's define module), so "not registered before" means something.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define/customer-detail.js';
import {requests, setFaults} from '../helpers/sandbox.js';
import {$, detailFor, tenantWithCustomer} from './customer-detail.helpers.js';

describe('<reseller-customer-detail> lazy tabs', () => {
  it('Usage without <reseller-usage-chart>: minutes used against the quota (warning above 80 %, alert at 100 %); axe clean', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id, {attrs: {tab: 'usage'}, loaders: {usage: null}});
    expect(customElements.get('reseller-usage-chart'), 'not registered in this page').to.equal(undefined);
    const quota = () => $(el, '#panel-usage [part~="quota"]');
    await waitUntil(() => quota(), 'the usage meter shows');
    const used = customer.usage.transcription_minutes;
    const percent = Math.round((used / 10000) * 1000) / 10;
    expect(quota().querySelector('[part~="meter"]')!.getAttribute('aria-valuenow')).to.equal(String(Math.min(percent, 100)));
    expect(quota().textContent).to.contain('of 10,000 minutes used');
    expect(quota().dataset.level).to.equal(percent >= 100 ? 'alert' : percent > 80 ? 'warning' : 'ok');
    await expect(el).to.be.accessible();
  });

  for (const c of [
    {name: 'exactly 80 %', used: 400, quota: 500, level: 'ok', value: '400 of 500 minutes used (80%)', status: false},
    {name: '100 %', used: 500, quota: 500, level: 'alert', value: '500 of 500 minutes used (100%)', status: true},
    {name: 'a zero quota', used: 120, quota: 0, level: 'none', value: 'No quota set.', status: false},
  ]) {
    it(`the Usage fallback meter at ${c.name} shows ${c.level}, as the panel and the chart do (quota-meter.test.ts)`, async () => {
      const {tenant, customer} = await tenantWithCustomer();
      const body = {...customer, usage: {transcription_minutes: c.used, quota_minutes: c.quota}};
      await setFaults(tenant.token, [{method: 'GET', path: `/customers/${customer.id}`, body_raw: JSON.stringify(body)}]);
      const el = await detailFor(tenant, customer.id, {attrs: {tab: 'usage'}, loaders: {usage: null}});
      const quota = () => $(el, '#panel-usage [part~="quota"]');
      await waitUntil(() => quota(), 'the usage meter shows');
      expect(quota().dataset.level).to.equal(c.level);
      expect(quota().querySelector('[part~="quota-value"]')!.textContent!.trim()).to.equal(c.value);
      expect(!!quota().querySelector('[part~="quota-status"]')).to.equal(c.status);
      await expect(el).to.be.accessible();
    });
  }

  it('a host loader that fails shows an error with a retry; the retry loads the element', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    let calls = 0;
    const el = await detailFor(tenant, customer.id, {attrs: {tab: 'usage'}, loaders: {usage: null}});
    el.loaders = {
      usage: null,
      transcriptions: async () => {
        calls++;
        if (calls === 1) {
          // A module that does not exist: a real failed dynamic import.
          const missing = '/no-such-module/transcription-list.js';
          await import(/* @vite-ignore */ missing);
        }
        // Stands in for <reseller-transcription-list> (not in the repository yet): the seam is what is tested.
        customElements.define('reseller-transcription-list', class extends HTMLElement {});
      },
    };
    $<HTMLButtonElement>(el, '#tab-transcriptions').click();
    await waitUntil(() => $(el, '#panel-transcriptions').querySelector('[part~="error"]'), 'the load error shows', {timeout: 5000});
    expect($(el, '#panel-transcriptions').textContent).to.contain('The Transcriptions section could not be loaded.');
    await expect(el).to.be.accessible();
    $(el, '#panel-transcriptions').querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => $(el, '#panel-transcriptions reseller-transcription-list'), 'the element renders after the retry', {timeout: 5000});
    expect($(el, '#panel-transcriptions reseller-transcription-list').getAttribute('customer-id')).to.equal(String(customer.id));
    expect(calls).to.equal(2);
  });

  it('the Subscription panel is not loaded (nor its data asked for) until its tab opens', async () => {
    const {tenant, customer} = await tenantWithCustomer();
    const el = await detailFor(tenant, customer.id, {attrs: {tab: 'usage'}, loaders: {usage: null}});
    expect(customElements.get('reseller-subscription-panel'), 'not registered before').to.equal(undefined);
    expect((await requests(tenant.token)).some((r) => r.path.endsWith('/subscription'))).to.be.false;
    $<HTMLButtonElement>(el, '#tab-subscription').click();
    await waitUntil(() => customElements.get('reseller-subscription-panel'), 'registered on first open', {timeout: 8000});
    const panel = $(el, '#panel-subscription reseller-subscription-panel');
    await waitUntil(() => panel.shadowRoot?.querySelector('[part~="plan"]'), 'the panel shows the plan', {timeout: 8000});
    expect((await requests(tenant.token)).some((r) => r.path === `/customers/${customer.id}/subscription`)).to.be.true;
  });
});
