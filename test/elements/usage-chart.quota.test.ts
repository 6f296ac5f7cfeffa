/**
 * <reseller-usage-chart> (quota) against the sandbox: bucketing against the API's daily data, table view
 * and CSV agree, keyboard tooltips, quota levels, reflected state, and the loading / empty / error /
 * access states (axe in each).
 */
import {expect} from '@open-wc/testing';
import type {Customer, CustomerPage} from '../../src/contract/schemas.js';
import {$, api, chartFor, createTenant} from './usage-chart.helpers.js';

describe('<reseller-usage-chart> quota', () => {
  it('quota at 79 %, 80 % and 100 %: none, none, then an alert shown and announced once; Enterprise says custom quota', async () => {
    const tenant = await createTenant({customers: 10});
    const page = await api<CustomerPage>(tenant, 'GET', '/customers?per_page=25');
    const customer = [...page.data].sort((a, b) => b.usage.transcription_minutes - a.usage.transcription_minutes)[0]!;
    const minutes = customer.usage.transcription_minutes;
    expect(minutes, 'the busiest customer has used minutes this period').to.be.greaterThan(100);
    /** What the sandbox reports (one decimal) for a quota of `q` minutes. */
    const percentFor = (q: number) => Math.round((minutes / q) * 1000) / 10;
    /**
     * An integer quota for which the sandbox reports exactly `target` % or, when none does (633.6
     * minutes: 633 → 100.1 %, 634 → 99.9 %), the nearest one on the given side of `target`.
     */
    const quotaFor = (target: number, side: 'at most' | 'at least') => {
      const guess = Math.round((minutes * 100) / target);
      for (let q = guess - 20; q <= guess + 20; q++) if (percentFor(q) === target) return q;
      return side === 'at most' ? Math.ceil((minutes * 100) / target) : Math.floor((minutes * 100) / target);
    };
    let percent = 0;
    const setQuota = (target: number, side: 'at most' | 'at least') => {
      const q = quotaFor(target, side);
      percent = percentFor(q);
      return api<Customer>(tenant, 'PUT', `/customers/${customer.id}/subscription`, {plan: 'enterprise', quota_minutes: q});
    };
    /** "(79%)", "(79.9%)": the reported percentage as the meter shows it. */
    const shown = () => `(${new Intl.NumberFormat('en', {style: 'percent', maximumFractionDigits: 1}).format(percent / 100)})`;

    await setQuota(79, 'at most');
    expect(percent).to.be.within(78, 79);
    const el = await chartFor(tenant, {'customer-id': String(customer.id)});
    const quota = () => $(el, '[part~="quota"]');
    const live = () => $(el, '[role="status"]:not([part~="state"])').textContent!.trim();
    expect(quota().dataset.level).to.equal('ok');
    expect(quota().textContent).to.contain(shown());
    expect(quota().textContent).to.contain('Custom quota');
    expect($(el, '[part~="meter"]').getAttribute('aria-valuenow')).to.equal(String(percent));
    expect(el.shadowRoot!.querySelector('[part~="quota-status"]')).to.equal(null);
    expect(live()).to.equal('');

    await setQuota(80, 'at most');
    expect(percent).to.be.within(79, 80);
    await el.reload();
    expect(quota().dataset.level).to.equal('ok');
    expect(quota().textContent).to.contain(shown());
    expect(live()).to.equal('');

    await setQuota(100, 'at least');
    expect(percent).to.be.within(100, 101);
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
