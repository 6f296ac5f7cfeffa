/**
 * The lists' pagination bar (customer table, transcription list): page size, range and total,
 * first/previous/next/last; its template and its CSS (`paginationStyles`).
 */
import {css, html} from 'lit';
import {PER_PAGE_OPTIONS} from '../../contract/constants.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {firstIcon, lastIcon, nextIcon, previousIcon} from './icons.js';

/** How many pages `total` rows make at `perPage` a page (at least one). */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

export interface PaginationHost {
  i18n: LocaleController;
  page: number;
  perPage: number;
  /** Total rows of the current filter and search (the last known one while loading). */
  total: number;
  /**
   * `total` is a lower bound (the server's `total_capped`): shown as "1,000+", the page without a
   * count, no Last; Next while `more` (the server has a next page) and `rows` the rows shown.
   */
  capped?: boolean;
  more?: boolean;
  rows?: number;
  onPage(page: number): void;
  onPerPage(perPage: number): void;
  /** Accessible name of the pagination landmark (unique per page: axe landmark-unique). */
  label?: string;
}

export function renderPagination(host: PaginationHost) {
  const {i18n, page, perPage, total, capped} = host;
  const pages = pageCount(total, perPage);
  const from = total === 0 ? 0 : (page - 1) * perPage + 1;
  const to = capped ? from - 1 + (host.rows ?? perPage) : Math.min(total, page * perPage);
  // aria-disabled, not disabled: the button keeps focus on the first and last page.
  const button = (target: number, label: string, icon: unknown, disabled: boolean) =>
    html`<button type="button" class="button ghost icon" part="page-button" aria-label=${label} title=${label}
      aria-disabled=${disabled ? 'true' : 'false'} @click=${() => disabled || host.onPage(target)}>${icon}</button>`;
  return html`<nav part="pagination" class="pagination" aria-label=${host.label ?? i18n.t('table.paging.label')}>
    <label class="page-size">
      <span>${i18n.t('table.paging.pageSize')}</span>
      <select part="page-size" class="input" .value=${String(perPage)}
        @change=${(e: Event) => host.onPerPage(Number((e.target as HTMLSelectElement).value))}>
        ${PER_PAGE_OPTIONS.map((n) => html`<option value=${n} ?selected=${n === perPage}>${n}</option>`)}
      </select>
    </label>
    <p part="range" class="range" role="status">
      <span>${i18n.t(capped ? 'table.paging.rangeCapped' : 'table.paging.range', {from, to, total})}</span>
      <span class="pages">${capped ? i18n.t('table.paging.pageUnknownCount', {page}) : i18n.t('table.paging.page', {page: Math.min(page, pages), pages})}</span>
    </p>
    <div class="page-buttons">
      ${button(1, i18n.t('table.paging.first'), firstIcon, page <= 1)}
      ${button(page - 1, i18n.t('table.paging.previous'), previousIcon, page <= 1)}
      ${button(page + 1, i18n.t('table.paging.next'), nextIcon, capped ? !host.more : page >= pages)}
      ${button(pages, i18n.t('table.paging.last'), lastIcon, capped || page >= pages)}
    </div>
  </nav>`;
}

export const paginationStyles = css`
  .pagination {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    margin-block-start: var(--_space-3);
  }
  .page-size {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .page-size .input {
    inline-size: auto;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
    color: var(--_text-muted);
  }
  .page-buttons {
    display: flex;
    gap: var(--_space-1);
    margin-inline-start: auto;
  }
`;
