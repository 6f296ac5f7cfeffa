/**
 * The customer table's `<thead>` and `<tbody>` (data rows and skeleton rows), as template
 * functions of the element (a sub-element would break the table's semantics across a shadow root).
 */
import {html, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {repeat} from 'lit/directives/repeat.js';
import type {Customer, CustomerSort} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import type {MessageKey} from '../../i18n/en.js';
import type {CustomerActionsController} from './table-actions.js';
import {ascIcon, descIcon, sortIcon} from '../shared/icons.js';
import {detailHref} from '../shared/links.js';
import {SORT_KEYS, type CustomerTableState} from './table-query.js';

/** What the rows need from the element. */
export interface RowsHost {
  i18n: LocaleController;
  state: CustomerTableState;
  detailHref: string | null;
  /** Customers just created here: marked "New" (and shown even when not on this page). */
  created: ReadonlySet<number>;
  /**
   * Rows keyed by customer (a row's DOM follows its customer when rows come and go: after a
   * create or delete); else by position (another page, sort or filter updates the rows in place:
   * no rows moved, created or removed, about a third less style work on a re-sort).
   */
  keyById: boolean;
  /** The row key of each customer in the last render (kept by the element, updated here). */
  rowKeys: Map<number, RowKey>;
  onSort(key: CustomerSort): void;
  actions: CustomerActionsController;
}

const COLUMN_LABELS: Record<(typeof SORT_KEYS)[number], MessageKey> = {
  id: 'table.columns.id',
  name: 'table.columns.name',
  email: 'table.columns.email',
  phone: 'table.columns.phone',
  created_at: 'table.columns.registered',
  status: 'table.columns.status',
};

/** Columns: the sortable ones, then the row actions. */
export const COLUMN_COUNT = SORT_KEYS.length + 1;

export function renderHead(host: RowsHost, metadata: readonly string[] = []) {
  const {sort, order} = host.state;
  return html`<thead role="rowgroup">
    <tr part="header-row" role="row">
      ${SORT_KEYS.map((key) => {
        const active = key === sort;
        const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : undefined;
        return html`<th scope="col" role="columnheader" part="header-cell" class=${`col-${key}`} aria-sort=${ifDefined(ariaSort)} data-sort=${key}>
          <button type="button" part="sort-button" class="sort-button" @click=${() => host.onSort(key)}>
            ${host.i18n.t(COLUMN_LABELS[key])}${active ? (order === 'asc' ? ascIcon : descIcon) : sortIcon}
          </button>
        </th>`;
      })}
      ${metadata.map((key) => {
        const sortKey: CustomerSort = `metadata.${key}`;
        const active = sortKey === sort;
        const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : undefined;
        return html`<th scope="col" role="columnheader" part="header-cell" class="col-meta" aria-sort=${ifDefined(ariaSort)} data-sort=${sortKey}
          ><button type="button" part="sort-button" class="sort-button" @click=${() => host.onSort(sortKey)}
            ><span dir="auto" .textContent=${key}></span>${active ? (order === 'asc' ? ascIcon : descIcon) : sortIcon}</button></th>`;
      })}
      <th scope="col" role="columnheader" part="header-cell" class="col-actions"><span class="visually-hidden">${host.i18n.t('table.columns.actions')}</span></th>
    </tr>
  </thead>`;
}

/**
 * The data rows. Built for a cheap first render and re-sort: no whitespace text nodes between the
 * tags (hence the `>` at the start of lines); text through `.textContent` where a cell holds only
 * text (no marker comment); each icon a static `<svg>` with a single `<path>` (the copy and more
 * icons of icons.ts, merged). Not `<use>` of a shared `<symbol>`: fewer DOM nodes, but every use
 * instance is a shadow tree of its own and it doubled the style recalculation of a 100-row first
 * render. No per-row listeners: one click, keydown and contextmenu listener on the `<tbody>` finds
 * the row by its `data-id` and the control by its `data-action` (see `CustomerActionsController`).
 */
export function renderRows(host: RowsHost, customers: readonly Customer[], metadata: readonly string[] = []) {
  const a = host.actions;
  // Keyed by customer, a customer shown before keeps the key (so the DOM row) it had, whether
  // that was a position or its own: switching from positions to customers rebuilds nothing.
  const last = host.rowKeys;
  const keys = customers.map((c, i): RowKey => (host.keyById ? (last.get(c.id) ?? `c${c.id}`) : i));
  last.clear();
  customers.forEach((c, i) => last.set(c.id, keys[i]!));
  return html`<tbody role="rowgroup" @click=${a.onRowsClick} @keydown=${a.onRowsKeydown} @contextmenu=${a.onRowsContextMenu}
    >${repeat(customers, (_, i) => keys[i], (c) => renderRow(host, c, metadata))}</tbody>`;
}

export type RowKey = number | string;

// dir="auto": a name or email takes its own direction, so a Latin name truncated on a right-to-left
// page loses its end (ellipsis after "Regionale Zorggroep…"), not its beginning, and an Arabic
// name on a left-to-right page likewise keeps its start.
const openLink = (href: string, text: string) => html`<a class="link open" data-action="open" dir="auto" href=${href} title=${text} .textContent=${text}></a>`;
const openButton = (text: string) => html`<button type="button" class="link open" data-action="open" dir="auto" title=${text} .textContent=${text}></button>`;

function renderRow(host: RowsHost, c: Customer, metadata: readonly string[]) {
  const {i18n} = host;
  const id = String(c.id);
  const href = detailHref(host.detailHref, c.id);
  const isNew = host.created.has(c.id);
  return html`<tr role="row" part=${isNew ? 'row new-row' : 'row'} class=${isNew ? 'new-row' : ''} data-id=${id}
    ><td role="cell" part="cell" class="col-id"
      ><button type="button" class="copy" data-action="copy-id" aria-label=${i18n.t('table.copyId', {id})}
        >${id}<svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M11 9h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2zM5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"></path></svg></button></td
    ><td role="cell" part="cell" class="col-name">${href ? openLink(href, c.name) : openButton(c.name)}${isNew ? html` <span class="badge brand">${i18n.t('table.newRow')}</span>` : nothing}</td
    ><td role="cell" part="cell" class="col-email">${href ? openLink(href, c.email) : openButton(c.email)}<button type="button" class="copy icon-only" data-action="copy-email"
        aria-label=${i18n.t('table.copyEmail', {email: c.email})}
        ><svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M11 9h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2zM5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"></path></svg></button></td
    ><td role="cell" part="cell" class="col-phone" dir="ltr" .textContent=${c.phone ?? ''}></td
    ><td role="cell" part="cell" class="col-created_at" data-label=${i18n.t('table.columns.registered')} .textContent=${i18n.date(c.created_at)}></td
    ><td role="cell" part="cell" class="col-status"><span class=${c.status === 'active' ? 'badge success' : 'badge'} .textContent=${i18n.t(`status.${c.status}`)}></span></td
    >${metadata.map((key) => html`<td role="cell" part="cell metadata-cell" class="col-meta" dir="auto" data-label=${key} title=${ifDefined(c.metadata[key])}>${c.metadata[key] ? html`<span class="meta-value" .textContent=${c.metadata[key]}></span>` : nothing}</td>`)}<td role="cell" part="cell" class="col-actions"
      ><button type="button" class="button ghost icon menu-button" part="menu-button" data-action="menu" aria-haspopup="menu"
        aria-controls="row-menu" aria-expanded="false" aria-label=${i18n.t('common.moreActions', {name: c.name})}
        ><svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M12 3.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3zM12 10.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3zM12 17.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3z"></path></svg></button></td
  ></tr>`;
}

/** `count` placeholder rows, the height of data rows (no layout jump when the data arrives). */
export function renderSkeleton(count: number, metadataColumns = 0) {
  const cells = Array.from({length: COLUMN_COUNT - 1}, () => html`<td><span class="skeleton"></span></td>`);
  for (let i = 0; i < metadataColumns; i++) cells.push(html`<td class="col-meta"><span class="skeleton"></span></td>`);
  return html`<tbody part="skeleton" role="rowgroup" aria-hidden="true">
    ${Array.from({length: count}, () => html`<tr class="skeleton-row">${cells}<td class="col-actions"></td></tr>`)}
  </tbody>`;
}
