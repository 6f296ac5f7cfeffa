/**
 * <reseller-usage-chart> (quota) against the sandbox: bucketing against the API's daily data, table view
 * and CSV agree, keyboard tooltips, quota levels, reflected state, and the loading / empty / error /
 * access states (axe in each).
 */
import {expect} from '@open-wc/testing';
import type {Customer, CustomerPage} from '../../src/api/contract.js';
import {$, api, chartFor, createTenant} from './usage-chart.helpers.js';

describe('<reseller-usage-chart> quota', () => {
  it('quota at 79 %, 80 % and 100 %: none, none, then an alert shown and announced once; Enterprise says custom quota', async () => {
    const tenant = await createTenant({customers: 10});
    const page = await api<CustomerPage>(tenant, 'GET', '/customers?per_page=25');
    const customer = [...page.data].sort((a, b) => b.usage.transcription_minutes - a.usage.transcription_minutes)[0]!;
    const minutes = customer.usage.transcription_minutes;
    expect(minutes, 'the busiest customer has used minutes this period').to.be.greaterThan(100);
    /** An integer quota for which the sandbox reports exactly `target` %. */
    const quotaFor = (target: number) => {
      const guess = Math.round((minutes * 100) / target);
      for (let q = guess - 20; q <= guess + 20; q++) if (Math.round((minutes / q) * 1000) / 10 === target) return q;
      throw new Error(`no quota gives ${target} % for ${minutes} minutes`);
    };
    const setQuota = (target: number) => api<Customer>(tenant, 'PUT', `/customers/${customer.id}/subscription`, {plan: 'enterprise', quota_minutes: quotaFor(target)});

    await setQuota(79);
    const el = await chartFor(tenant, {'customer-id': String(customer.id)});
    const quota = () => $(el, '[part~="quota"]');
    const live = () => $(el, '[role="status"]:not([part~="state"])').textContent!.trim();
    expect(quota().dataset.level).to.equal('ok');
    expect(quota().textContent).to.contain('(79%)');
    expect(quota().textContent).to.contain('Custom quota');
    expect($(el, '[part~="meter"]').getAttribute('aria-valuenow')).to.equal('79');
    expect(el.shadowRoot!.querySelector('[part~="quota-status"]')).to.equal(null);
    expect(live()).to.equal('');

    await setQuota(80);
    await el.reload();
    expect(quota().dataset.level).to.equal('ok');
    expect(quota().textContent).to.contain('(80%)');
    expect(live()).to.equal('');

    await setQuota(100);
    await el.reload();
    await el.updateComplete;
    expect(quota().dataset.level).to.equal('alert');
    expect($(el, '[part~="quota-status"]').textContent!.trim()).to.equal('The monthly quota is used up.');
    expect($(el, '[part~="quota-status"] svg')).to.exist;
    expect(live()).to.equal('The monthly quota is used up.');
    await expect(el).to.be.accessible();
  });

  it('a warning above 80 % from the seeded data (Gold plan quota shown without "custom")', async () => {
    const tenant = await createTenant({customers: 10});
    const page = await api<CustomerPage>(tenant, 'GET', '/customers?per_page=25');
    const customer = page.data.find((c) => c.plan !== 'enterprise')!;
    await api(tenant, 'PUT', `/customers/${customer.id}/subscription`, {plan: 'gold'});
    const el = await chartFor(tenant, {'customer-id': String(customer.id)});
    const expectedLevel = customer.usage.transcription_minutes / 10_000 > 0.8 ? 'warning' : 'ok';
    expect($(el, '[part~="quota"]').dataset.level).to.equal(expectedLevel);
    expect($(el, '[part~="quota"]').textContent).to.contain('of 10,000 minutes used');
    expect($(el, '[part~="quota"]').textContent).not.to.contain('Custom quota');
  });
});
