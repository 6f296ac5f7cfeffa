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

const METRIC_KEYS = {hours: 'usage.audioHours', transcriptions: 'usage.transcriptions'} as const;
/**
 * The options are written out in the toolbar's one template (value and label bound from these
 * lists), not a `map()` of option templates: twelve small template instances were the largest part
 * of the chart's first-render script. A list that grows fails these checks until its option is added.
 */
const P = RANGE_PRESETS;
const G = GRANULARITIES;
const M = METRICS;
P.length satisfies 6;
G.length satisfies 3;
M.length satisfies 2;

export function renderControls(host: ControlsHost) {
  const {i18n, state} = host;
  const value = (e: Event) => (e.target as HTMLSelectElement).value;
  const preset = (p: RangePreset) => host.preset === p && !host.custom;
  return html`<div class="toolbar" part="toolbar">
    <div class="field">
      <label class="label" for="range">${i18n.t('usage.range')}</label>
      <select id="range" class="input" part="range" @change=${(e: Event) => host.onPreset(value(e) as RangePreset | 'custom')}>
        <option value=${P[0]} ?selected=${preset(P[0])}>${i18n.t(`usage.presets.${P[0]}`)}</option>
        <option value=${P[1]} ?selected=${preset(P[1])}>${i18n.t(`usage.presets.${P[1]}`)}</option>
        <option value=${P[2]} ?selected=${preset(P[2])}>${i18n.t(`usage.presets.${P[2]}`)}</option>
        <option value=${P[3]} ?selected=${preset(P[3])}>${i18n.t(`usage.presets.${P[3]}`)}</option>
        <option value=${P[4]} ?selected=${preset(P[4])}>${i18n.t(`usage.presets.${P[4]}`)}</option>
        <option value=${P[5]} ?selected=${preset(P[5])}>${i18n.t(`usage.presets.${P[5]}`)}</option>
        <option value="custom" ?selected=${host.custom}>${i18n.t('usage.presets.custom')}</option>
      </select>
    </div>
    ${host.custom ? renderCustom(host) : nothing}
    <div class="field">
      <label class="label" for="granularity">${i18n.t('usage.granularity')}</label>
      <select id="granularity" class="input" part="granularity" @change=${(e: Event) => host.onGranularity(value(e) as ChartGranularity)}>
        <option value=${G[0]} ?selected=${state.granularity === G[0]}>${i18n.t(`usage.granularity.${G[0]}`)}</option>
        <option value=${G[1]} ?selected=${state.granularity === G[1]}>${i18n.t(`usage.granularity.${G[1]}`)}</option>
        <option value=${G[2]} ?selected=${state.granularity === G[2]}>${i18n.t(`usage.granularity.${G[2]}`)}</option>
      </select>
    </div>
    <div class="field">
      <label class="label" for="metric">${i18n.t('usage.metric')}</label>
      <select id="metric" class="input" part="metric" @change=${(e: Event) => host.onMetric(value(e) as UsageMetric)}>
        <option value=${M[0]} ?selected=${state.metric === M[0]}>${i18n.t(METRIC_KEYS[M[0]])}</option>
        <option value=${M[1]} ?selected=${state.metric === M[1]}>${i18n.t(METRIC_KEYS[M[1]])}</option>
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
