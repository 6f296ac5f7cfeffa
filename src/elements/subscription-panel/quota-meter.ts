/**
 * The quota meter: minutes used against the monthly quota, with a warning from 80 % and an alert
 * at 100 %. A render helper (native `<meter>`, no inline styles) and its CSS, shared by
 * `<reseller-subscription-panel>` and the Usage tab fallback of `<reseller-customer-detail>`.
 *
 * Parts: `quota` (wrapper, `data-level="ok|warning|alert"`), `quota-label`, `meter`,
 * `quota-value`, `quota-status` (the warning / alert sentence).
 */
import {css, html, nothing, type TemplateResult} from 'lit';
import type {LocaleController} from '../../controllers/locale-controller.js';

/** `ok` below 80 %, `warning` from 80 %, `alert` from 100 % (or any use of a zero quota). */
export type QuotaLevel = 'ok' | 'warning' | 'alert';

export const QUOTA_WARNING = 0.8;

export function quotaLevel(used: number, quota: number): QuotaLevel {
  if (quota <= 0) return used > 0 ? 'alert' : 'ok';
  const fraction = used / quota;
  return fraction >= 1 ? 'alert' : fraction >= QUOTA_WARNING ? 'warning' : 'ok';
}

/** The meter with its label, the numbers and (from 80 %) a warning or alert sentence. */
export function renderQuotaMeter(i18n: LocaleController, {used, quota, label, id = 'quota'}: {used: number; quota: number; label: string; id?: string}): TemplateResult {
  const level = quotaLevel(used, quota);
  const fraction = quota > 0 ? used / quota : 0;
  const value = quota > 0
    ? i18n.t('usage.quota.value', {used: i18n.number(Math.round(used)), quota: i18n.number(quota), percent: i18n.percent(fraction)})
    : i18n.t('usage.quota.none');
  const status = level === 'alert' ? i18n.t('usage.quota.exceeded') : level === 'warning' ? i18n.t('usage.quota.warning') : '';
  return html`<div class="quota" part="quota" data-level=${level}>
    <span class="quota-label" part="quota-label" id="${id}-label">${label}</span>
    <meter class="meter" part="meter" min="0" max=${Math.max(quota, 1)} low=${Math.max(quota, 1) * QUOTA_WARNING}
      high=${Math.max(quota, 1) * 0.999} optimum="0" .value=${Math.min(used, Math.max(quota, 1))}
      aria-labelledby="${id}-label" aria-describedby="${id}-value${status ? ` ${id}-status` : ''}"></meter>
    <span class="quota-value" part="quota-value" id="${id}-value">${value}</span>
    ${status ? html`<p class="quota-status" part="quota-status" id="${id}-status">${status}</p>` : nothing}
  </div>`;
}

export const quotaStyles = css`
  .quota {
    display: grid;
    gap: var(--_space-1);
    --_meter-fill: var(--_success);
  }
  .quota[data-level='warning'] {
    --_meter-fill: var(--_warning);
  }
  .quota[data-level='alert'] {
    --_meter-fill: var(--_danger);
  }
  .quota-label {
    font-weight: 500;
  }
  .meter {
    appearance: none;
    inline-size: 100%;
    block-size: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-sunken);
    overflow: hidden;
  }
  .meter::-webkit-meter-bar {
    border: 0;
    border-radius: 999px;
    background: var(--_surface-sunken);
    block-size: 100%;
  }
  .meter::-webkit-meter-optimum-value,
  .meter::-webkit-meter-suboptimum-value,
  .meter::-webkit-meter-even-less-good-value {
    background: var(--_meter-fill);
    border-radius: 999px;
  }
  .meter::-moz-meter-bar {
    background: var(--_meter-fill);
    border-radius: 999px;
  }
  .quota-value {
    color: var(--_text-muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .quota-status {
    margin: 0;
    font-weight: 500;
    font-size: 0.875em;
  }
  .quota[data-level='warning'] .quota-status {
    color: var(--_warning-text);
  }
  .quota[data-level='alert'] .quota-status {
    color: var(--_danger-text);
  }
`;
