/** The dashboard's sections: totals with change against the previous period, top customers, customers near their quota. */
import {html, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {AggregateUsage, CustomerUsageRow} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {minutesToHours} from '../../usage/buckets.js';
import {isNearQuota, quotaLevel} from '../../usage/quota.js';
import {downIcon, upIcon} from '../shared/icons.js';
import {detailHref} from '../shared/links.js';
import {fit, STACKED} from '../../dom/fit.js';

export interface SectionsHost {
  i18n: LocaleController;
  current: AggregateUsage | null;
  /** The previous period of equal length; null while loading (or failed). */
  previous: AggregateUsage | null;
  detailHref: string | null;
  top: number;
  /** Whether the operator asked for every customer above 80 % (else the first `NEAR_QUOTA_CAP`). */
  nearQuotaAll: boolean;
  onToggleNearQuota(): void;
  onOpen(event: MouseEvent, row: CustomerUsageRow): void;
}

/** Customers above 80 % shown before "Show all" (a long list would make the page thousands of px tall). */
export const NEAR_QUOTA_CAP = 10;

/** Customers with usage in the range. */
export const activeCustomers = (u: AggregateUsage): number => u.customers.filter((c) => c.audio_minutes > 0 || c.transcriptions > 0).length;

/** Change of `current` against `previous` as a fraction, or null when the previous period had nothing. */
export function change(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / previous;
}

/**
 * While loading, the same totals with a placeholder for each value and change, so the loaded
 * values take exactly the loading state's place (no layout shift when they arrive).
 */
export function renderTotals(host: SectionsHost) {
  const {i18n, current, previous} = host;
  const items = [
    {key: 'hours', label: i18n.t('dashboard.audioHours'), value: current && i18n.hours(current.totals.audio_minutes, {unit: false}), now: current?.totals.audio_minutes, before: previous?.totals.audio_minutes},
    {key: 'transcriptions', label: i18n.t('dashboard.transcriptions'), value: current && i18n.number(current.totals.transcriptions), now: current?.totals.transcriptions, before: previous?.totals.transcriptions},
    {key: 'customers', label: i18n.t('dashboard.activeCustomers'), hint: i18n.t('dashboard.activeCustomersHint'), value: current && i18n.number(activeCustomers(current)), now: current && activeCustomers(current), before: previous ? activeCustomers(previous) : undefined},
  ];
  return html`<section class="totals-section" aria-labelledby="totals-heading">
    <h2 class="visually-hidden" id="totals-heading">${i18n.t('dashboard.totals')}</h2>
    <dl class="totals" part="totals" aria-hidden=${ifDefined(current ? undefined : 'true')}>
      ${items.map((item) => html`<div class="total" part="total" data-total=${item.key}>
        <dt>${item.label}${item.hint ? html` <span class="hint">${item.hint}</span>` : nothing}</dt>
        <dd class="total-value">${item.value ?? textSkeleton}</dd>
        <dd class="total-change">${item.now === undefined || item.now === null || item.before === undefined ? changePlaceholder : renderChange(i18n, change(item.now, item.before))}</dd>
      </div>`)}
    </dl>
  </section>`;
}

/** A skeleton one line of the surrounding text tall (a loading value takes its loaded line). */
const textSkeleton = html`<span class="skeleton text-skeleton" aria-hidden="true">\u00a0</span>`;
/** The change line's place while the previous period loads. */
const changePlaceholder = html`<span class="change" aria-hidden="true">\u00a0</span>`;

/**
 * A list while the usage loads: its heading and `rows` placeholder rows with the loaded rows'
 * cells (so the stacked cards at narrow widths have the loaded cards' lines too), and the place of
 * the "Show all" button when `showAll`.
 */
function renderListLoading(heading: string, labels: string[], rows: number, showAll = false) {
  return html`<section class="list" aria-busy="true">
    <h2 class="section-heading">${heading}</h2>
    <div class="table-scroll" ${fit(STACKED)} aria-hidden="true"><table class="table" role="presentation">
      <thead><tr>${labels.map((label) => html`<th>${label}</th>`)}</tr></thead>
      <tbody>${Array.from({length: rows}, () => html`<tr>
        <th scope="row">${textSkeleton}</th>${labels.slice(1).map((label) => html`<td data-label=${label}>${textSkeleton}</td>`)}
      </tr>`)}</tbody>
    </table></div>
    ${showAll ? html`<div class="show-all-placeholder" aria-hidden="true"></div>` : nothing}
  </section>`;
}

function renderChange(i18n: LocaleController, fraction: number | null) {
  if (fraction === null) return html`<span class="change">${i18n.t('dashboard.changeNone')}</span>`;
  if (fraction === 0) return html`<span class="change">${i18n.t('dashboard.changeSame')}</span>`;
  const text = i18n.number(fraction, {style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1});
  return html`<span class=${fraction > 0 ? 'change up' : 'change down'}>${fraction > 0 ? upIcon : downIcon}${i18n.t('dashboard.change', {change: text})}</span>`;
}

function customerLink(host: SectionsHost, row: CustomerUsageRow) {
  const href = detailHref(host.detailHref, row.customer_id);
  // Truncated with an ellipsis in narrow lists: the full name stays in the text (the accessible name) and the title.
  return href
    ? html`<a class="link name" dir="auto" href=${href} title=${row.name} @click=${(e: MouseEvent) => host.onOpen(e, row)}>${row.name}</a>`
    : html`<button type="button" class="link name" dir="auto" title=${row.name} @click=${(e: MouseEvent) => host.onOpen(e, row)}>${row.name}</button>`;
}

function planLabel(i18n: LocaleController, row: CustomerUsageRow) {
  const plan = i18n.t(`plan.${row.plan}`);
  return row.plan === 'enterprise' ? `${plan} (${i18n.t('usage.quota.custom').toLocaleLowerCase(i18n.locale)})` : plan;
}

export function renderTopCustomers(host: SectionsHost) {
  const {i18n, current} = host;
  if (!current) {
    const labels = (['customer', 'plan', 'audioHours', 'transcriptions'] as const).map((c) => i18n.t(`dashboard.columns.${c}`));
    return renderListLoading(i18n.t('dashboard.topCustomers'), labels, host.top);
  }
  const rows = current.customers.filter((c) => c.audio_minutes > 0 || c.transcriptions > 0).slice(0, host.top);
  return html`<section class="list" part="top-customers" aria-labelledby="top-heading">
    <h2 class="section-heading" id="top-heading">${i18n.t('dashboard.topCustomers')}</h2>
    ${rows.length
      ? html`<div class="table-scroll" ${fit(STACKED)}><table class="table" role="table">
          <caption class="visually-hidden">${i18n.t('dashboard.topCustomersCaption', {from: i18n.date(current.from), to: i18n.date(current.to)})}</caption>
          <thead role="rowgroup"><tr role="row">
            <th scope="col" role="columnheader">${i18n.t('dashboard.columns.customer')}</th>
            <th scope="col" role="columnheader">${i18n.t('dashboard.columns.plan')}</th>
            <th scope="col" role="columnheader" class="numeric">${i18n.t('dashboard.columns.audioHours')}</th>
            <th scope="col" role="columnheader" class="numeric">${i18n.t('dashboard.columns.transcriptions')}</th>
          </tr></thead>
          <tbody role="rowgroup">${rows.map((r) => html`<tr part="row" role="row" data-id=${r.customer_id}>
            <th scope="row" role="rowheader">${customerLink(host, r)}</th>
            <td role="cell" data-label=${i18n.t('dashboard.columns.plan')}>${planLabel(i18n, r)}</td>
            <td role="cell" class="numeric" data-label=${i18n.t('dashboard.columns.audioHours')}>${i18n.number(minutesToHours(r.audio_minutes), {minimumFractionDigits: 2, maximumFractionDigits: 2})}</td>
            <td role="cell" class="numeric" data-label=${i18n.t('dashboard.columns.transcriptions')}>${i18n.number(r.transcriptions)}</td>
          </tr>`)}</tbody>
        </table></div>`
      : html`<p class="none">${i18n.t('dashboard.topCustomersNone')}</p>`}
  </section>`;
}

export function renderNearQuota(host: SectionsHost) {
  const {i18n, current} = host;
  // Loading: room for the capped list and its "Show all" (a reseller with fewer customers near
  // their quota sees the list shrink below the chart, under the fold on most screens).
  if (!current) return renderListLoading(i18n.t('dashboard.nearQuota'), (['customer', 'plan', 'quotaUsed'] as const).map((c) => i18n.t(`dashboard.columns.${c}`)), NEAR_QUOTA_CAP, true);
  const all = current.customers.filter((c) => isNearQuota(c.usage_percent, c.quota_minutes)).sort((a, b) => b.usage_percent - a.usage_percent || a.customer_id - b.customer_id);
  const capped = all.length > NEAR_QUOTA_CAP;
  const rows = capped && !host.nearQuotaAll ? all.slice(0, NEAR_QUOTA_CAP) : all;
  return html`<section class="list" part="near-quota" aria-labelledby="quota-heading">
    <h2 class="section-heading" id="quota-heading">${i18n.t('dashboard.nearQuota')}</h2>
    ${rows.length
      ? html`<div class="table-scroll" ${fit(STACKED)}><table class="table" role="table" id="near-quota-table">
          <thead role="rowgroup"><tr role="row">
            <th scope="col" role="columnheader">${i18n.t('dashboard.columns.customer')}</th>
            <th scope="col" role="columnheader">${i18n.t('dashboard.columns.plan')}</th>
            <th scope="col" role="columnheader" class="numeric">${i18n.t('dashboard.columns.quotaUsed')}</th>
          </tr></thead>
          <tbody role="rowgroup">${rows.map((r) => {
            const over = quotaLevel(r.usage_percent, r.quota_minutes) === 'alert';
            return html`<tr part="row" role="row" data-id=${r.customer_id}>
              <th scope="row" role="rowheader">${customerLink(host, r)}</th>
              <td role="cell" data-label=${i18n.t('dashboard.columns.plan')}>${planLabel(i18n, r)}</td>
              <td role="cell" class="numeric" data-label=${i18n.t('dashboard.columns.quotaUsed')}>
                <span class=${over ? 'badge danger' : 'badge warning'}>${i18n.t(over ? 'dashboard.overQuota' : 'dashboard.nearQuotaBadge')}</span>
                <span class="percent">${i18n.percent(r.usage_percent / 100)}</span>
              </td>
            </tr>`;
          })}</tbody>
        </table></div>
        ${capped
          ? html`<button type="button" class="button show-all" part="show-all-button" aria-controls="near-quota-table" aria-expanded=${host.nearQuotaAll ? 'true' : 'false'}
              @click=${() => host.onToggleNearQuota()}>${host.nearQuotaAll ? i18n.t('dashboard.showFewer', {count: NEAR_QUOTA_CAP}) : i18n.t('dashboard.showAll', {count: all.length})}</button>`
          : nothing}`
      : html`<p class="none">${i18n.t('dashboard.nearQuotaNone')}</p>`}
  </section>`;
}
