/**
 * A popover menu with the WAI-ARIA menu button pattern, usable as a row-actions menu (one menu,
 * many triggers) and as a context menu at the pointer.
 *
 * ```ts
 * #menu = new MenuController<Customer>(this, {menu: () => this.renderRoot.querySelector('#row-menu')});
 *
 * // a trigger per row (do not bind aria-expanded yourself: the controller sets it)
 * html`<button class="button ghost icon" aria-haspopup="menu" aria-controls="row-menu"
 *        @click=${(e: MouseEvent) => this.#menu.toggle(e.currentTarget as HTMLElement, customer)}
 *        @keydown=${(e: KeyboardEvent) => this.#menu.onTriggerKeydown(e, customer)}>…</button>`
 * // right click and Shift+F10 / the ContextMenu key on a row
 * html`<tr @contextmenu=${(e: MouseEvent) => this.#menu.onContextMenu(e, customer)}
 *          @keydown=${(e: KeyboardEvent) => this.#menu.onContextKeydown(e, customer)}>`
 * // or one delegated listener for all rows: pass the trigger / row as the last argument
 * // (`onTriggerKeydown(e, customer, button)`, `onContextMenu(e, customer, tr)`, `onContextKeydown(e, customer, tr)`)
 * // the one menu (class "menu" from shared styles)
 * html`<div id="row-menu" class="menu" part="menu" role="menu" popover="manual" aria-label=…>
 *   <button class="menuitem" role="menuitem" @click=${() => this.#view(this.#menu.context!)}>View</button>
 * </div>`
 * ```
 *
 * Keyboard: Enter, Space, ArrowDown open on the first item, ArrowUp on the last; in the menu the
 * arrows, Home and End move, a typed letter jumps to the next item starting with it; Enter/Space
 * activate; Escape closes and returns focus to the trigger (or to the element the context menu was
 * opened from); Tab closes and moves on from there. A click outside closes without moving focus.
 *
 * Activating an item closes the menu and returns focus *before* the item's own click handler runs,
 * so an action that opens a dialog (a delete confirm) sees the trigger as the element to return
 * to. `context` (the row) stays readable after closing.
 *
 * Positioning is CSP-safe: viewport coordinates go into `--_menu-x` / `--_menu-y` through
 * `style.setProperty` (CSSOM, allowed without `unsafe-inline`), read by the shared `.menu` rule.
 * A trigger's menu opens inward (aligned with the trigger's edge nearer the element's outside
 * and extending over the element); a context menu extends from the pointer towards the inline
 * end (rightwards in LTR, leftwards under `dir="rtl"`). Either flips above the trigger / to the
 * other side of the pointer when it would overflow the viewport, or the element's box when the
 * element is wide enough to hold the menu (a right click near the element's inline-end edge opens
 * back over the element, not over the host's page beside it).
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {deepActiveElement} from '../dom/focus.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface MenuControllerOptions {
  /** The menu element: `role="menu"`, `popover` (set to `manual` when absent), items `role="menuitem"`. */
  menu: () => HTMLElement | null | undefined;
}

const ITEM_SELECTOR = '[role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"]';
const TYPEAHEAD_RESET_MS = 500;
const VIEWPORT_MARGIN = 4;

export class MenuController<C = unknown> implements ReactiveController {
  readonly #host: Host;
  readonly #options: MenuControllerOptions;
  #open = false;
  #context: C | undefined;
  #trigger: HTMLElement | null = null;
  #returnFocusTo: HTMLElement | null = null;
  #menu: HTMLElement | null = null;
  #typeahead = '';
  #typeaheadTimer: ReturnType<typeof setTimeout> | null = null;
  #keyboardOpenedAt = 0;

  constructor(host: Host, options: MenuControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether the menu is open. */
  get open(): boolean {
    return this.#open;
  }

  /** What the menu was last opened for (a row's customer); kept after closing. */
  get context(): C | undefined {
    return this.#context;
  }

  /** The trigger the menu is open from (null for a context menu or when closed). */
  get trigger(): HTMLElement | null {
    return this.#open ? this.#trigger : null;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.close({restoreFocus: false});
  }

  /** A trigger's click: opens the menu below it on the first item, or closes it when open from there. */
  toggle(trigger: HTMLElement, context?: C): void {
    if (this.#open && this.#trigger === trigger) this.close();
    else this.openFrom(trigger, context);
  }

  /** Opens the menu below (or above) a trigger and focuses its first (or last) item. */
  openFrom(trigger: HTMLElement, context?: C, {focus = 'first'}: {focus?: 'first' | 'last'} = {}): void {
    if (this.#open) this.close({restoreFocus: false});
    this.#trigger = trigger;
    this.#returnFocusTo = trigger;
    this.#show(context);
    if (!this.#menu) return;
    trigger.setAttribute('aria-expanded', 'true');
    // Inward: a trigger in the right half of the element (a row actions button at the end of an
    // LTR row, at the start of an RTL one) opens the menu leftwards from its right edge, one in
    // the left half rightwards from its left edge, so the menu stays over the element.
    const r = trigger.getBoundingClientRect();
    const box = this.#host.getBoundingClientRect();
    const rightHalf = r.left + r.right > box.left + box.right;
    this.#place(rightHalf ? r.right : r.left, r.bottom, {alignEnd: rightHalf, flipAbove: r.top});
    this.#focusItem(focus === 'first' ? 0 : -1);
  }

  /** Opens the menu at viewport coordinates (a context menu); focus returns to `returnFocusTo`. */
  openAt(x: number, y: number, context?: C, {returnFocusTo}: {returnFocusTo?: HTMLElement | null} = {}): void {
    if (this.#open) this.close({restoreFocus: false});
    this.#trigger = null;
    this.#returnFocusTo = returnFocusTo ?? deepActiveElement();
    this.#show(context);
    if (!this.#menu) return;
    // Opens towards the inline end of the reading direction: rightwards in LTR, leftwards in RTL.
    this.#place(x, y, {alignEnd: isRtl(this.#host), flipAbove: y});
    this.#focusItem(0);
  }

  /** Closes the menu; by default focus goes back to the trigger (or the context menu's origin). */
  close({restoreFocus = true}: {restoreFocus?: boolean} = {}): void {
    if (!this.#open) return;
    this.#open = false;
    const menu = this.#menu;
    this.#menu = null;
    if (menu) {
      menu.removeEventListener('keydown', this.#onMenuKeydown);
      menu.removeEventListener('click', this.#onMenuClick, true);
      menu.removeEventListener('mouseover', this.#onMenuMouseover);
      menu.removeEventListener('focusout', this.#onMenuFocusout);
      if (menu.matches(':popover-open')) menu.hidePopover();
    }
    document.removeEventListener('pointerdown', this.#onDocumentPointerdown, true);
    this.#trigger?.setAttribute('aria-expanded', 'false');
    const target = this.#returnFocusTo;
    this.#returnFocusTo = null;
    if (restoreFocus && target?.isConnected) target.focus();
    this.#host.requestUpdate();
  }

  /**
   * Keydown on a trigger: ArrowDown/ArrowUp open on the first/last item (Enter and Space click).
   * `trigger` defaults to the listener's element (pass it from a delegated listener).
   */
  onTriggerKeydown(event: KeyboardEvent, context?: C, trigger = event.currentTarget as HTMLElement): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    this.openFrom(trigger, context, {focus: event.key === 'ArrowDown' ? 'first' : 'last'});
  }

  /**
   * `contextmenu` on a row (right click, or the keyboard where the browser maps it). `row`
   * defaults to the listener's element (pass it from a delegated listener).
   */
  onContextMenu(event: MouseEvent, context?: C, row = event.currentTarget as HTMLElement | null): void {
    event.preventDefault();
    if (this.#open && performance.now() - this.#keyboardOpenedAt < 300) return; // already opened by the key
    const origin = row ?? null;
    if (event.clientX === 0 && event.clientY === 0 && origin) {
      const r = origin.getBoundingClientRect();
      this.openAt(isRtl(this.#host) ? r.right : r.left, r.bottom, context, {returnFocusTo: focusableOrSelf(origin)});
    } else {
      this.openAt(event.clientX, event.clientY, context, {returnFocusTo: deepActiveElement() ?? focusableOrSelf(origin)});
    }
  }

  /**
   * Keydown on a row: Shift+F10 or the ContextMenu key open the menu at the focused element.
   * `row` defaults to the listener's element (pass it from a delegated listener).
   */
  onContextKeydown(event: KeyboardEvent, context?: C, row = event.currentTarget as HTMLElement): void {
    if (!(event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) return;
    event.preventDefault();
    const focused = deepActiveElement();
    const origin = focused && row.contains(focused) ? focused : row;
    const r = origin.getBoundingClientRect();
    this.#keyboardOpenedAt = performance.now();
    this.openAt(isRtl(this.#host) ? r.right : r.left, r.bottom, context, {returnFocusTo: origin});
  }

  /** The menu's items, in order. */
  items(): HTMLElement[] {
    const menu = this.#menu ?? this.#options.menu();
    return menu ? [...menu.querySelectorAll<HTMLElement>(ITEM_SELECTOR)].filter((i) => !i.hidden) : [];
  }

  #show(context: C | undefined) {
    const menu = this.#options.menu();
    if (!menu) {
      console.warn('MenuController: no menu element to open.');
      return;
    }
    this.#context = context;
    this.#menu = menu;
    this.#open = true;
    if (!menu.hasAttribute('popover')) menu.setAttribute('popover', 'manual');
    for (const item of this.items()) item.tabIndex = -1;
    menu.addEventListener('keydown', this.#onMenuKeydown);
    menu.addEventListener('click', this.#onMenuClick, true);
    menu.addEventListener('mouseover', this.#onMenuMouseover);
    menu.addEventListener('focusout', this.#onMenuFocusout);
    document.addEventListener('pointerdown', this.#onDocumentPointerdown, true);
    if (!menu.matches(':popover-open')) menu.showPopover();
    this.#host.requestUpdate();
  }

  /**
   * Puts the menu at (x, y), flipping to stay inside the viewport and, where the element's visible
   * part is wide enough to hold it, inside the element (inward: never over the host's page beside it).
   */
  #place(x: number, y: number, {alignEnd, flipAbove}: {alignEnd: boolean; flipAbove: number}) {
    const menu = this.#menu!;
    const {width, height} = menu.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const host = this.#host.getBoundingClientRect();
    let min = VIEWPORT_MARGIN;
    let max = vw - VIEWPORT_MARGIN;
    if (Math.min(host.right, max) - Math.max(host.left, min) >= width) {
      min = Math.max(min, host.left);
      max = Math.min(max, host.right);
    }
    let left = alignEnd ? x - width : x;
    if (left + width > max) left = x - width;
    else if (left < min) left = x;
    left = Math.max(min, Math.min(left, max - width));
    let top = y;
    if (top + height > vh - VIEWPORT_MARGIN && flipAbove - height >= VIEWPORT_MARGIN) top = flipAbove - height;
    top = Math.max(VIEWPORT_MARGIN, Math.min(top, vh - height - VIEWPORT_MARGIN));
    menu.style.setProperty('--_menu-x', `${Math.round(left)}px`);
    menu.style.setProperty('--_menu-y', `${Math.round(top)}px`);
  }

  #focusItem(index: number) {
    const items = this.items();
    if (!items.length) return;
    const i = ((index % items.length) + items.length) % items.length;
    items[i].focus();
  }

  #currentIndex(): number {
    const active = deepActiveElement();
    return this.items().findIndex((i) => i === active || i.contains(active));
  }

  #onMenuKeydown = (event: KeyboardEvent) => {
    const current = this.#currentIndex();
    switch (event.key) {
      case 'ArrowDown':
        this.#focusItem(current + 1);
        break;
      case 'ArrowUp':
        this.#focusItem(current < 0 ? -1 : current - 1);
        break;
      case 'Home':
      case 'PageUp':
        this.#focusItem(0);
        break;
      case 'End':
      case 'PageDown':
        this.#focusItem(-1);
        break;
      case 'Escape':
        this.close();
        break;
      case 'Tab':
        // Close and let the browser move focus on from the trigger / origin.
        this.close();
        return;
      case 'Enter':
      case ' ': {
        const item = this.items()[current];
        if (item) item.click();
        break;
      }
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          this.#typeAhead(event.key, current);
          break;
        }
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  #typeAhead(key: string, current: number) {
    if (this.#typeaheadTimer) clearTimeout(this.#typeaheadTimer);
    this.#typeaheadTimer = setTimeout(() => (this.#typeahead = ''), TYPEAHEAD_RESET_MS);
    this.#typeahead += key.toLowerCase();
    const items = this.items();
    // A repeated single letter cycles; a longer prefix refines from the current item.
    const start = this.#typeahead.length === 1 ? current + 1 : Math.max(current, 0);
    for (let n = 0; n < items.length; n++) {
      const i = (start + n) % items.length;
      if ((items[i].textContent ?? '').trim().toLowerCase().startsWith(this.#typeahead)) {
        items[i].focus();
        return;
      }
    }
  }

  /** Capture phase: close (and restore focus) before the item's own click handler runs. */
  #onMenuClick = (event: MouseEvent) => {
    const item = (event.target as Element).closest?.(ITEM_SELECTOR);
    if (!item) return;
    if (item.getAttribute('aria-disabled') === 'true') {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    this.close();
  };

  #onMenuMouseover = (event: MouseEvent) => {
    const item = (event.target as Element).closest?.(ITEM_SELECTOR) as HTMLElement | null;
    if (item && item !== deepActiveElement()) item.focus({preventScroll: true});
  };

  /** Focus moved somewhere outside the menu (not by our own keys): close without stealing it back. */
  #onMenuFocusout = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.#menu || this.#menu.contains(next)) return;
    // A press on the trigger focuses it first; its click then toggles the menu closed.
    if (this.#trigger && (next === this.#trigger || this.#trigger.contains(next))) return;
    this.close({restoreFocus: false});
  };

  #onDocumentPointerdown = (event: PointerEvent) => {
    const path = event.composedPath();
    if (this.#menu && path.includes(this.#menu)) return;
    // The trigger's own click toggles; do not close here or it would reopen at once.
    if (this.#trigger && path.includes(this.#trigger)) return;
    this.close({restoreFocus: false});
  };
}

function focusableOrSelf(element: HTMLElement | null): HTMLElement | null {
  if (!element) return null;
  return element.matches(':focus-within') ? deepActiveElement() : element;
}

/** Whether `el` lays out right-to-left (`dir="rtl"` on it, an ancestor, the page or a provider). */
function isRtl(el: Element): boolean {
  return getComputedStyle(el).direction === 'rtl';
}
