/**
 * The one quota rule (src/usage/quota.ts) as every meter shows it. The sandbox answers the exact
 * numbers (a `body_raw` fault carrying the real body with the minutes changed), so the boundaries
 * are hit exactly: 400 of 500 minutes is 80.0 % (not above 80 %: "ok", no warning), 500 of 500 is
 * 100 % (the alert), and a quota of 0 minutes (which the contract allows) is "no quota set", not
 * an alert. The same three cases for the detail's Usage fallback are in customer-detail-lazy
 * (its page must not register <reseller-usage-chart>).
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define/subscription-panel.js';
import '../../src/define/usage-chart.js';
import type {CustomerUsage, Subscription} from '../../src/contract/schemas.js';
import {quotaLevel, quotaLevelOf, usagePercent} from '../../src/usage/quota.js';
import {createTenant, setFaults, type Tenant} from '../helpers/sandbox.js';
import {api} from './customer-detail.helpers.js';

const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s);
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** used, quota, the level every meter must show, and what its value line says. */
const CASES = [
  {name: 'exactly 80 %', used: 400, quota: 500, level: 'ok', value: '400 of 500 minutes used (80%)', status: null},
  {name: '100 %', used: 500, quota: 500, level: 'alert', value: '500 of 500 minutes used (100%)', status: 'The monthly quota is used up.'},
  {name: 'a zero quota', used: 120, quota: 0, level: 'none', value: 'No quota set.', status: null},
] as const;

async function firstCustomerId(tenant: Tenant): Promise<number> {
  const page = await api<{data: {id: number}[]}>(tenant, 'GET', '/customers?per_page=25');
  return page.data[0]!.id;
}

/** What a meter shows: its level, value line and status line (null when absent). */
function meterOf(el: Element) {
  const quota = $(el, '[part~="quota"]:not([aria-hidden])')!;
  return {
    level: quota.dataset.level,
    value: squash(quota.querySelector('[part~="quota-value"]')?.textContent),
    status: quota.querySelector('[part~="quota-status"]') ? squash(quota.querySelector('[part~="quota-status"]')!.textContent) : null,
    valueNow: quota.querySelector('[part~="meter"]')?.getAttribute('aria-valuenow') ?? null,
  };
}

describe('the one quota rule', () => {
  it('quotaLevel: above 80 % warns (80.0 does not), 100 % alerts, no quota is none; minutes go through the API\'s one-decimal percentage', () => {
    expect([79.9, 80, 80.1, 99.9, 100, 140].map((p) => quotaLevel(p, 500))).to.deep.equal(['ok', 'ok', 'warning', 'warning', 'alert', 'alert']);
    expect([quotaLevel(0, 0), quotaLevel(150, 0)]).to.deep.equal(['none', 'none']);
    expect([usagePercent(400, 500), usagePercent(400.2, 500), usagePercent(400.3, 500), usagePercent(12, 0)]).to.deep.equal([80, 80, 80.1, 0]);
    // 400.2 of 500 is 80.04 %: the API reports 80.0, so it is "ok" here as on the dashboard.
    expect([quotaLevelOf(400, 500), quotaLevelOf(400.2, 500), quotaLevelOf(400.3, 500), quotaLevelOf(500, 500), quotaLevelOf(120, 0)])
      .to.deep.equal(['ok', 'ok', 'warning', 'alert', 'none']);
  });

  /** The places that show a meter from an API body with the quota's numbers in it. */
  const PLACES = [
    {
      tag: 'reseller-subscription-panel',
      path: (id: number) => `/customers/${id}/subscription`,
      render: (id: number, token: string) => html`<reseller-subscription-panel customer-id=${id} .token=${token}></reseller-subscription-panel>`,
    },
    {
      tag: 'reseller-usage-chart',
      path: (id: number) => `/customers/${id}/usage`,
      render: (id: number, token: string) => html`<reseller-usage-chart customer-id=${id} .token=${token}></reseller-usage-chart>`,
    },
  ] as const;

  for (const place of PLACES) {
    for (const c of CASES) {
      it(`<${place.tag}> at ${c.name}: ${c.level}`, async function () {
        // A tenant, three reads, a fault, the element and axe: past mocha's 20 s on a loaded machine (the first test of the page also loads axe).
        this.timeout(45_000);
        const tenant = await createTenant({customers: 1});
        const id = await firstCustomerId(tenant);
        const real = await api<Subscription | CustomerUsage>(tenant, 'GET', place.path(id));
        const body = {...real, transcription_minutes: c.used, quota_minutes: c.quota, usage_percent: usagePercent(c.used, c.quota)};
        await setFaults(tenant.token, [{method: 'GET', path: place.path(id), body_raw: JSON.stringify(body)}]);
        const el = await fixture(place.render(id, tenant.token));
        await waitUntil(() => $(el, '[part~="quota"]:not([aria-hidden])'), `<${place.tag}> shows its quota meter`, {timeout: 20_000});
        const meter = meterOf(el);
        expect(meter.level).to.equal(c.level);
        expect(meter.value).to.equal(c.value);
        expect(meter.status).to.equal(c.status);
        expect(meter.valueNow).to.equal(c.quota ? String(Math.min(100, usagePercent(c.used, c.quota))) : null);
        await expect(el).to.be.accessible();
      });
    }
  }
});
