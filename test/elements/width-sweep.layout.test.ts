/**
 * The width matrix checks six widths in English; a partner's column can be any width and its page
 * any language. Here each list (and the forms and panels beside them) is mounted once per locale,
 * with long data, and its host box swept from 320 to 1920 px in 40 px steps: at no width does
 * anything overflow the box, the element or any of its scrollers (layout only: axe and reach are
 * the matrix's, at its six widths). Each engine sweeps two of the six locales (Chromium English
 * and Arabic, right-to-left; Firefox German and French; WebKit Spanish and Dutch), so a run of the
 * three covers them all. Before `fit()` (src/dom/fit.ts), Firefox found the customer table, the
 * transcription list, the token and user lists and the dashboard's lists running past their
 * container between breakpoints in every locale (by up to 300 px in German).
 */
import {expect} from '@open-wc/testing';
import '../../src/define/index.js';
import type {Customer} from '../../src/contract/schemas.js';
import {api, createCustomer} from '../helpers/api.js';
import {rendered} from '../helpers/dom.js';
import {horizontalOverflow, mountAt, nextFrame, resize} from '../helpers/layout.js';
import {createTenant, type Tenant} from '../helpers/sandbox.js';
import {waitFor} from '../helpers/wait.js';

const ua = navigator.userAgent;
const LOCALES = ua.includes('Firefox/') ? ['de', 'fr'] : ua.includes('Chrome/') ? ['en', 'ar'] : ['es', 'nl'];
const STEPS = Array.from({length: (1920 - 320) / 40 + 1}, (_, i) => 320 + i * 40);

interface SweepCase {
  tag: keyof HTMLElementTagNameMap;
  perCustomer?: boolean;
  ready: string;
  busy?: string;
}

const CASES: SweepCase[] = [
  {tag: 'reseller-customer-table', ready: 'tbody tr[part~="row"]'},
  {tag: 'reseller-transcription-list', ready: 'tbody tr[part~="row"]'},
  {tag: 'reseller-usage-dashboard', ready: '[part~="near-quota"]', busy: '[part~="totals"][aria-hidden]'},
  {tag: 'reseller-token-manager', perCustomer: true, ready: 'tbody tr'},
  {tag: 'reseller-user-list', perCustomer: true, ready: 'tbody tr'},
  {tag: 'reseller-subscription-panel', perCustomer: true, ready: '[part~="history-row"]', busy: '[part~="loading"]'},
  {tag: 'reseller-customer-detail', perCustomer: true, ready: 'form[part~="form"]'},
  {tag: 'reseller-report-list', ready: '[part~="generate-button"]'},
  {tag: 'reseller-brand-editor', ready: '[part~="save-button"]'},
];

describe('every list and form, swept through 320-1920 px in each locale', () => {
  let tenant: Tenant;
  let customer: Customer;
  before(async function () {
    this.timeout(30_000);
    tenant = await createTenant({customers: 30});
    const seeded = await api<{data: Customer[]}>(tenant, 'GET', '/customers?per_page=100');
    const longest = seeded.data.reduce((a, c) => (c.name.length > a.name.length ? c : a));
    customer = longest;
    await createCustomer(tenant, {
      name: 'Regionale Zorggroep Oost-Brabant en de Kempen voor Thuiszorg, Revalidatie en Wijkverpleging',
      email: 'administratie.debiteuren.en.crediteuren@regionalezorggroepoostbrabantendekempen.example.nl',
      phone: '+41853371224850',
    });
  });

  for (const c of CASES) {
    it(`<${c.tag}>: nothing overflows at any width, in ${LOCALES.join(', ')}`, async function () {
      this.timeout(90_000);
      const problems: string[] = [];
      for (const locale of LOCALES) {
        const el = document.createElement(c.tag) as HTMLElement & {token: string | null; updateComplete: Promise<boolean>};
        el.token = tenant.token;
        if (c.perCustomer) el.setAttribute('customer-id', String(customer.id));
        el.lang = locale;
        const {box} = await mountAt(el, 1280, locale === 'ar' ? 'rtl' : 'ltr');
        await waitFor(() => el.shadowRoot?.querySelector(c.ready), `<${c.tag} lang=${locale}> shows its data`, {timeout: 30_000});
        await rendered(el, {busy: c.busy ?? '[part~="loading"], table[aria-busy="true"]', ready: c.ready}, `<${c.tag} lang=${locale}> shows its data`);
        for (const width of STEPS) {
          await resize(box, width);
          for (const p of horizontalOverflow(box, el)) problems.push(`${locale} ${width}px: ${p}`);
        }
        // Back at 1920 px every step taken on the way down is undone: all columns, no cards.
        await resize(box, 320);
        await resize(box, 1920);
        await nextFrame();
        const steps = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-fit]')].map((n) => n.dataset.fit);
        if (steps.length) problems.push(`${locale} back at 1920px: still ${steps.join(', ')}`);
        box.remove();
      }
      expect(problems).to.deep.equal([]);
    });
  }
});
