/**
 * Fault matrix, loads (1/2): customer table, customer detail, subscription panel, usage chart,
 * usage dashboard × every load fault (faults.helpers.ts). Cells go to reports/reliability/faults-loads.json.
 */
import type {Customer, CustomerPage} from '../../src/contract/schemas.js';
import {API_BASE, createTenant, type Tenant} from '../helpers/sandbox.js';
import {LOAD_FAULTS, has, loadCell, type LoadScenario} from './faults.helpers.js';

const SUITE = 'faults-loads-a';

describe('reliability: load faults (table, detail, subscription, usage)', () => {
  let tenant: Tenant;
  let customer: Customer;
  before(async () => {
    tenant = await createTenant({customers: 3, seed: 9});
    const page = (await (await fetch(`${API_BASE}/customers`, {headers: {authorization: `Bearer ${tenant.token}`}})).json()) as CustomerPage;
    customer = page.data[0]!;
  });

  const scenarios = (): LoadScenario[] => [
    {row: 'customer-table (load)', tag: 'reseller-customer-table', attrs: {}, path: '/customers', loaded: has('tbody tr[part~="row"]')},
    {row: 'customer-detail (load)', tag: 'reseller-customer-detail', attrs: {'customer-id': customer.id}, path: `/customers/${customer.id}`, loaded: has('form[part~="form"]')},
    {row: 'subscription-panel (load)', tag: 'reseller-subscription-panel', attrs: {'customer-id': customer.id}, path: `/customers/${customer.id}/subscription`, loaded: has('[part~="facts"]')},
    {row: 'usage-chart (load)', tag: 'reseller-usage-chart', attrs: {'customer-id': customer.id}, path: `/customers/${customer.id}/usage`, loaded: has('svg.chart')},
    {row: 'usage-dashboard (load)', tag: 'reseller-usage-dashboard', attrs: {}, path: '/usage', loaded: has('.totals-section .change:not([aria-hidden])')},
  ];

  for (const index of [0, 1, 2, 3, 4]) {
    for (const fault of LOAD_FAULTS) {
      it(`${['customer-table', 'customer-detail', 'subscription-panel', 'usage-chart', 'usage-dashboard'][index]} × ${fault.column}`, async () => {
        await loadCell(SUITE, tenant, scenarios()[index]!, fault);
      });
    }
  }
});
