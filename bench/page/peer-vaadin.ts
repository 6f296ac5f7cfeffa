/**
 * Peer: @vaadin/grid showing the same 100 customers with the same columns (copy-ID button, name,
 * email, phone, registered date through Intl, status badge, actions button), Name a
 * `<vaadin-grid-sort-column>` sorted client-side by the grid's array data provider.
 *
 * Two variants: `all-rows-visible` (all 100 rows in the DOM, like the kit and the vanilla table:
 * the like-for-like figure) and the grid's default virtual scrolling in a 400 px box (only the
 * rows in view are rendered: what a partner gets out of the box, a different amount of work).
 * "In the DOM" = the grid's rendered rows carry the expected first and last items and the cells
 * show their text (MutationObserver on the grid's light DOM, where Vaadin puts cell content, and
 * its shadow root).
 */
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import type {Grid, GridBodyRenderer} from '@vaadin/grid';
import type {GridColumn} from '@vaadin/grid/vaadin-grid-column.js';
import type {Customer} from '../../src/contract/schemas.js';
import type {Contender} from './contenders.js';
import {whenDom} from './measure.js';

const dateFormat = new Intl.DateTimeFormat('en', {dateStyle: 'medium'});

/** The array data provider's comparison (vaadin-grid/src/array-data-provider.js): plain < and >. */
function vaadinCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Row = HTMLElement & {_item?: Customer; index: number; hidden: boolean};

function renderedRows(grid: Grid<Customer>): Row[] {
  const items = grid.shadowRoot?.querySelector('#items');
  if (!items) return [];
  return (Array.from(items.children) as Row[]).filter((r) => !r.hidden).sort((a, b) => a.index - b.index);
}

/** Whether the grid shows `expected` (in order) from the top: at least `count` rows, first and last of those as expected, text in the cells. */
function gridShows(grid: Grid<Customer>, expected: readonly Customer[], count: number): boolean {
  const rows = renderedRows(grid);
  if (rows.length < count) return false;
  const first = rows[0]!;
  const last = rows[count - 1]!;
  if (first._item?.id !== expected[0]!.id || last._item?.id !== expected[count - 1]!.id) return false;
  // The row carries its item before the renderers ran: the name cell must show the text too.
  const nameCell = (last.children[1] as (HTMLElement & {_content?: HTMLElement}) | undefined)?._content;
  return nameCell?.textContent === expected[count - 1]!.name;
}

/** `whenDom` over the grid and its shadow root (Vaadin renders rows in both). */
const whenGrid = (grid: Grid<Customer>, ready: () => boolean, what: string) =>
  whenDom(grid.shadowRoot ? [grid, grid.shadowRoot] : grid, ready, 30_000, what);

const button = (text: string, label: string) => {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  return b;
};

/** A renderer that builds its node once per cell and updates it for the row's item. */
function renderer(create: () => HTMLElement, update: (node: HTMLElement, c: Customer) => void): GridBodyRenderer<Customer> {
  return (root, _column, model) => {
    let node = root.firstElementChild as HTMLElement | null;
    if (!node) root.append((node = create()));
    update(node, model.item);
  };
}

function column(grid: Grid<Customer>, tag: 'vaadin-grid-column' | 'vaadin-grid-sort-column', header: string, options: {path?: string; render?: GridBodyRenderer<Customer>}) {
  const col = document.createElement(tag) as GridColumn<Customer> & {path?: string};
  col.header = header;
  if (options.path) col.path = options.path;
  if (options.render) col.renderer = options.render;
  col.autoWidth = false;
  grid.append(col);
}

function vaadinContender(name: string, allRowsVisible: boolean): Contender {
  return {
    name,
    kind: 'peer',
    description: allRowsVisible
      ? '@vaadin/grid with all-rows-visible (all 100 rows in the DOM), same columns, Name a sort column'
      : '@vaadin/grid, default virtual scrolling in a 400 px box (only the rows in view are rendered)',
    async mount(container, data) {
      const grid = document.createElement('vaadin-grid') as Grid<Customer>;
      if (allRowsVisible) grid.allRowsVisible = true;
      else grid.style.height = '400px';
      column(grid, 'vaadin-grid-column', 'ID', {render: renderer(() => button('', ''), (b, c) => ((b.textContent = String(c.id)), b.setAttribute('aria-label', `Copy ID ${c.id}`)))});
      column(grid, 'vaadin-grid-sort-column', 'Name', {
        path: 'name',
        render: renderer(() => document.createElement('a'), (a, c) => ((a.textContent = c.name), a.setAttribute('href', `#/customers/${c.id}`))),
      });
      column(grid, 'vaadin-grid-column', 'Email', {path: 'email'});
      column(grid, 'vaadin-grid-column', 'Phone', {render: renderer(() => document.createElement('span'), (s, c) => (s.textContent = c.phone ?? ''))});
      column(grid, 'vaadin-grid-column', 'Registered', {render: renderer(() => document.createElement('span'), (s, c) => (s.textContent = dateFormat.format(new Date(c.created_at))))});
      column(grid, 'vaadin-grid-column', 'Status', {
        render: renderer(() => document.createElement('span'), (s, c) => ((s.className = c.status === 'active' ? 'badge active' : 'badge'), (s.textContent = c.status === 'active' ? 'Active' : 'Inactive'))),
      });
      column(grid, 'vaadin-grid-column', '', {render: renderer(() => button('⋯', ''), (b, c) => b.setAttribute('aria-label', `More actions for ${c.name}`))});
      grid.items = [...data.byId];
      container.append(grid);
      // Virtual scrolling renders the rows that fit (at least 5 of them here), all-rows-visible all.
      const count = () => (allRowsVisible ? data.byId.length : Math.min(data.byId.length, Math.max(5, renderedRows(grid).length)));
      await whenGrid(grid, () => gridShows(grid, data.byId, count()), `the ${name} rows`);
      const byName = [...data.byId].sort((a, b) => vaadinCompare(a.name, b.name));
      return {
        async resort() {
          const sorter = [...grid.querySelectorAll<HTMLElement & {path?: string}>('vaadin-grid-sorter')].find((s) => s.path === 'name');
          if (!sorter) throw new Error('no Name sorter in the Vaadin grid');
          sorter.click();
          await whenGrid(grid, () => gridShows(grid, byName, count()), `the ${name} rows in name order`);
        },
        unmount: () => grid.remove(),
      };
    },
  };
}

export const vaadinGrid = vaadinContender('vaadin-grid (all rows)', true);
export const vaadinGridVirtual = vaadinContender('vaadin-grid (virtual, 400px)', false);
