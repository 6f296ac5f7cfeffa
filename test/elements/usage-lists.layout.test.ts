/**
 * <reseller-usage-dashboard> and <reseller-transcription-list> (all customers) at container widths
 * 320–1920 px: nothing overflows its container, the first row's identifying link, status and
 * actions are where a pointer reaches them, axe stays clean; the near-quota list is capped.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define/usage-dashboard.js';
import '../../src/define/transcription-list.js';
import type {ResellerUsageDashboard} from '../../src/elements/usage-dashboard/usage-dashboard.js';
import {clearFaults, createTenant, setFaults, type Tenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';
import {darkContrastViolations, horizontalOverflow, mountAt, nextFrame, reachable, resize, WIDTHS} from '../helpers/layout.js';
import {settled as listSettled} from './org-lists.helpers.js';
import {settled as chartSettled} from './usage-chart.helpers.js';

async function dashboardAt(tenant: Tenant, width: number, dir: 'ltr' | 'rtl' = 'ltr') {
  const el = document.createElement('reseller-usage-dashboard');
  el.token = tenant.token;
  el.setAttribute('detail-href', '#/customers/{id}');
  const mounted = await mountAt(el, width, dir);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="near-quota"]') && !el.shadowRoot!.querySelector('[part~="totals"][aria-hidden]'), 'the dashboard settles', {timeout: 30_000}); // a fresh tenant's first year of usage, under load
  await chartSettled(el.shadowRoot!.querySelector('reseller-usage-chart')!);
  await el.updateComplete;
  return mounted;
}

async function transcriptsAt(tenant: Tenant, width: number, dir: 'ltr' | 'rtl' = 'ltr') {
  const el = document.createElement('reseller-transcription-list');
  el.token = tenant.token;
  const mounted = await mountAt(el, width, dir);
  await listSettled(el);
  return mounted;
}

const first = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;

function expectReachable(width: number, ...targets: HTMLElement[]) {
  for (const target of targets) {
    expect(target, `${width}px: a target exists`).to.exist;
    const hit = reachable(target);
    expect(hit.ok, `${width}px: ${hit.detail}`).to.be.true;
  }
}

describe('usage dashboard and transcription list layout', () => {
  let tenant: Tenant;
  before(async function () {
    this.timeout(30_000); // 80 seeded customers: a loaded WebKit run took more than the default
    tenant = await createTenant({customers: 80});
  });

  // One mounted element resized through the widths (a remount per width costs a load each).
  it(`dashboard at ${WIDTHS.join(', ')} px: no overflow, customer links and badges reachable, axe clean (contrast dark too)`, async function () {
    this.timeout(60_000); // two axe passes per width (light, then the dark contrast)
    const {box, el} = await dashboardAt(tenant, WIDTHS[0]);
    for (const width of WIDTHS) {
      await resize(box, width);
      await el.updateComplete;
      expect(horizontalOverflow(box, el), `overflow at ${width}px`).to.deep.equal([]);
      const top = first(el, '[part~="top-customers"] tbody tr');
      const near = first(el, '[part~="near-quota"] tbody tr');
      expectReachable(width, top.querySelector('.name')!, top.querySelector('td:last-child')!, near.querySelector('.name')!, near.querySelector('.badge')!);
      await expect(el, `axe at ${width}px`).to.be.accessible();
      expect(await darkContrastViolations(box, el), `dark contrast at ${width}px`).to.deep.equal([]);
    }
  });

  it(`transcription list at ${WIDTHS.join(', ')} px: no overflow, title, status and Documents reachable, axe clean (contrast dark too)`, async function () {
    this.timeout(60_000); // two axe passes per width (light, then the dark contrast)
    const {box, el} = await transcriptsAt(tenant, WIDTHS[0]);
    for (const width of WIDTHS) {
      await resize(box, width);
      expect(horizontalOverflow(box, el), `overflow at ${width}px`).to.deep.equal([]);
      const row = first(el, 'tbody tr[part~="row"]');
      expectReachable(width, row.querySelector('.col-title .truncate')!, row.querySelector('[part~="status-badge"]')!, row.querySelector('[part~="documents-button"]')!);
      await expect(el, `axe at ${width}px`).to.be.accessible();
      expect(await darkContrastViolations(box, el), `dark contrast at ${width}px`).to.deep.equal([]);
    }
  });

  // Issue 21: the usage page's layout shift (CLS 0.46) was the dashboard growing as its data came.
  // 1280 px is not here yet: it holds in Chromium, but in Firefox the loaded lists' table rows
  // (628 px wide) wrap to two lines where the placeholders do not, and in WebKit the loaded chart
  // came out 23 px shorter than its loading state (issue 21, open).
  for (const width of [320, 768]) {
    it(`dashboard at ${width} px: the loading state is as tall as the loaded dashboard (totals, chart, both lists)`, async function () {
      this.timeout(30_000);
      await setFaults(tenant.token, [{method: 'GET', path: '/usage', delay_ms: 2000}]);
      try {
        const el = document.createElement('reseller-usage-dashboard');
        el.token = tenant.token;
        await mountAt(el, width);
        const chart = await waitFor(() => el.shadowRoot!.querySelector('[part~="totals"][aria-hidden]') && el.shadowRoot!.querySelector('reseller-usage-chart')?.shadowRoot?.querySelector('[part~="chart-area"] [part~="state"]') && el.shadowRoot!.querySelector('reseller-usage-chart'), 'the dashboard shows its loading state');
        await nextFrame();
        const parts = () => ({dashboard: el.getBoundingClientRect().height, chart: chart.getBoundingClientRect().height,
          lists: [...el.shadowRoot!.querySelectorAll('.lists > section')].map((l) => `${Math.round(l.getBoundingClientRect().width)}×${Math.round(l.getBoundingClientRect().height)}`).join(', ')});
        const loading = parts();
        await waitUntil(() => el.shadowRoot!.querySelector('[part~="near-quota"]') && !el.shadowRoot!.querySelector('[part~="totals"][aria-hidden]'), 'the dashboard shows its data', {timeout: 10_000});
        await chartSettled(chart);
        await el.updateComplete;
        await nextFrame();
        const loaded = parts();
        expect(loaded.chart, 'the chart (with the totals) keeps its block size').to.be.closeTo(loading.chart, 2);
        expect(loaded.dashboard, `the dashboard keeps its block size (lists loading ${loading.lists}; loaded ${loaded.lists})`).to.be.closeTo(loading.dashboard, 3);
      } finally {
        await clearFaults(tenant.token);
      }
    });
  }

  it('caps "customers above 80 %" at ten rows, with "Show all (N)"', async () => {
    const {el} = await dashboardAt(tenant, 1280);
    const rows = () => el.shadowRoot!.querySelectorAll('[part~="near-quota"] tbody tr').length;
    const button = first(el, '[part~="show-all-button"]');
    const all = Number(/\((\d+)\)/.exec(button.textContent!)![1]);
    expect(all, 'this tenant has more than ten customers above 80 %').to.be.greaterThan(10);
    expect(rows()).to.equal(10);
    button.click();
    await (el as ResellerUsageDashboard).updateComplete;
    expect(rows()).to.equal(all);
  });

  it('mirrors under dir="rtl": the first column on the right', async () => {
    const {box, el} = await transcriptsAt(tenant, 1024, 'rtl');
    const title = first(el, 'th.col-title').getBoundingClientRect();
    const documents = first(el, 'th.col-documents').getBoundingClientRect();
    expect(title.left, 'Title right of Documents').to.be.greaterThan(documents.right);
    expect(horizontalOverflow(box, el)).to.deep.equal([]);
  });
});
