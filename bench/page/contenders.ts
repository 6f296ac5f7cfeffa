/**
 * The contenders of the render benchmark: things that show the same 100 customers as a table and
 * re-sort them when a header is clicked. The harness (harness.ts) times `mount` and `resort` the
 * same way for each, interleaved, in the same page.
 *
 * To add a peer later (Vaadin grid, Shoelace, …): write a `Contender` with `kind: 'peer'` in its own
 * module (it gets the same rows as plain objects, already fetched) and add it to `CONTENDERS`.
 * `mount` resolves when all rows are in the DOM; `resort` clicks the "Name" header the way a user
 * does and resolves when the rows are in the new order.
 */
import type {Customer} from '../../src/contract/schemas.js';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import {vanillaSameDom} from './baseline-same-dom.js';
import {whenDom} from './measure.js';
import {vaadinGrid, vaadinGridVirtual} from './peer-vaadin.js';

export interface RenderData {
  /** Page 1, 100 rows, sorted by id ascending (the table's default). */
  byId: readonly Customer[];
  /** Page 1, 100 rows, sorted by name ascending (what a click on "Name" shows). */
  byName: readonly Customer[];
  /** The tenant's customer count (the pagination's "1–100 of N"). */
  total: number;
}

export interface Mounted {
  /** Clicks the Name header; resolves when the rows are in name order. */
  resort(): Promise<void>;
  unmount(): void;
}

export interface Contender {
  name: string;
  kind: 'kit' | 'baseline' | 'peer';
  description: string;
  /** Mounts into `container`; resolves when every row is in the DOM. */
  mount(container: HTMLElement, data: RenderData): Promise<Mounted>;
}

const ids = (rows: readonly Customer[]) => rows.map((c) => String(c.id));

// ---------------------------------------------------------------------------------------------
// The kit: <reseller-customer-table per-page="100"> inside the page's <reseller-provider>, whose
// client already holds both pages in its cache (no request during a measurement: run.mjs checks).

/** Whether the table shows exactly `expected` rows: the count, the first and the last id. */
export function tableShows(table: ResellerCustomerTable, expected: readonly string[]): boolean {
  const rows = table.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr[data-id]');
  if (!rows || rows.length !== expected.length) return false;
  return rows[0]!.dataset.id === expected[0] && rows[rows.length - 1]!.dataset.id === expected[expected.length - 1];
}

export const kitTable: Contender = {
  name: 'reseller-customer-table',
  kind: 'kit',
  description: '<reseller-customer-table per-page="100"> in a <reseller-provider> (client cache warm)',
  async mount(container, data) {
    const byId = ids(data.byId);
    const byName = ids(data.byName);
    const table = document.createElement('reseller-customer-table');
    table.setAttribute('per-page', String(data.byId.length));
    container.append(table);
    await whenDom(table.shadowRoot!, () => tableShows(table, byId), 30_000, 'the kit table rows');
    return {
      async resort() {
        const button = table.shadowRoot!.querySelector<HTMLButtonElement>('th[data-sort="name"] button');
        if (!button) throw new Error('no Name sort button in the kit table');
        button.click();
        await whenDom(table.shadowRoot!, () => tableShows(table, byName), 30_000, 'the kit table rows in name order');
      },
      unmount: () => table.remove(),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// The baseline: a hand-written <table> built with DOM APIs, same columns and cell text (dates
// through Intl like the kit; phones as stored, E.164, as the kit shows them), one
// copy button and one actions button per row like the kit, keyed re-sort (existing rows are moved,
// new ones created, the rest removed), styled by one small document stylesheet.

const BASELINE_CSS = `
.vanilla-table { border-collapse: collapse; width: 100%; font: 14px/1.4 system-ui, sans-serif; }
.vanilla-table th, .vanilla-table td { padding: 6px 10px; border-bottom: 1px solid #ddd; text-align: start; }
.vanilla-table th button { font: inherit; font-weight: 600; background: none; border: 0; cursor: pointer; }
.vanilla-table .badge { padding: 1px 8px; border-radius: 999px; background: #eee; }
.vanilla-table .badge.active { background: #d7f5dd; }
`;

const COLUMNS = [
  ['id', 'ID'], ['name', 'Name'], ['email', 'Email'], ['phone', 'Phone'], ['created_at', 'Registered'], ['status', 'Status'],
] as const;

let baselineSheet: CSSStyleSheet | undefined;
const dateFormat = new Intl.DateTimeFormat('en', {dateStyle: 'medium'});

function baselineRow(c: Customer): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.id = String(c.id);
  const cell = (content: Node | string) => {
    const td = document.createElement('td');
    td.append(content);
    tr.append(td);
    return td;
  };
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = String(c.id);
  copy.setAttribute('aria-label', `Copy ID ${c.id}`);
  cell(copy);
  const name = document.createElement('a');
  name.href = `#/customers/${c.id}`;
  name.textContent = c.name;
  cell(name);
  cell(c.email);
  cell(c.phone ?? '');
  cell(dateFormat.format(new Date(c.created_at)));
  const badge = document.createElement('span');
  badge.className = c.status === 'active' ? 'badge active' : 'badge';
  badge.textContent = c.status === 'active' ? 'Active' : 'Inactive';
  cell(badge);
  const more = document.createElement('button');
  more.type = 'button';
  more.textContent = '⋯';
  more.setAttribute('aria-label', `More actions for ${c.name}`);
  cell(more);
  return tr;
}

export const vanillaTable: Contender = {
  name: 'vanilla <table>',
  kind: 'baseline',
  description: 'hand-written <table> filled through DOM APIs (no framework, no shadow DOM)',
  async mount(container, data) {
    if (!baselineSheet) {
      baselineSheet = new CSSStyleSheet();
      baselineSheet.replaceSync(BASELINE_CSS);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, baselineSheet];
    }
    const table = document.createElement('table');
    table.className = 'vanilla-table';
    const headRow = table.createTHead().insertRow();
    const tbody = table.createTBody();
    const byKey = new Map<string, HTMLTableRowElement>();
    const show = (rows: readonly Customer[]) => {
      const keep = new Set<string>();
      const trs = rows.map((c) => {
        const key = String(c.id);
        keep.add(key);
        let tr = byKey.get(key);
        if (!tr) byKey.set(key, (tr = baselineRow(c)));
        return tr;
      });
      for (const key of byKey.keys()) if (!keep.has(key)) byKey.delete(key);
      tbody.replaceChildren(...trs);
    };
    for (const [key, label] of COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.dataset.sort = key;
      button.addEventListener('click', () => {
        if (key !== 'name') return;
        for (const other of headRow.querySelectorAll('th')) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', 'ascending');
        show(data.byName);
      });
      th.append(button);
      headRow.append(th);
    }
    headRow.append(document.createElement('th'));
    show(data.byId);
    container.append(table);
    return {
      resort() {
        headRow.querySelector<HTMLButtonElement>('button[data-sort="name"]')!.click();
        return Promise.resolve();
      },
      unmount: () => table.remove(),
    };
  },
};

/** Every contender, in the order the table lists them (peers: bench/page/peer-*.ts). */
export const CONTENDERS: readonly Contender[] = [kitTable, vanillaTable, vanillaSameDom, vaadinGrid, vaadinGridVirtual];
