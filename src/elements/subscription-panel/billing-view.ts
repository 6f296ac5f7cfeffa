/**
 * The billing part of `<reseller-subscription-panel>`, loaded with the first `GET
 * /customers/{id}/billing` (a dynamic import beside the request, so it costs the first paint
 * nothing): the current period's amount so far and how it is made up (included minutes, minutes
 * over, the rate per minute over), the billing history as a table (stacked lines when the panel is
 * narrow), and the history's CSV. Money through `Intl.NumberFormat` in the element's locale.
 */
import {html, nothing} from 'lit';
import type {Billing, BillingLine, Plan} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {csvCell} from '../../usage/csv.js';
import {downloadText} from '../shared/download.js';
import {renderEmpty} from '../shared/states.js';

/** The CSV's columns: machine values as the API gives them (dates, plan id, minutes, amount with a dot, status). */
export const BILLING_CSV_COLUMNS = ['period_start', 'period_end', 'plan', 'minutes', 'amount', 'currency', 'status'] as const;

/** `billing_<customer>_<first period>_<last period>.csv` */
export function billingCsvFileName(billing: Billing): string {
  const h = billing.history;
  return h.length ? `billing_${billing.customer_id}_${h.at(-1)!.period.start}_${h[0]!.period.end}.csv` : `billing_${billing.customer_id}.csv`;
}

/** The history as RFC 4180 CSV, newest first, with the usage CSV's quoting and injection guard; an amount by contract is empty. */
export function billingCsv(billing: Billing): string {
  const lines = [BILLING_CSV_COLUMNS.join(',')];
  for (const l of billing.history) {
    lines.push([l.period.start, l.period.end, l.plan, l.minutes, l.amount ?? '', billing.currency, l.status].map((v) => csvCell(v)).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves the history's CSV (UTF-8 without a BOM, like the API's CSVs and the usage export). */
export function downloadBilling(root: ShadowRoot, billing: Billing): void {
  downloadText(root, billingCsvFileName(billing), billingCsv(billing));
}

/** Minutes above the plan's monthly minutes (none for a custom quota). */
export const minutesOver = (line: BillingLine, plan: Plan | undefined): number =>
  plan?.monthly_minutes == null ? 0 : Math.max(0, Math.round((line.minutes - plan.monthly_minutes) * 10) / 10);

export interface BillingView {
  i18n: LocaleController;
  billing: Billing;
  plans: readonly Plan[];
  onDownload: () => void;
}

export function renderBilling({i18n, billing, plans, onDownload}: BillingView) {
  const t = i18n.t.bind(i18n);
  const money = (n: number | null, rate = false) => (n === null ? t('billing.byContract')
    : i18n.number(n, {style: 'currency', currency: billing.currency, ...(rate ? {maximumFractionDigits: 4} : {})}));
  const minutes = (n: number) => t('billing.minutes', {minutes: i18n.number(n, {maximumFractionDigits: 1})});
  const c = billing.current;
  const plan = plans.find((p) => p.id === c.plan);
  const contract = c.amount === null || plan?.monthly_price == null;
  return html`<div class="billing-current" part="billing-current">
      <h4 class="subheading" id="current-heading">${t('billing.current', {start: i18n.date(c.period.start), end: i18n.date(c.period.end)})}</h4>
      <dl class="facts" aria-labelledby="current-heading">
        <div><dt>${t('billing.amountSoFar')}</dt><dd part="current-amount">${money(c.amount)}</dd></div>
        <div><dt>${t('billing.used')}</dt><dd part="current-minutes">${minutes(c.minutes)}</dd></div>
        ${contract ? nothing : html`
          <div><dt>${t('billing.included', {price: money(plan.monthly_price)})}</dt><dd part="included-minutes">${minutes(plan.monthly_minutes ?? 0)}</dd></div>
          <div><dt>${t('billing.over')}</dt><dd part="over-minutes">${minutes(minutesOver(c, plan))}</dd></div>
          <div><dt>${t('billing.rate')}</dt><dd part="overage-rate">${money(plan.overage_per_minute, true)}</dd></div>`}
      </dl>
    </div>
    <div class="billing-history">
      <div class="history-head">
        <h4 class="subheading" id="history-heading">${t('billing.history')}</h4>
        ${billing.history.length
          ? html`<button type="button" class="button" part="csv-button" @click=${onDownload}>${t('billing.downloadCsv')}</button>` : nothing}
      </div>
      ${billing.history.length ? html`<div class="table-scroll" part="history-scroll" role="region" tabindex="0" aria-labelledby="history-heading">
        <table class="table" part="history" role="table" aria-labelledby="history-heading">
          <thead role="rowgroup"><tr role="row">
            <th scope="col" role="columnheader">${t('billing.period')}</th>
            <th scope="col" role="columnheader">${t('common.plan')}</th>
            <th scope="col" role="columnheader" class="numeric">${t('billing.used')}</th>
            <th scope="col" role="columnheader" class="numeric">${t('billing.amount')}</th>
            <th scope="col" role="columnheader">${t('common.status')}</th>
          </tr></thead>
          <tbody role="rowgroup">${billing.history.map((l) => html`<tr role="row" part="history-row" data-period=${l.period.start}>
            <th scope="row" role="rowheader">${periodLabel(i18n, l)}</th>
            <td role="cell" data-label=${t('common.plan')}>${t(`plan.${l.plan}`)}</td>
            <td role="cell" class="numeric" data-label=${t('billing.used')}>${i18n.number(l.minutes, {maximumFractionDigits: 1})}</td>
            <td role="cell" class="numeric" data-label=${t('billing.amount')}>${money(l.amount)}</td>
            <td role="cell" data-label=${t('common.status')}><span class="badge ${l.status === 'paid' ? 'success' : ''}" data-status=${l.status}>${t(`billing.status.${l.status}`)}</span></td>
          </tr>`)}</tbody>
        </table>
      </div>` : renderEmpty({title: t('billing.historyEmpty'), message: t('billing.historyEmptyHint')})}
    </div>`;
}

/** A calendar month as "November 2026"; another span as its dates. */
function periodLabel(i18n: LocaleController, l: BillingLine): string {
  const {start, end} = l.period;
  const month = start.endsWith('-01') && start.slice(0, 7) === end.slice(0, 7);
  return month ? i18n.date(start, {year: 'numeric', month: 'long'}) : i18n.t('subscription.periodRange', {start: i18n.date(start), end: i18n.date(end)});
}
