/**
 * The customer table's `<thead>` and `<tbody>` (data rows and skeleton rows), as template
 * functions of the element (a sub-element would break the table's semantics across a shadow root).
 */
import {html, noChange, render} from 'lit';
import {directive, Directive, PartType, type DirectiveParameters, type ElementPart, type PartInfo} from 'lit/directive.js';
import {ifDefined} from 'lit/directives/if-defined.js';
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
 * The data rows. Built for a cheap first render and re-sort, at close to the cost of hand-written
 * DOM: every row is a clone of one prototype `<tr>` (rendered once by Lit from the static markup
 * below, one for Name/Email as links and one as buttons) whose texts and attributes are then set
 * directly, and on the next render only where they changed. No Lit template instance or part per
 * row (they were ~26 objects a row and most of a first render's script time). Rows are keyed (see
 * `RowsHost.keyById`): a kept row keeps its DOM. No whitespace text nodes between the tags (hence
 * the `>` at the start of lines); each icon a static `<svg>` with a single `<path>`. No per-row
 * listeners: one click, keydown and contextmenu listener on the `<tbody>` finds the row by its
 * `data-id` and the control by its `data-action` (see `CustomerActionsController`).
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
    ${rows(host, customers, keys, metadata)}></tbody>`;
}

export type RowKey = number | string;

const COPY_PATH = 'M11 9h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2zM5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1';

// The prototype row. dir="auto" on Name and Email: a name or email takes its own direction, so a
// Latin name truncated on a right-to-left page loses its end (ellipsis after "Regionale
// Zorggroep…"), not its beginning, and an Arabic name on a left-to-right page likewise keeps its
// start. The phone cell is dir="ltr": a number (stored E.164) reads left to right in any page.
const prototypeRow = (link: boolean) => html`<tr role="row" part="row"
    ><td role="cell" part="cell" class="col-id"
      ><button type="button" class="copy" data-action="copy-id"
        > <svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d=${COPY_PATH}></path></svg></button></td
    ><td role="cell" part="cell" class="col-name">${link
      ? html`<a class="link open" data-action="open" dir="auto"></a>`
      : html`<button type="button" class="link open" data-action="open" dir="auto"></button>`}</td
    ><td role="cell" part="cell" class="col-email">${link
      ? html`<a class="link open" data-action="open" dir="auto"></a>`
      : html`<button type="button" class="link open" data-action="open" dir="auto"></button>`}<button type="button" class="copy icon-only" data-action="copy-email"
        ><svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d=${COPY_PATH}></path></svg></button></td
    ><td role="cell" part="cell" class="col-phone" dir="ltr"></td
    ><td role="cell" part="cell" class="col-created_at"></td
    ><td role="cell" part="cell" class="col-status"><span></span></td
    ><td role="cell" part="cell" class="col-actions"
      ><button type="button" class="button ghost icon menu-button" part="menu-button" data-action="menu" aria-haspopup="menu"
        aria-controls="row-menu" aria-expanded="false"
        ><svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M12 3.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3zM12 10.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3zM12 17.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3z"></path></svg></button></td
  ></tr>`;

const prototypes = new Map<boolean, HTMLTableRowElement>();

/** A built row: its element, the nodes it writes (in `values()`'s order) and what it wrote last. */
interface Row {
  tr: HTMLTableRowElement;
  link: boolean;
  nodes: Node[];
  last: (string | null)[];
  badge?: HTMLElement;
  /** The metadata cells and what they show. */
  meta: HTMLElement[];
  metaKey?: string;
}

/** The attribute each of a row's `nodes` gets its value in (`''`: its text). */
const NAMES = ['data-id', 'part', 'class', '', 'aria-label', '', 'title', '', 'title', 'aria-label', '', 'data-label', '', 'class', '', 'aria-label', 'href', 'href'];

/** A fresh row: a clone of the prototype (rendered by Lit once per kind, its marker comments removed). */
function cloneRow(link: boolean): Row {
  let proto = prototypes.get(link);
  if (!proto) {
    const fragment = document.createDocumentFragment();
    render(prototypeRow(link), fragment);
    proto = fragment.querySelector('tr')!;
    for (const cell of proto.cells) for (const node of [...cell.childNodes]) if (node.nodeType === Node.COMMENT_NODE) node.remove();
    prototypes.set(link, proto);
  }
  const tr = proto.cloneNode(true) as HTMLTableRowElement;
  const [id, name, email, phone, date, status, actions] = [...tr.cells].map((td) => td.firstElementChild ?? td);
  const nodes = [tr, tr, tr, id!.firstChild!, id!, name!, name!, email!, email!, email!.nextElementSibling!, phone!, date!, date!, status!, status!, actions!, name!, email!];
  return {tr, link, nodes: link ? nodes : nodes.slice(0, -2), last: ['', 'row', null], meta: []};
}

/** What a row shows for a customer, in the order of `cloneRow()`'s targets. */
function values(host: RowsHost, c: Customer, isNew: boolean): (string | null)[] {
  const {i18n} = host;
  const id = String(c.id);
  const href = detailHref(host.detailHref, c.id);
  return [id, isNew ? 'row new-row' : 'row', isNew ? 'new-row' : null, id, i18n.t('table.copyId', {id}), c.name, c.name,
    c.email, c.email, i18n.t('table.copyEmail', {email: c.email}), c.phone ?? '', i18n.t('table.columns.registered'), i18n.date(c.created_at),
    c.status === 'active' ? 'badge success' : 'badge', i18n.t(`status.${c.status}`), i18n.t('common.moreActions', {name: c.name}), href, href];
}

const cell = (tag: string, className: string, text: string) => Object.assign(document.createElement(tag), {className, textContent: text});

/** Writes what changed since the last time: texts and attributes, the New badge, the metadata cells. */
function fill(row: Row, host: RowsHost, c: Customer, metadata: readonly string[]): void {
  const isNew = host.created.has(c.id);
  values(host, c, isNew).forEach((value, i) => {
    const node = row.nodes[i];
    if (!node || row.last[i] === value) return;
    row.last[i] = value;
    const name = NAMES[i]!;
    if (!name) node.textContent = value;
    else if (value === null) (node as Element).removeAttribute(name);
    else (node as Element).setAttribute(name, value);
  });
  const label = isNew ? host.i18n.t('table.newRow') : null;
  if (label !== (row.badge?.textContent ?? null)) {
    row.badge?.previousSibling?.remove();
    row.badge?.remove();
    row.badge = label === null ? undefined : cell('span', 'badge brand', label);
    if (row.badge) row.nodes[5]!.parentNode!.append(' ', row.badge);
  }
  const metaKey = JSON.stringify(metadata.map((key) => [key, c.metadata[key]]));
  if (metaKey === row.metaKey) return;
  row.metaKey = metaKey;
  for (const td of row.meta) td.remove();
  row.meta = metadata.map((key) => {
    const value = c.metadata[key];
    const td = cell('td', 'col-meta', '');
    td.dir = 'auto';
    for (const [name, v] of [['role', 'cell'], ['part', 'cell metadata-cell'], ['data-label', key], ['title', value]]) if (v !== undefined) td.setAttribute(name!, v);
    if (value) td.append(cell('span', 'meta-value', value));
    return row.tr.insertBefore(td, row.tr.lastElementChild);
  });
}

/** Keeps the `<tbody>`'s rows in step with the customers: reuses rows by key, builds the others, drops the rest. */
class RowsDirective extends Directive {
  #rows = new Map<RowKey, Row>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('rows() belongs on the <tbody> element');
  }

  render(_host: RowsHost, _customers: readonly Customer[], _keys: readonly RowKey[], _metadata: readonly string[]) {
    return noChange;
  }

  override update(part: ElementPart, [host, customers, keys, metadata]: DirectiveParameters<this>) {
    const tbody = part.element;
    const link = host.detailHref !== null;
    const next = new Map<RowKey, Row>();
    customers.forEach((c, i) => {
      const key = keys[i]!;
      let row = this.#rows.get(key);
      if (row && row.link === link) this.#rows.delete(key);
      else row = cloneRow(link);
      fill(row, host, c, metadata);
      next.set(key, row);
    });
    for (const old of this.#rows.values()) old.tr.remove();
    this.#rows = next;
    // In order: a row already in its place stays put (it keeps focus); others move or arrive.
    let cursor = tbody.firstElementChild;
    for (const row of next.values()) {
      if (row.tr === cursor) cursor = cursor.nextElementSibling;
      else tbody.insertBefore(row.tr, cursor);
    }
    return noChange;
  }
}

const rows = directive(RowsDirective);

/** `count` placeholder rows, the height of data rows (no layout jump when the data arrives). */
export function renderSkeleton(count: number, metadataColumns = 0) {
  const cells = Array.from({length: COLUMN_COUNT - 1}, () => html`<td><span class="skeleton"></span></td>`);
  for (let i = 0; i < metadataColumns; i++) cells.push(html`<td class="col-meta"><span class="skeleton"></span></td>`);
  return html`<tbody part="skeleton" role="rowgroup" aria-hidden="true">
    ${Array.from({length: count}, () => html`<tr class="skeleton-row">${cells}<td class="col-actions"></td></tr>`)}
  </tbody>`;
}
