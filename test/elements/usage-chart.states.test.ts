/**
 * <reseller-usage-chart> (states) against the sandbox: bucketing against the API's daily data, table view
 * and CSV agree, keyboard tooltips, quota levels, reflected state, and the loading / empty / error /
 * access states (axe in each).
 */
import {expect, waitUntil} from '@open-wc/testing';
import type {AggregateUsage} from '../../src/contract/schemas.js';
import {clearFaults, requests, setFaults} from '../helpers/sandbox.js';
import {$, api, chartFor, createTenant, settled} from './usage-chart.helpers.js';

describe('<reseller-usage-chart> states', () => {
  it('an empty range (before the customers had usage) says so, axe clean', async () => {
    const tenant = await createTenant({customers: 3});
    const el = await chartFor(tenant, {from: '2020-01-01', to: '2020-03-31'});
    expect($(el, '[part~="state"]').textContent).to.contain('No usage in this period.');
    await expect(el).to.be.accessible();
  });

  it('a failing load shows the error with a retry that recovers; axe clean', async () => {
    const tenant = await createTenant({customers: 3});
    await setFaults(tenant.token, [{method: 'GET', path: '/usage', status: 500}]);
    const el = await chartFor(tenant);
    expect($(el, '[part~="state"][part~="error"]').textContent).to.contain('Could not load usage.');
    await expect(el).to.be.accessible();
    await clearFaults(tenant.token);
    $(el, '[part~="retry-button"]').click();
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    // The range the retry asked for has usage (this file's tenants have fixed seeds): the chart, not the empty state.
    const retried = (await requests(tenant.token)).filter((r) => r.method === 'GET' && r.path === '/usage' && r.status === 200).at(-1)!;
    const usage = await api<AggregateUsage>(tenant, 'GET', `/usage?${retried.query}`);
    expect(usage.totals.audio_minutes, `usage in ${retried.query}`).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('svg.chart'), 'the chart shows after the retry').to.exist;
    expect(el.shadowRoot!.querySelector('[part~="empty"]'), 'no empty state').to.equal(null);
  });

  it('loading keeps the chart area’s height (no layout jump)', async () => {
    const tenant = await createTenant({customers: 3});
    await setFaults(tenant.token, [{method: 'GET', path: '/usage', delay_ms: 600, times: 1}]);
    const el = document.createElement('reseller-usage-chart');
    el.token = tenant.token;
    document.body.append(el);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="chart-area"][aria-busy="true"]'), 'loading state');
      const loadingHeight = $(el, '[part~="chart-area"]').getBoundingClientRect().height;
      await settled(el);
      expect($(el, '[part~="chart-area"]').getBoundingClientRect().height).to.equal(loadingHeight);
    } finally {
      el.remove();
    }
  });

  it('a RESELLEE token gets "reseller access required"', async () => {
    const tenant = await createTenant({customers: 2});
    const el = await chartFor(tenant, {}, tenant.reselleeToken);
    expect($(el, '[part~="access-required"]').textContent).to.contain('Reseller access required');
    await expect(el).to.be.accessible();
  });
});
