/** The transcription list's filters: search, status, from and to dates. */
import {html, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {STATUS_FILTERS, type StatusFilter, type TranscriptListState} from './transcript-query.js';

export interface ToolbarHost {
  i18n: LocaleController;
  state: TranscriptListState;
  searchText: string;
  /** Shown under To when the range is inverted. */
  rangeError: string;
  onSearchInput(value: string): void;
  onSearch(): void;
  onStatus(status: StatusFilter): void;
  onDate(which: 'from' | 'to', value: string): void;
}

export function renderToolbar(host: ToolbarHost) {
  const {i18n, state} = host;
  const t = i18n.t.bind(i18n);
  const date = (which: 'from' | 'to', label: string, error = '') => html`<div class="field date">
    <label class="label" for="filter-${which}">${label}</label>
    <input id="filter-${which}" class="input" part="${which}-input" type="date" .value=${live(state[which])}
      max=${ifDefined(which === 'from' ? state.to || undefined : undefined)} min=${ifDefined(which === 'to' ? state.from || undefined : undefined)}
      aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? 'range-error' : undefined)}
      @change=${(e: Event) => host.onDate(which, (e.target as HTMLInputElement).value)} />
    ${error ? html`<p class="field-error" part="field-error" id="range-error">${error}</p>` : nothing}
  </div>`;
  return html`<div class="toolbar" part="toolbar" role="search" aria-label=${t('common.filter')}>
    <div class="field search">
      <label class="label" for="filter-q">${t('transcriptions.search.label')}</label>
      <input id="filter-q" class="input" part="search" type="search" autocomplete="off" placeholder=${t('transcriptions.search.placeholder')}
        .value=${live(host.searchText)} @input=${(e: Event) => host.onSearchInput((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && host.onSearch()} @search=${() => host.onSearch()} />
    </div>
    <div class="field">
      <label class="label" for="filter-status">${t('transcriptions.filter.status')}</label>
      <select id="filter-status" class="input" part="filter" .value=${live(state.status)}
        @change=${(e: Event) => host.onStatus((e.target as HTMLSelectElement).value as StatusFilter)}>
        ${STATUS_FILTERS.map((s) => html`<option value=${s} ?selected=${s === state.status}>
          ${s === 'all' ? t('transcriptions.filter.allStatuses') : t(`transcriptions.status.${s}`)}</option>`)}
      </select>
    </div>
    ${date('from', t('transcriptions.filter.from'))}
    ${date('to', t('transcriptions.filter.to'), host.rangeError)}
  </div>`;
}
