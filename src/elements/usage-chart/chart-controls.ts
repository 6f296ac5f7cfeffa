/** The chart's toolbar: range preset, custom range, granularity, metric, table toggle, export. */
import {html, nothing} from 'lit';
import {live} from 'lit/directives/live.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {RANGE_PRESETS, type RangePreset} from '../../usage/dates.js';
import {GRANULARITIES, METRICS, type UsageChartState, type UsageMetric} from '../shared/chart-state.js';
import type {ChartGranularity} from '../../usage/dates.js';

export interface ControlsHost {
  i18n: LocaleController;
  state: UsageChartState;
  preset: RangePreset | 'custom';
  /** Show the two date inputs. */
  custom: boolean;
  customError: string | null;
  /** The custom range as last submitted (kept while it has an error). */
  draft: {from: string; to: string} | null;
  tableView: boolean;
  exporting: boolean;
  onPreset(value: RangePreset | 'custom'): void;
  onCustom(from: string, to: string): void;
  onGranularity(value: ChartGranularity): void;
  onMetric(value: UsageMetric): void;
  onToggleTable(): void;
  onExport(): void;
}

type Assert<T extends true> = T;
/**
 * The options are written out in the toolbar's one template (static values, bound labels), not a
 * `map()` of option templates: twelve small template instances were the largest part of the chart's
 * first-render script. This fails to compile when a list changes and its options were not written again.
 */
export type OptionsWritten = Assert<[typeof RANGE_PRESETS, typeof GRANULARITIES, typeof METRICS] extends [
  readonly ['thisMonth', 'lastMonth', 'last7Days', 'last30Days', 'last90Days', 'last12Months'],
  readonly ['day', 'week', 'month'],
  readonly ['hours', 'transcriptions'],
] ? true : false>;

export function renderControls(host: ControlsHost) {
  const {i18n, state} = host;
  const value = (e: Event) => (e.target as HTMLSelectElement).value;
  const preset = (p: RangePreset) => host.preset === p && !host.custom;
  return html`<div class="toolbar" part="toolbar">
    <div class="field">
      <label class="label" for="range">${i18n.t('usage.range')}</label>
      <select id="range" class="input" part="range" @change=${(e: Event) => host.onPreset(value(e) as RangePreset | 'custom')}>
        <option value="thisMonth" ?selected=${preset('thisMonth')}>${i18n.t('usage.presets.thisMonth')}</option>
        <option value="lastMonth" ?selected=${preset('lastMonth')}>${i18n.t('usage.presets.lastMonth')}</option>
        <option value="last7Days" ?selected=${preset('last7Days')}>${i18n.t('usage.presets.last7Days')}</option>
        <option value="last30Days" ?selected=${preset('last30Days')}>${i18n.t('usage.presets.last30Days')}</option>
        <option value="last90Days" ?selected=${preset('last90Days')}>${i18n.t('usage.presets.last90Days')}</option>
        <option value="last12Months" ?selected=${preset('last12Months')}>${i18n.t('usage.presets.last12Months')}</option>
        <option value="custom" ?selected=${host.custom}>${i18n.t('usage.presets.custom')}</option>
      </select>
    </div>
    ${host.custom ? renderCustom(host) : nothing}
    <div class="field">
      <label class="label" for="granularity">${i18n.t('usage.granularity')}</label>
      <select id="granularity" class="input" part="granularity" @change=${(e: Event) => host.onGranularity(value(e) as ChartGranularity)}>
        <option value="day" ?selected=${state.granularity === 'day'}>${i18n.t('usage.granularity.day')}</option>
        <option value="week" ?selected=${state.granularity === 'week'}>${i18n.t('usage.granularity.week')}</option>
        <option value="month" ?selected=${state.granularity === 'month'}>${i18n.t('usage.granularity.month')}</option>
      </select>
    </div>
    <div class="field">
      <label class="label" for="metric">${i18n.t('usage.metric')}</label>
      <select id="metric" class="input" part="metric" @change=${(e: Event) => host.onMetric(value(e) as UsageMetric)}>
        <option value="hours" ?selected=${state.metric === 'hours'}>${i18n.t('usage.audioHours')}</option>
        <option value="transcriptions" ?selected=${state.metric === 'transcriptions'}>${i18n.t('usage.transcriptions')}</option>
      </select>
    </div>
    <div class="actions">
      <button type="button" class="button" part="view-toggle" @click=${host.onToggleTable}>
        ${i18n.t(host.tableView ? 'usage.showChart' : 'usage.showTable')}
      </button>
      <button type="button" class="button" part="export-button" aria-busy=${host.exporting ? 'true' : 'false'}
        @click=${() => !host.exporting && host.onExport()}>${i18n.t(host.exporting ? 'usage.exporting' : 'usage.export')}</button>
    </div>
  </div>`;
}

function renderCustom(host: ControlsHost) {
  const {i18n, state} = host;
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    host.onCustom((form.elements.namedItem('from') as HTMLInputElement).value, (form.elements.namedItem('to') as HTMLInputElement).value);
  };
  const invalid = host.customError ? 'true' : 'false';
  return html`<form class="custom" part="custom-range" novalidate @submit=${onSubmit}>
    <div class="field">
      <label class="label" for="from">${i18n.t('usage.from')}</label>
      <input id="from" name="from" type="date" class="input" required .value=${live(host.draft?.from ?? state.from)} aria-invalid=${invalid}
        aria-describedby=${host.customError ? 'range-error' : nothing} />
    </div>
    <div class="field">
      <label class="label" for="to">${i18n.t('usage.to')}</label>
      <input id="to" name="to" type="date" class="input" required .value=${live(host.draft?.to ?? state.to)} aria-invalid=${invalid}
        aria-describedby=${host.customError ? 'range-error' : nothing} />
    </div>
    <button type="submit" class="button primary" part="apply-button">${i18n.t('usage.apply')}</button>
    ${host.customError ? html`<p class="field-error" id="range-error" role="alert">${host.customError}</p>` : nothing}
  </form>`;
}
