/**
 * The kit's one quota meter: minutes used this billing period against the monthly quota, on the
 * one rule of `src/usage/quota.ts` (warning above 80 %, alert at 100 %, "no quota set" without a
 * quota). Colour + icon + text, never colour alone; a `role="progressbar"` with the numbers as its
 * value text, drawn in SVG (no inline styles). Shown by `<reseller-subscription-panel>`,
 * `<reseller-usage-chart>` (one customer) and the Usage tab fallback of
 * `<reseller-customer-detail>`. The announcement of a level change lives in the element.
 *
 * Parts: `quota` (wrapper, `data-level="none|ok|warning|alert"`), `quota-label`, `meter`,
 * `quota-value`, `quota-status` (the warning / alert sentence), `custom-quota` (the badge).
 */
import {css, html, nothing, svg, type TemplateResult} from 'lit';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {quotaLevelOf, usagePercent, type QuotaLevel} from '../../usage/quota.js';
import {alertIcon, warningIcon} from './icons.js';

export interface QuotaMeterOptions {
  /** Minutes used this billing period. */
  used: number;
  /** The monthly quota in minutes (0: none). */
  quota: number;
  label: string;
  /** The billing period, shown after the label. */
  period?: {start: string; end: string};
  /** Show the "Custom quota" badge (Enterprise). */
  custom?: boolean;
  /** Prefix of the ids that tie the label and value to the meter (unique within the shadow root). */
  id?: string;
}

/** The announcement of a level (empty for ok / none). */
export function quotaMessage(i18n: LocaleController, level: QuotaLevel): string {
  if (level === 'warning') return i18n.t('usage.quota.warning');
  if (level === 'alert') return i18n.t('usage.quota.exceeded');
  return '';
}

/** A placeholder of the meter's height while the first answer loads (no layout jump). */
export function renderQuotaSkeleton(): TemplateResult {
  return html`<div class="quota" part="quota" aria-hidden="true"><span class="skeleton skeleton-line"></span><span class="skeleton meter-skeleton"></span></div>`;
}

export function renderQuotaMeter(i18n: LocaleController, {used, quota, label, period, custom = false, id = 'quota'}: QuotaMeterOptions): TemplateResult {
  const level = quotaLevelOf(used, quota);
  const heading = html`<p class="quota-label" part="quota-label" id="${id}-label">
    ${label}
    ${period ? html`<span class="quota-period">${i18n.t('subscription.periodRange', {start: i18n.date(period.start), end: i18n.date(period.end)})}</span>` : nothing}
    ${custom ? html`<span class="badge brand" part="custom-quota">${i18n.t('usage.quota.custom')}</span>` : nothing}
  </p>`;
  if (level === 'none') {
    return html`<div class="quota" part="quota" data-level="none">${heading}<p class="quota-value" part="quota-value">${i18n.t('usage.quota.none')}</p></div>`;
  }
  const percent = usagePercent(used, quota);
  const value = i18n.t('usage.quota.value', {used: i18n.number(Math.round(used)), quota: i18n.number(quota), percent: i18n.percent(percent / 100)});
  const fill = Math.min(100, Math.max(0, percent));
  const message = quotaMessage(i18n, level);
  return html`<div class="quota" part="quota" data-level=${level}>
    ${heading}
    <div class="meter" part="meter" role="progressbar" aria-labelledby="${id}-label" aria-valuemin="0" aria-valuemax="100"
      aria-valuenow=${fill} aria-valuetext=${value}>
      <svg class="meter-svg" width="100%" height="100%" aria-hidden="true" focusable="false">
        ${svg`<rect class="meter-fill" x="0" y="0" height="100%" width="${fill}%"></rect>`}
      </svg>
    </div>
    <p class="quota-value" part="quota-value">${value}</p>
    ${message ? html`<p class="quota-status" part="quota-status">${level === 'alert' ? alertIcon : warningIcon}<span>${message}</span></p>` : nothing}
  </div>`;
}

export const quotaStyles = css`
  .quota {
    display: grid;
    gap: var(--_space-1);
    --_meter-fill: var(--_brand);
  }
  .quota[data-level='warning'] {
    --_meter-fill: var(--_warning);
  }
  .quota[data-level='alert'] {
    --_meter-fill: var(--_danger);
  }
  .quota p {
    margin: 0;
  }
  .quota-label {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    font-weight: 600;
  }
  .quota-period,
  .quota-value {
    color: var(--_text-muted);
    font-weight: normal;
  }
  .meter {
    block-size: 0.75rem;
    border-radius: 999px;
    background: var(--_neutral-subtle);
    overflow: hidden;
  }
  .meter-svg {
    display: block;
  }
  .meter-fill {
    fill: var(--_meter-fill);
  }
  .meter-skeleton {
    display: block;
    block-size: 0.75rem;
  }
  .quota-status {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    font-weight: 600;
    color: var(--_warning-text);
  }
  .quota[data-level='alert'] .quota-status {
    color: var(--_danger-text);
  }
  .quota-status .icon {
    inline-size: 1.1em;
    block-size: 1.1em;
    flex: none;
  }
`;
