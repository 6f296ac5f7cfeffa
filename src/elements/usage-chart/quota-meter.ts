/**
 * The quota of the current billing period (one customer): minutes used of the plan's monthly
 * minutes, as a meter, with a warning above 80 % and an alert at 100 % (colour + icon + text).
 * Enterprise quotas are labelled "custom quota". The announcement lives in the element (once
 * per level change), not here.
 */
import {html, nothing, svg} from 'lit';
import type {PlanId} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {quotaLevel, type QuotaLevel} from '../../usage/quota.js';
import {alertIcon, warningIcon} from './icons.js';

export interface QuotaInfo {
  plan: PlanId;
  quotaMinutes: number;
  usedMinutes: number;
  /** The API's usage_percent (one decimal). */
  percent: number;
  period: {start: string; end: string};
}

/** The announcement of a level (empty for ok / none). */
export function quotaMessage(i18n: LocaleController, level: QuotaLevel): string {
  if (level === 'warning') return i18n.t('usage.quota.warning');
  if (level === 'alert') return i18n.t('usage.quota.exceeded');
  return '';
}

/** A placeholder of the meter's height while the first answer loads (no layout jump). */
export function renderQuotaSkeleton() {
  return html`<div class="quota" part="quota" aria-hidden="true"><span class="skeleton skeleton-line"></span><span class="skeleton meter-skeleton"></span></div>`;
}

export function renderQuota(i18n: LocaleController, q: QuotaInfo) {
  const level = quotaLevel(q.percent, q.quotaMinutes);
  if (level === 'none') {
    return html`<div class="quota" part="quota" data-level="none"><p class="quota-label">${i18n.t('usage.quota.label')}</p><p class="quota-value">${i18n.t('usage.quota.none')}</p></div>`;
  }
  const value = i18n.t('usage.quota.value', {
    used: i18n.number(Math.round(q.usedMinutes)),
    quota: i18n.number(q.quotaMinutes),
    percent: i18n.percent(q.percent / 100),
  });
  const fill = Math.min(100, Math.max(0, q.percent));
  const message = quotaMessage(i18n, level);
  return html`<div class="quota" part="quota" data-level=${level}>
    <p class="quota-label" id="quota-label">
      ${i18n.t('usage.quota.label')}
      <span class="quota-period">${i18n.t('subscription.periodRange', {start: i18n.date(q.period.start), end: i18n.date(q.period.end)})}</span>
      ${q.plan === 'enterprise' ? html`<span class="badge brand" part="custom-quota">${i18n.t('usage.quota.custom')}</span>` : nothing}
    </p>
    <div class="meter" part="meter" role="progressbar" aria-labelledby="quota-label" aria-valuemin="0" aria-valuemax="100"
      aria-valuenow=${fill} aria-valuetext=${value}>
      <svg class="meter-svg" width="100%" height="100%" aria-hidden="true" focusable="false">
        ${svg`<rect class="meter-fill" x="0" y="0" height="100%" width="${fill}%"></rect>`}
      </svg>
    </div>
    <p class="quota-value">${value}</p>
    ${message
      ? html`<p class="quota-status" part="quota-status">${level === 'alert' ? alertIcon : warningIcon}<span>${message}</span></p>`
      : nothing}
  </div>`;
}
