/**
 * The second baseline of the render benchmark: "vanilla, same DOM". Hand-written with DOM APIs
 * (no framework), it builds the shadow tree `<reseller-customer-table per-page="100">` shows at its
 * first paint — toolbar, table head with sort buttons and icons, the 100 rows with their copy and
 * menu buttons and icons, pagination, the row menu and an (empty) confirm dialog host — with the
 * same elements, attributes, classes, parts and text, styled by the kit table's own stylesheets
 * adopted into a shadow root. So "kit / this" is the cost of the kit's way of building and keeping
 * that DOM (Lit, controllers, i18n), not of the DOM and CSS it chose; "kit / vanilla <table>" is both.
 *
 * Built the way js-framework-benchmark's vanillajs is: one `<tr>` template (made with
 * createElement, no innerHTML) cloned with `cloneNode(true)` per row, then its texts and
 * attributes set directly through remembered child positions. A re-sort does what the kit's does:
 * rows stay in place (keyed by position) and get the new customer's texts and attributes; the
 * sorted header gets `aria-sort` and the ascending icon, the others the neutral one.
 *
 * `treeSignature` lists a shadow tree's elements with their attributes and text; the harness's
 * `sameDomCheck` compares the kit's and this baseline's (the render section and chart-trace run it
 * first), so the two cannot drift apart silently.
 */
import type {CSSResultOrNative} from 'lit';
import type {Customer} from '../../src/contract/schemas.js';
import {isolateBidi} from '../../src/i18n/bidi.js';
import {ResellerConfirmDialog} from '../../src/elements/confirm-dialog/confirm-dialog.js';
import {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import type {Contender} from './contenders.js';

const SVG = 'http://www.w3.org/2000/svg';
const COPY_PATH = 'M11 9h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2zM5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1';
const MORE_PATH = 'M12 3.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3zM12 10.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3zM12 17.5a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3z';
const SORT = ['M8 9l4-4 4 4', 'M16 15l-4 4-4-4'];
const ASC = ['M12 19V5', 'M6 11l6-6 6 6'];
const COLUMNS = [
  ['id', 'ID'], ['name', 'Name'], ['email', 'Email'], ['phone', 'Phone'], ['created_at', 'Registered'], ['status', 'Status'],
] as const;

const dateFormat = new Intl.DateTimeFormat('en', {dateStyle: 'medium'});
const numberFormat = new Intl.NumberFormat('en');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** An icon as the kit draws it: `<svg class="icon">` with its paths (the rows' merged paths: one). */
function icon(paths: readonly string[], circle?: [string, string, string], rowIcon = false): SVGSVGElement {
  const s = document.createElementNS(SVG, 'svg');
  const attrs: [string, string][] = rowIcon
    ? [['class', 'icon'], ['aria-hidden', 'true'], ['focusable', 'false'], ['viewBox', '0 0 24 24']]
    : [['class', 'icon'], ['viewBox', '0 0 24 24'], ['aria-hidden', 'true'], ['focusable', 'false']];
  attrs.push(['fill', 'none'], ['stroke', 'currentColor'], ['stroke-width', '2'], ['stroke-linecap', 'round'], ['stroke-linejoin', 'round']);
  for (const [k, v] of attrs) s.setAttribute(k, v);
  if (circle) {
    const c = document.createElementNS(SVG, 'circle');
    c.setAttribute('cx', circle[0]);
    c.setAttribute('cy', circle[1]);
    c.setAttribute('r', circle[2]);
    s.append(c);
  }
  for (const d of paths) {
    const p = document.createElementNS(SVG, 'path');
    p.setAttribute('d', d);
    s.append(p);
  }
  return s;
}

let rowTemplate: HTMLTableRowElement | undefined;

/** The one row every data row is cloned from (the kit's row, its texts and per-row attributes left empty). */
function templateRow(): HTMLTableRowElement {
  if (rowTemplate) return rowTemplate;
  const cell = (cls: string, ...children: Node[]) => el('td', {role: 'cell', part: 'cell', class: cls}, ...children);
  const open = () => el('button', {type: 'button', class: 'link open', 'data-action': 'open', dir: 'auto', title: ''});
  const email = cell('col-email', open(), el('button', {type: 'button', class: 'copy icon-only', 'data-action': 'copy-email', 'aria-label': ''}, icon([COPY_PATH], undefined, true)));
  const phone = cell('col-phone');
  phone.setAttribute('dir', 'ltr');
  const created = cell('col-created_at');
  created.setAttribute('data-label', 'Registered');
  rowTemplate = el('tr', {role: 'row', part: 'row', class: '', 'data-id': ''},
    cell('col-id', el('button', {type: 'button', class: 'copy', 'data-action': 'copy-id', 'aria-label': ''}, '', icon([COPY_PATH], undefined, true))),
    cell('col-name', open()),
    email,
    phone,
    created,
    cell('col-status', el('span', {class: 'badge'})),
    cell('col-actions', el('button', {
      type: 'button', class: 'button ghost icon menu-button', part: 'menu-button', 'data-action': 'menu', 'aria-haspopup': 'menu',
      'aria-controls': 'row-menu', 'aria-expanded': 'false', 'aria-label': '',
    }, icon([MORE_PATH], undefined, true))),
  );
  return rowTemplate;
}

/** The nodes of a cloned row whose texts and attributes change per customer. */
interface Row {
  tr: HTMLTableRowElement;
  copyId: HTMLButtonElement;
  idText: Text;
  name: HTMLButtonElement;
  email: HTMLButtonElement;
  copyEmail: HTMLButtonElement;
  phone: HTMLTableCellElement;
  created: HTMLTableCellElement;
  badge: HTMLSpanElement;
  menu: HTMLButtonElement;
}

function newRow(): Row {
  const tr = templateRow().cloneNode(true) as HTMLTableRowElement;
  const idCell = tr.firstChild!;
  const nameCell = idCell.nextSibling!;
  const emailCell = nameCell.nextSibling!;
  const phone = emailCell.nextSibling as HTMLTableCellElement;
  const created = phone.nextSibling as HTMLTableCellElement;
  const status = created.nextSibling!;
  const copyId = idCell.firstChild as HTMLButtonElement;
  return {
    tr, copyId, idText: copyId.firstChild as Text, name: nameCell.firstChild as HTMLButtonElement,
    email: emailCell.firstChild as HTMLButtonElement, copyEmail: emailCell.lastChild as HTMLButtonElement,
    phone, created, badge: status.firstChild as HTMLSpanElement, menu: status.nextSibling!.firstChild as HTMLButtonElement,
  };
}

function fill(r: Row, c: Customer): void {
  const id = String(c.id);
  r.tr.setAttribute('data-id', id);
  r.copyId.setAttribute('aria-label', `Copy ID ${id}`);
  r.idText.data = id;
  r.name.title = c.name;
  r.name.textContent = c.name;
  r.email.title = c.email;
  r.email.textContent = c.email;
  r.copyEmail.setAttribute('aria-label', `Copy email address ${isolateBidi(c.email)}`);
  r.phone.textContent = c.phone ?? '';
  r.created.textContent = dateFormat.format(new Date(c.created_at));
  const active = c.status === 'active';
  r.badge.className = active ? 'badge success' : 'badge';
  r.badge.textContent = active ? 'Active' : 'Inactive';
  r.menu.setAttribute('aria-label', `More actions for ${isolateBidi(c.name)}`);
}

function toolbar(): HTMLDivElement {
  const option = (value: string, text: string, selected = false) => {
    const o = el('option', {value}, text);
    if (selected) o.setAttribute('selected', '');
    return o;
  };
  return el('div', {part: 'toolbar', class: 'toolbar'},
    el('div', {class: 'search'},
      el('label', {for: 'search', class: 'visually-hidden'}, 'Search customers'),
      icon(['M21 21l-4.3-4.3'], ['11', '11', '7']),
      el('input', {id: 'search', part: 'search', class: 'input', type: 'search', autocomplete: 'off', placeholder: 'Search by name or email'})),
    el('div', {class: 'filter'},
      el('label', {for: 'status'}, 'Status'),
      el('select', {id: 'status', part: 'filter', class: 'input'}, option('all', 'All statuses', true), option('active', 'Active'), option('inactive', 'Inactive'))),
    el('button', {type: 'button', part: 'metadata-button', class: 'button', 'aria-haspopup': 'dialog'}, 'Metadata'),
    el('button', {type: 'button', class: 'button primary new-button', part: 'new-button'}, icon(['M12 5v14', 'M5 12h14']), 'New Customer'),
  );
}

function pagination(shown: number, total: number): HTMLElement {
  const pages = Math.max(1, Math.ceil(total / shown));
  const button = (label: string, paths: string[], disabled: boolean) =>
    el('button', {type: 'button', class: 'button ghost icon', part: 'page-button', 'aria-label': label, title: label, 'aria-disabled': String(disabled)}, icon(paths));
  const size = el('select', {part: 'page-size', class: 'input'}, ...[25, 50, 75, 100].map((n) => el('option', {value: String(n)}, String(n))));
  for (const o of size.options) if (Number(o.value) === shown) o.setAttribute('selected', '');
  return el('nav', {part: 'pagination', class: 'pagination', 'aria-label': 'Customer pages'},
    el('label', {class: 'page-size'}, el('span', {}, 'Rows per page'), size),
    el('p', {part: 'range', class: 'range', role: 'status'},
      el('span', {}, `1–${numberFormat.format(Math.min(shown, total))} of ${numberFormat.format(total)}`),
      el('span', {class: 'pages'}, `Page 1 of ${numberFormat.format(pages)}`)),
    el('div', {class: 'page-buttons'},
      button('First page', ['M17 18l-6-6 6-6', 'M7 6v12'], true),
      button('Previous page', ['M15 18l-6-6 6-6'], true),
      button('Next page', ['M9 18l6-6-6-6'], pages <= 1),
      button('Last page', ['M7 18l6-6-6-6', 'M17 6v12'], pages <= 1)),
  );
}

const sheets = (styles: unknown): CSSStyleSheet[] =>
  (Array.isArray(styles) ? styles.flat(Infinity) : [styles]).map((s: CSSResultOrNative) => (s instanceof CSSStyleSheet ? s : s.styleSheet!));

/**
 * A shadow tree's elements in document order, each as its tag, its attributes (sorted) and its own
 * text (trimmed; whitespace-only text nodes and Lit's marker comments ignored); custom element
 * hosts as `custom-element`, with their shadow tree's signature.
 */
export function treeSignature(root: ParentNode): string[] {
  return [...root.querySelectorAll('*')].map((e) => {
    const tag = e.localName.includes('-') ? 'custom-element' : e.localName;
    const attrs = [...e.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
    const text = [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => (n as Text).data.trim()).join('');
    const shadow = e.shadowRoot ? ` {${treeSignature(e.shadowRoot).join(' ')}}` : '';
    return `<${tag} ${attrs}>${text}${shadow}`;
  });
}

export const vanillaSameDom: Contender = {
  name: 'vanilla, same DOM',
  kind: 'baseline',
  description:
    'hand-written with DOM APIs: the kit table\'s own shadow tree at first paint (toolbar, head, rows with their icons, pagination, menu) and its stylesheets, rows cloned from one <tr> template',
  async mount(container, data) {
    const host = document.createElement('vanilla-same-dom-table');
    host.setAttribute('per-page', String(data.byId.length));
    const root = host.attachShadow({mode: 'open'});
    root.adoptedStyleSheets = sheets(ResellerCustomerTable.styles);
    const table = el('table', {part: 'table', class: 'table', role: 'table', 'aria-busy': 'false'}, el('caption', {class: 'visually-hidden'}, 'Customers'));
    const headRow = el('tr', {part: 'header-row', role: 'row'});
    const heads = COLUMNS.map(([key, label]) => {
      const th = el('th', {scope: 'col', role: 'columnheader', part: 'header-cell', class: `col-${key}`});
      if (key === 'id') th.setAttribute('aria-sort', 'ascending');
      th.setAttribute('data-sort', key);
      const button = el('button', {type: 'button', part: 'sort-button', class: 'sort-button'}, label, icon(key === 'id' ? ASC : SORT));
      th.append(button);
      headRow.append(th);
      return {key, th, button};
    });
    headRow.append(el('th', {scope: 'col', role: 'columnheader', part: 'header-cell', class: 'col-actions'}, el('span', {class: 'visually-hidden'}, 'Actions')));
    const tbody = el('tbody', {role: 'rowgroup'});
    table.append(el('thead', {role: 'rowgroup'}, headRow), tbody);
    const rows = data.byId.map((c) => {
      const r = newRow();
      fill(r, c);
      tbody.append(r.tr);
      return r;
    });
    // The sort buttons: the sorted column gets aria-sort and the ascending icon; the rows stay and take
    // the new order's texts (keyed by position, as the kit's re-sort).
    // One delegated listener on the <tbody>, as the kit has (copy, open and menu go through it).
    tbody.addEventListener('click', (e) => void (e.target as Element).closest('[data-action]'));
    for (const h of heads) {
      h.button.addEventListener('click', () => {
        if (h.key !== 'name') return;
        for (const other of heads) {
          const sorted = other === h;
          if (sorted) other.th.setAttribute('aria-sort', 'ascending');
          else other.th.removeAttribute('aria-sort');
          other.button.lastChild!.replaceWith(icon(sorted ? ASC : SORT));
        }
        data.byName.forEach((c, i) => fill(rows[i]!, c));
      });
    }
    const dialogHost = document.createElement('vanilla-confirm-dialog');
    const dialogRoot = dialogHost.attachShadow({mode: 'open'});
    dialogRoot.adoptedStyleSheets = sheets(ResellerConfirmDialog.styles);
    dialogRoot.append(el('dialog', {class: 'dialog', part: 'dialog', role: 'alertdialog', 'aria-labelledby': 'heading'}));
    const menu = el('div', {id: 'row-menu', class: 'menu', part: 'menu', role: 'menu', popover: 'manual', 'aria-label': 'Actions for '},
      el('button', {type: 'button', role: 'menuitem', part: 'menuitem', class: 'menuitem'}, 'View'),
      el('button', {type: 'button', role: 'menuitem', part: 'menuitem', class: 'menuitem danger'}, 'Delete'));
    root.append(toolbar(), el('div', {class: 'table-scroll'}, table), pagination(data.byId.length, data.total), menu, dialogHost);
    container.append(host);
    return {
      resort() {
        heads[1]!.button.click();
        return Promise.resolve();
      },
      unmount: () => host.remove(),
    };
  },
};
