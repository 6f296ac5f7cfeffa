/**
 * Host overlays: the customer table's row menu, its context menu and the delete confirm work when
 * the table sits (a) inside the host's own modal `<dialog>` (showModal), (b) inside a small
 * `overflow: hidden` box, (c) inside a `transform: translateX() scale()` box.
 *
 * "Work" means what an operator sees and does: the menu and the dialog are inside the viewport, on
 * top (the browser's own hit test at their centre lands in them; a real mouse click on an item
 * acts), the menu sits at its trigger / at the pointer; arrows move, Escape closes and gives focus
 * back (without closing the host's dialog), and confirming deletes the customer in the sandbox.
 *
 * The kit puts the menu in the top layer (`popover`) at viewport coordinates and the confirm in a
 * modal `<dialog>` (top layer too), so neither the host's clipping, its transform nor its modal
 * can hide or misplace them. Host styles come from a constructed stylesheet, as a host's CSS would.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys, sendMouse} from '@web/test-runner-commands';
import '../../src/define/customer-table.js';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import type {ResellerCustomerDeletedEvent} from '../../src/events.js';
import {preloadPhone} from '../../src/phone/index.js';
import {createTenant} from '../helpers/sandbox.js';
import {focused} from '../helpers/dom.js';
import {deepElementFromPoint} from '../helpers/layout.js';
import {confirmOf, confirmPart, customerExists, items, menu, menuButton, menuOpen, row} from '../elements/customer-table.helpers.js';

const hostCss = new CSSStyleSheet();
hostCss.replaceSync(`
  .host-modal { inline-size: min(46rem, 92vw); padding: 1rem; }
  .host-modal::backdrop { background: rgb(0 0 0 / 0.4); }
  .host-clip { overflow: hidden; inline-size: min(40rem, 95vw); block-size: 13rem; border: 1px solid; }
  .host-moved { transform: translateX(60px) scale(0.85); transform-origin: 0 0; inline-size: 40rem; }
`);

interface Host {
  name: string;
  /** Puts the table into the host's structure; returns what to remove afterwards. */
  mount(table: HTMLElement): {root: HTMLElement; modal?: HTMLDialogElement; box?: HTMLElement};
}

const hosts: Host[] = [
  {
    name: "the host's modal <dialog>",
    mount(table) {
      const modal = document.createElement('dialog');
      modal.className = 'host-modal';
      const heading = document.createElement('h2');
      heading.textContent = 'Host dialog';
      modal.append(heading, table);
      document.body.append(modal);
      modal.showModal();
      return {root: modal, modal, box: modal};
    },
  },
  {
    name: 'a small overflow: hidden box',
    mount(table) {
      const box = document.createElement('div');
      box.className = 'host-clip';
      box.append(table);
      document.body.append(box);
      return {root: box, box};
    },
  },
  {
    name: 'a transformed (translateX + scale) box',
    mount(table) {
      const box = document.createElement('div');
      box.className = 'host-moved';
      box.append(table);
      document.body.append(box);
      return {root: box, box};
    },
  },
];

/** The browser's hit test at (x, y), followed into shadow roots. */
const hitAt = deepElementFromPoint;

function center(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
}

/** Inside the viewport and on top: the hit test at its centre lands in it. */
function expectOnTop(node: Element, what: string): void {
  const r = node.getBoundingClientRect();
  expect(r.width > 0 && r.height > 0, `${what} has a size`).to.be.true;
  const inside = r.left >= 0 && r.top >= 0 && r.right <= document.documentElement.clientWidth && r.bottom <= document.documentElement.clientHeight;
  expect(inside, `${what} inside the viewport: ${JSON.stringify(r)}`).to.be.true;
  const hit = hitAt(...center(node));
  expect(!!hit && (hit === node || node.contains(hit)), `${what} is on top at its centre (hit ${hit?.localName}.${hit?.className})`).to.be.true;
}

const rows = (el: ResellerCustomerTable) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr[part~="row"]')];

describe('host overlays', () => {
  let cleanup: (() => void) | null = null;
  before(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostCss];
  });
  after(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== hostCss);
  });
  afterEach(async () => {
    cleanup?.();
    cleanup = null;
    await sendMouse({type: 'move', position: [0, 0]});
  });

  async function setup(host: Host) {
    const tenant = await createTenant({customers: 6});
    const table = document.createElement('reseller-customer-table');
    table.token = tenant.token;
    const mounted = host.mount(table);
    cleanup = () => {
      mounted.modal?.close();
      mounted.root.remove();
    };
    await waitUntil(() => rows(table).length > 0, 'the table shows rows', {timeout: 10_000});
    // Phones are shown in international format once libphonenumber has loaded: the columns take
    // their final widths then. Positions are compared after that.
    await preloadPhone();
    await table.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return {tenant, table, ...mounted};
  }

  /**
   * The second row, its menu button scrolled into view (the table scrolls sideways in a narrow
   * host, as an operator would scroll it) and checked visible in the host's box and the viewport.
   */
  function visibleRow(table: ResellerCustomerTable, box?: HTMLElement): number {
    const id = Number(rows(table)[1]!.dataset.id);
    const button = menuButton(table, id);
    button.scrollIntoView({block: 'nearest', inline: 'nearest'});
    const r = button.getBoundingClientRect();
    const b = (box ?? document.documentElement).getBoundingClientRect();
    const inBox = r.top >= b.top && r.bottom <= b.bottom && r.left >= b.left && r.right <= b.right;
    const inViewport = r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
    expect(inBox && inViewport, `the menu button is visible: ${JSON.stringify(r)} in ${JSON.stringify(b)}`).to.be.true;
    return id;
  }

  for (const host of hosts) {
    describe(`inside ${host.name}`, () => {
      it('the row menu opens at its trigger, on top; arrows move; Escape closes and returns focus', async () => {
        const {table, modal, box} = await setup(host);
        const id = visibleRow(table, box);
        const trigger = menuButton(table, id);
        trigger.focus();
        const tBefore = trigger.getBoundingClientRect();
        await sendKeys({press: 'Enter'});
        await waitUntil(() => menuOpen(table), 'the menu opens');
        const tAfter = trigger.getBoundingClientRect();
        // (WebKit moves the row by 1 px as it opens: sub-pixel layout, not a scroll.)
        const moved = Math.max(Math.abs(tAfter.left - tBefore.left), Math.abs(tAfter.top - tBefore.top));
        expect(moved, `opening the menu does not scroll the host's content under it: ${JSON.stringify([tBefore, tAfter])}`).to.be.at.most(2);
        expectOnTop(menu(table), 'the menu');
        const m = menu(table).getBoundingClientRect();
        const t = trigger.getBoundingClientRect();
        expect(Math.abs(m.top - t.bottom) <= 2 || Math.abs(m.bottom - t.top) <= 2, `the menu touches its trigger: menu ${JSON.stringify(m)}, trigger ${JSON.stringify(t)}`).to.be.true;
        expect(m.left <= t.right + 2 && m.right >= t.left - 2, `the menu is beside its trigger horizontally: menu ${JSON.stringify(m)}, trigger ${JSON.stringify(t)}, viewport ${document.documentElement.clientWidth}`).to.be.true;
        if (box && host.name.includes('overflow')) {
          const b = box.getBoundingClientRect();
          expect(m.bottom > b.bottom || m.top < b.top || m.right > b.right, 'the menu reaches past the clipping box (so clipping would have hidden part of it)').to.be.true;
        }
        expect(focused()).to.equal(items(table)[0]);
        await sendKeys({press: 'ArrowDown'});
        expect(focused()).to.equal(items(table)[1]);
        await sendKeys({press: 'ArrowDown'});
        expect(focused(), 'wraps around').to.equal(items(table)[0]);
        await sendKeys({press: 'Escape'});
        await waitUntil(() => !menuOpen(table), 'Escape closes the menu');
        expect(focused()).to.equal(trigger);
        if (modal) expect(modal.open, "the host's dialog stays open").to.be.true;
      });

      it('the context menu opens at the pointer, on top, and a real click on an item acts', async () => {
        const {table, modal} = await setup(host);
        const id = Number(rows(table)[0]!.dataset.id);
        const cell = row(table, id).querySelector<HTMLElement>('td.col-name')!;
        const [x, y] = center(cell);
        const event = new MouseEvent('contextmenu', {bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y, button: 2});
        cell.dispatchEvent(event);
        expect(event.defaultPrevented, 'the browser menu is replaced').to.be.true;
        await waitUntil(() => menuOpen(table), 'the context menu opens');
        expectOnTop(menu(table), 'the context menu');
        const m = menu(table).getBoundingClientRect();
        expect(Math.abs(m.left - x) <= 2 || Math.abs(m.right - x) <= 2, `at the pointer's x (${x}): ${JSON.stringify(m)}`).to.be.true;
        expect(Math.abs(m.top - y) <= 2 || Math.abs(m.bottom - y) <= 2, `at the pointer's y (${y}): ${JSON.stringify(m)}`).to.be.true;
        await sendKeys({press: 'ArrowDown'});
        expect(focused()).to.equal(items(table)[1]);
        await sendKeys({press: 'Escape'});
        await waitUntil(() => !menuOpen(table), 'Escape closes the context menu');
        if (modal) expect(modal.open, "the host's dialog stays open").to.be.true;

        // Again, and a real mouse click on View: the browser's own hit test reaches the item.
        cell.dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y, button: 2}));
        await waitUntil(() => menuOpen(table), 'the context menu opens again');
        let opened: number | null = null;
        table.addEventListener('reseller-customer-open', (e) => {
          e.preventDefault();
          opened = e.detail.id;
        }, {once: true});
        await sendMouse({type: 'click', position: center(items(table)[0]!)});
        await waitUntil(() => opened !== null, 'View fires the open event');
        expect(opened).to.equal(id);
        expect(menuOpen(table)).to.be.false;
      });

      it('delete: the confirm is on top, Escape cancels (host untouched), confirming deletes', async () => {
        const {tenant, table, modal, box} = await setup(host);
        const id = visibleRow(table, box);
        const trigger = menuButton(table, id);
        trigger.focus();
        await sendKeys({press: 'ArrowUp'}); // opens on the last item: Delete
        await waitUntil(() => menuOpen(table), 'the menu opens');
        expect(focused()!.textContent!.trim()).to.equal('Delete');
        await sendKeys({press: 'Enter'});
        await waitUntil(() => confirmOf(table).open, 'the confirm opens');
        await confirmOf(table).updateComplete;
        expectOnTop(confirmPart(table, 'dialog'), 'the confirm dialog');
        expect(focused(), 'a danger confirm starts on Cancel').to.equal(confirmPart(table, 'cancel-button'));
        await sendKeys({press: 'Escape'});
        await waitUntil(() => !confirmOf(table).open, 'Escape cancels');
        expect(focused(), 'focus back on the menu button').to.equal(trigger);
        if (modal) expect(modal.open, "the host's dialog stays open").to.be.true;
        expect(await customerExists(tenant, id)).to.be.true;

        // Now for real: menu → Delete → a real click on the confirm button.
        await sendKeys({press: 'ArrowUp'});
        await waitUntil(() => menuOpen(table), 'the menu opens again');
        await sendKeys({press: 'Enter'});
        await waitUntil(() => confirmOf(table).open, 'the confirm opens again');
        await confirmOf(table).updateComplete;
        const confirm = confirmPart(table, 'confirm-button');
        expectOnTop(confirm, 'the confirm button');
        const deleted = new Promise<ResellerCustomerDeletedEvent>((resolve) => table.addEventListener('reseller-customer-deleted', resolve, {once: true}));
        await sendMouse({type: 'click', position: center(confirm)});
        expect((await deleted).detail.id).to.equal(id);
        await waitUntil(() => !row(table, id), 'the row disappears');
        expect(await customerExists(tenant, id), 'deleted in the sandbox').to.be.false;
        expect(confirmOf(table).open).to.be.false;
        if (modal) expect(modal.open, "the host's dialog stays open").to.be.true;
      });
    });
  }
});
