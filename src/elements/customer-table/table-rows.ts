/**
 * The customer table's `<thead>` and `<tbody>` (data rows and skeleton rows), as template
 * functions of the element (a sub-element would break the table's semantics across a shadow root).
 */
import {html, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {repeat} from 'lit/directives/repeat.js';
import type {Customer, CustomerSort} from '../../api/contract.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import type {MessageKey} from '../../i18n/en.js';
import type {CustomerActionsController} from './table-actions.js';
import {ascIcon, copyIcon, descIcon, moreIcon, sortIcon} from './icons.js';
import {detailHref, SORT_KEYS, type CustomerTableState} from './table-query.js';

/** What the rows need from the element. */
export interface RowsHost {
  i18n: LocaleController;
  state: CustomerTableState;
  detailHref: string | null;
  /** Customers just created here: marked "New" (and shown even when not on this page). */
  created: ReadonlySet<number>;
  phone(value: string | null): string;
  onSort(key: CustomerSort): void;
  actions: CustomerActionsController;
}

const COLUMN_LABELS: Record<CustomerSort, MessageKey> = {
  id: 'table.columns.id',
  name: 'table.columns.name',
  email: 'table.columns.email',
  phone: 'table.columns.phone',
  created_at: 'table.columns.registered',
  status: 'table.columns.status',
};

/** Columns: the sortable ones, then the row actions. */
export const COLUMN_COUNT = SORT_KEYS.length + 1;

export function renderHead(host: RowsHost) {
  const {sort, order} = host.state;
  return html`<thead>
    <tr part="header-row">
      ${SORT_KEYS.map((key) => {
        const active = key === sort;
        const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : undefined;
        return html`<th scope="col" part="header-cell" class=${`col-${key}`} aria-sort=${ifDefined(ariaSort)} data-sort=${key}>
          <button type="button" part="sort-button" class="sort-button" @click=${() => host.onSort(key)}>
            ${host.i18n.t(COLUMN_LABELS[key])}${active ? (order === 'asc' ? ascIcon : descIcon) : sortIcon}
          </button>
        </th>`;
      })}
      <th scope="col" part="header-cell" class="col-actions"><span class="visually-hidden">${host.i18n.t('table.columns.actions')}</span></th>
    </tr>
  </thead>`;
}

export function renderRows(host: RowsHost, customers: readonly Customer[]) {
  return html`<tbody>
    ${repeat(customers, (c) => c.id, (c) => renderRow(host, c))}
  </tbody>`;
}

function renderRow(host: RowsHost, c: Customer) {
  const {i18n, actions: a} = host;
  const id = String(c.id);
  const href = detailHref(host.detailHref, c.id);
  const open = (text: string) =>
    href
      ? html`<a class="link open" href=${href} @click=${(e: MouseEvent) => a.onOpenClick(e, c)}>${text}</a>`
      : html`<button type="button" class="link open" @click=${(e: MouseEvent) => a.onOpenClick(e, c)}>${text}</button>`;
  const isNew = host.created.has(c.id);
  return html`<tr part=${isNew ? 'row new-row' : 'row'} class=${isNew ? 'new-row' : ''} data-id=${id}
    @contextmenu=${(e: MouseEvent) => a.menu.onContextMenu(e, c)} @keydown=${(e: KeyboardEvent) => a.menu.onContextKeydown(e, c)}>
    <td part="cell" class="col-id">
      <button type="button" class="copy" aria-label=${i18n.t('table.copyId', {id})} @click=${() => void a.copy('id', c)}>
        <span class="id">${id}</span>${copyIcon}
      </button>
    </td>
    <td part="cell" class="col-name">${open(c.name)}${isNew ? html` <span class="badge brand">${i18n.t('table.newRow')}</span>` : nothing}</td>
    <td part="cell" class="col-email">
      <span class="email">${open(c.email)}<button type="button" class="copy icon-only"
        aria-label=${i18n.t('table.copyEmail', {email: c.email})} @click=${() => void a.copy('email', c)}>${copyIcon}</button></span>
    </td>
    <td part="cell" class="col-phone">${host.phone(c.phone)}</td>
    <td part="cell" class="col-created_at">${i18n.date(c.created_at)}</td>
    <td part="cell" class="col-status">
      <span class=${c.status === 'active' ? 'badge success' : 'badge'}>${i18n.t(`status.${c.status}`)}</span>
    </td>
    <td part="cell" class="col-actions">
      <button type="button" class="button ghost icon menu-button" part="menu-button" aria-haspopup="menu" aria-controls="row-menu"
        aria-expanded="false" aria-label=${i18n.t('common.moreActions', {name: c.name})}
        @click=${(e: MouseEvent) => a.menu.toggle(e.currentTarget as HTMLElement, c)}
        @keydown=${(e: KeyboardEvent) => a.menu.onTriggerKeydown(e, c)}>${moreIcon}</button>
    </td>
  </tr>`;
}

/** `count` placeholder rows, the height of data rows (no layout jump when the data arrives). */
export function renderSkeleton(count: number) {
  const cells = Array.from({length: COLUMN_COUNT - 1}, () => html`<td><span class="skeleton"></span></td>`);
  return html`<tbody part="skeleton" aria-hidden="true">
    ${Array.from({length: count}, () => html`<tr class="skeleton-row">${cells}<td class="col-actions"></td></tr>`)}
  </tbody>`;
}
