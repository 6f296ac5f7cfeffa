/** Shared helpers of the usage chart and dashboard tests. */
import {fixture, html} from '@open-wc/testing';
import '../../src/define/usage-chart.js';
import type {ResellerUsageChart} from '../../src/elements/usage-chart/usage-chart.js';
import {createTenant, type Tenant} from '../helpers/sandbox.js';
import {$$, rendered} from '../helpers/dom.js';

export {createTenant, type Tenant};
export {$, $$, nextFileDownload, nextEvent} from '../helpers/dom.js';
export {api} from '../helpers/api.js';

/** Today in UTC and `n` days before it (the API's calendar dates). */
export const utcToday = () => new Date().toISOString().slice(0, 10);
export const daysBefore = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** A chart with its own token on a tenant, waited until it shows data or a state. */
export async function chartFor(tenant: Tenant, attrs: Record<string, string> = {}, token = tenant.token): Promise<ResellerUsageChart> {
  const el = document.createElement('reseller-usage-chart');
  el.token = token;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  await fixture(html`<div>${el}</div>`);
  await settled(el);
  return el;
}

/** Waits until the chart area shows the chart, the table, or an empty / error / access state. */
export async function settled(el: HTMLElement & {updateComplete: Promise<boolean>}, message = 'the chart settles'): Promise<void> {
  await rendered(el, {busy: '[aria-busy="true"][part~="chart-area"]', ready: 'svg.chart, [part~="chart-area"] table, [part~="state"]'}, message);
}

/** The table view's body rows: period start, then the cells as shown. */
export function tableRows(el: Element) {
  return $$(el, '[part~="chart-area"] tbody tr').map((tr) => ({
    period: tr.dataset.period!,
    label: tr.querySelector('th')!.textContent!.trim(),
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
  }));
}

export const fmt = {
  minutes: (n: number) => new Intl.NumberFormat('en', {minimumFractionDigits: 1, maximumFractionDigits: 1}).format(n),
  hours: (minutes: number) => new Intl.NumberFormat('en', {minimumFractionDigits: 2, maximumFractionDigits: 2}).format(Math.round((minutes / 60) * 100) / 100),
  count: (n: number) => new Intl.NumberFormat('en').format(n),
};
