/**
 * Every popup the kit opens from a trigger opens inward: with the element near the inline-end edge
 * of the page (a column with a 240 px sidebar beyond it) and the trigger at the element's
 * inline-end edge (the row actions button, a right click or Shift+F10 on the row's last cell, the
 * transcription list's Documents toggle), under dir="ltr" and dir="rtl", at 320 and 1280 px, the
 * popup lies inside the viewport and inside the element's box; the documents (a row under the
 * transcript, in the list's flow) lie inside the list and each of their actions is reachable.
 * (Toasts have their own side test:
 * test/controllers/toast-controller.test.ts.)
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define/customer-table.js';
import '../../src/define/transcription-list.js';
import type {ResellerCustomerTable} from '../../src/elements/customer-table/customer-table.js';
import {focused} from '../helpers/dom.js';
import {mountAt, reachable} from '../helpers/layout.js';
import {waitFor} from '../helpers/wait.js';
import {menu, menuOpen, pressShiftF10, settled} from './customer-table.helpers.js';
import {createTenant, settled as listSettled, type Tenant} from './org-lists.helpers.js';

/** The page beyond the element's inline-end edge (a sidebar): room a menu must not spill into. */
const EDGE_GAP = 240;

/** `el` in a box of `width` px pushed to the inline-end edge of the page, less `EDGE_GAP`. */
async function atInlineEnd<T extends HTMLElement>(el: T, width: number, dir: 'ltr' | 'rtl') {
  const mounted = await mountAt(el, width, dir);
  // Logical margins resolve in the box's own direction: `auto` at its start pushes it to its end.
  mounted.box.style.marginInlineStart = 'auto';
  mounted.box.style.marginInlineEnd = `${EDGE_GAP}px`;
  return mounted;
}

/** Scrolls the window so `node` is in view (the 1280 px box is wider than the test window). */
function bringIntoView(node: Element) {
  const r = node.getBoundingClientRect();
  window.scrollBy(r.left + r.width / 2 - innerWidth / 2, r.top - innerHeight / 3);
}

/** Where `popup` sticks out of the viewport or of `el` (empty when it lies inside both). */
function outside(popup: Element, el: Element, {viewport = true} = {}): string[] {
  const p = popup.getBoundingClientRect();
  const e = el.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const out: string[] = [];
  if (!p.width || !p.height) out.push('it has no box');
  if (viewport && (p.left < -0.5 || p.right > vw + 0.5 || p.top < -0.5 || p.bottom > vh + 0.5)) out.push(`outside the viewport: ${box(p)} in 0..${vw} × 0..${vh}`);
  if (p.left < e.left - 0.5 || p.right > e.right + 0.5) out.push(`outside the element: ${box(p)} in ${Math.round(e.left)}..${Math.round(e.right)}`);
  return out;
}
const box = (r: DOMRect) => `${Math.round(r.left)}..${Math.round(r.right)} × ${Math.round(r.top)}..${Math.round(r.bottom)}`;

describe('menus and popups open inward', () => {
  let tenant: Tenant;
  before(async function () {
    this.timeout(30_000);
    tenant = await createTenant({customers: 12});
  });
  afterEach(() => window.scrollTo(0, 0));

  for (const dir of ['ltr', 'rtl'] as const) {
    for (const width of [320, 1280]) {
      it(`customer table, ${dir} at ${width} px: the row menu, the context menu and Shift+F10 stay inside the viewport and the table`, async function () {
        this.timeout(30_000);
        const el = document.createElement('reseller-customer-table') as ResellerCustomerTable;
        el.token = tenant.token;
        await atInlineEnd(el, width, dir);
        // A fresh tenant's first answers take longer under load.
        await waitFor(() => el.shadowRoot!.querySelector('tbody tr[part~="row"]'), 'the table shows its rows', {timeout: 30_000});
        await settled(el);
        const row = el.shadowRoot!.querySelector<HTMLElement>('tbody tr[part~="row"]')!;
        const button = row.querySelector<HTMLButtonElement>('[part~="menu-button"]')!;
        // The cell at the row's inline-end edge (the actions button's own cell in a table row).
        const cells = [...row.querySelectorAll<HTMLElement>('td')].filter((td) => td.getBoundingClientRect().width > 0);
        const endCell = cells.reduce((a, b) => ((dir === 'ltr' ? b.getBoundingClientRect().right > a.getBoundingClientRect().right : b.getBoundingClientRect().left < a.getBoundingClientRect().left) ? b : a));
        bringIntoView(button);
        const problems: string[] = [];

        // 1. The row actions button, by pointer.
        const hit = reachable(button);
        expect(hit.ok, hit.detail).to.be.true;
        button.click();
        await waitFor(() => menuOpen(el), 'the row menu opens');
        for (const p of outside(menu(el), el)) problems.push(`row menu: ${p}`);
        await sendKeys({press: 'Escape'});
        await waitFor(() => !menuOpen(el), 'the row menu closes');

        // 2. A right click near the row's inline-end edge (8 px in from it).
        const r = endCell.getBoundingClientRect();
        const x = dir === 'ltr' ? r.right - 8 : r.left + 8;
        endCell.dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, composed: true, cancelable: true, clientX: x, clientY: r.top + r.height / 2}));
        await waitFor(() => menuOpen(el), 'the context menu opens');
        for (const p of outside(menu(el), el)) problems.push(`context menu: ${p}`);
        await sendKeys({press: 'Escape'});
        await waitFor(() => !menuOpen(el), 'the context menu closes');

        // 3. Shift+F10 on the focused actions button (the keyboard's context menu).
        button.focus();
        await pressShiftF10(button);
        await waitFor(() => menuOpen(el), 'Shift+F10 opens the context menu');
        for (const p of outside(menu(el), el)) problems.push(`Shift+F10 menu: ${p}`);
        expect(menu(el).contains(focused()), 'focus is on a menu item').to.be.true;
        await sendKeys({press: 'Escape'});
        expect(problems).to.deep.equal([]);
      });

      it(`transcription list, ${dir} at ${width} px: the open documents stay inside the viewport and the list`, async function () {
        this.timeout(30_000);
        const el = document.createElement('reseller-transcription-list');
        el.token = tenant.token;
        await atInlineEnd(el, width, dir);
        await listSettled(el);
        const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('tbody tr[part~="row"] [part~="documents-button"]')!;
        bringIntoView(toggle);
        const hit = reachable(toggle);
        expect(hit.ok, hit.detail).to.be.true;
        toggle.click();
        const documents = await waitFor(() => el.shadowRoot!.querySelector('[part~="documents"], [part~="documents-empty"]'), 'the documents show');
        bringIntoView(documents);
        // A row of the list (as wide as the list, so wider than the test window at 1280 px): inside the list.
        expect(outside(documents, el, {viewport: false})).to.deep.equal([]);
        for (const link of documents.querySelectorAll('a, button')) {
          const target = reachable(link);
          expect(target.ok, target.detail).to.be.true;
        }
      });
    }
  }
});
