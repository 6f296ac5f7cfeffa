/** The customer table's toolbar (search, status filter, New Customer) and its non-table states. */
import {html, nothing} from 'lit';
import {live} from 'lit/directives/live.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {plusIcon, searchIcon} from '../shared/icons.js';
import {renderEmpty} from '../shared/states.js';
import {STATUS_FILTERS, type StatusFilter} from './table-query.js';

export interface ToolbarHost {
  i18n: LocaleController;
  searchText: string;
  status: StatusFilter;
  metadataFilter: string;
  metadataQ: string;
  /** Open the metadata dialog. */
  onMetadata(): void;
  onSearchInput(value: string): void;
  /** Apply the search now (Enter, or the search field's clear button). */
  onSearch(): void;
  onStatus(status: StatusFilter): void;
  onCreate(): void;
}

export function renderToolbar(host: ToolbarHost) {
  const {i18n} = host;
  return html`<div part="toolbar" class="toolbar">
    <div class="search">
      <label for="search" class="visually-hidden">${i18n.t('table.search.label')}</label>${searchIcon}
      <input id="search" part="search" class="input" type="search" autocomplete="off" placeholder=${i18n.t('table.search.placeholder')}
        .value=${live(host.searchText)}
        @input=${(e: Event) => host.onSearchInput((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && host.onSearch()}
        @search=${() => host.onSearch()}>
    </div>
    <div class="filter">
      <label for="status">${i18n.t('table.filter.status')}</label>
      <select id="status" part="filter" class="input" .value=${live(host.status)}
        @change=${(e: Event) => host.onStatus((e.target as HTMLSelectElement).value as StatusFilter)}>
        ${STATUS_FILTERS.map((s) => html`<option value=${s} ?selected=${s === host.status}>
          ${s === 'all' ? i18n.t('table.filter.allStatuses') : i18n.t(`status.${s}`)}</option>`)}
      </select>
    </div>
    ${metadataButton(host)}
    ${createButton(host, 'new-button')}
  </div>`;
}

function metadataButton(host: ToolbarHost) {
  const active = (host.metadataFilter ? 1 : 0) + (host.metadataQ ? 1 : 0);
  return html`<button type="button" part="metadata-button" class="button" aria-haspopup="dialog" @click=${() => host.onMetadata()}>
    ${host.i18n.t('table.metadata.button')}${active
      ? html` <span class="badge brand" aria-hidden="true">${active}</span><span class="visually-hidden">${host.i18n.t('table.metadata.active', {count: active})}</span>`
      : nothing}</button>`;
}

function createButton(host: ToolbarHost, part: string) {
  return html`<button type="button" part=${part} class="button primary new-button" @click=${() => host.onCreate()}>
    ${plusIcon}${host.i18n.t('table.newCustomer')}</button>`;
}

/** No rows: "no customers yet" (with New Customer) or "no match" (with Clear filters). */
export function renderNoRows(host: ToolbarHost, q: string, onClear: () => void) {
  const {i18n} = host;
  if (!q && host.status === 'all' && !host.metadataFilter && !host.metadataQ) {
    return renderEmpty({title: i18n.t('table.empty'), message: i18n.t('table.emptyHint'), action: createButton(host, 'empty-new-button')});
  }
  return html`<div class="state empty no-match" part="state no-match" role="status">
    <p class="state-title" part="state-title">${q ? i18n.t('table.noResults', {query: q}) : i18n.t('table.noResultsFiltered')}</p>
    <button type="button" class="button" part="clear-button" @click=${onClear}>${i18n.t('common.clearFilters')}</button>
  </div>`;
}
