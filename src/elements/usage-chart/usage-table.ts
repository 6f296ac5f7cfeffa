/** The chart's data as a real `<table>` (screen readers, copying): one row per bucket, zeros included, and a total. */
import {html} from 'lit';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {minutesToHours, totals, type UsageBucket} from '../../usage/buckets.js';

export interface TableInput {
  i18n: LocaleController;
  buckets: readonly UsageBucket[];
  caption: string;
  periodLabel: (b: UsageBucket) => string;
}

const hours = (i18n: LocaleController, minutes: number) => i18n.number(minutesToHours(minutes), {minimumFractionDigits: 2, maximumFractionDigits: 2});
const minutes = (i18n: LocaleController, value: number) => i18n.number(value, {minimumFractionDigits: 1, maximumFractionDigits: 1});

export function renderUsageTable({i18n, buckets, caption, periodLabel}: TableInput) {
  const sum = totals(buckets);
  return html`<div class="table-scroll usage-table" part="table-scroll" tabindex="0" role="region" aria-labelledby="table-caption">
    <table class="table" part="table">
      <caption id="table-caption">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${i18n.t('usage.period')}</th>
          <th scope="col" class="numeric">${i18n.t('usage.audioMinutes')}</th>
          <th scope="col" class="numeric">${i18n.t('usage.audioHours')}</th>
          <th scope="col" class="numeric">${i18n.t('usage.transcriptions')}</th>
        </tr>
      </thead>
      <tbody>
        ${buckets.map((b) => html`<tr part="row" data-period=${b.start}>
          <th scope="row">${periodLabel(b)}</th>
          <td class="numeric">${minutes(i18n, b.audioMinutes)}</td>
          <td class="numeric">${hours(i18n, b.audioMinutes)}</td>
          <td class="numeric">${i18n.number(b.transcriptions)}</td>
        </tr>`)}
      </tbody>
      <tfoot>
        <tr part="total-row">
          <th scope="row">${i18n.t('usage.total')}</th>
          <td class="numeric">${minutes(i18n, sum.audioMinutes)}</td>
          <td class="numeric">${hours(i18n, sum.audioMinutes)}</td>
          <td class="numeric">${i18n.number(sum.transcriptions)}</td>
        </tr>
      </tfoot>
    </table>
  </div>`;
}
