/**
 * Toasts for an element:
 *
 * ```ts
 * #i18n = new LocaleController(this);
 * #toast = new ToastController(this, {i18n: this.#i18n});
 * this.#toast.show(this.#i18n.t('toast.customerCreated', {name}), 'success');
 * ```
 *
 * `show()` dispatches the cancelable `ResellerToastEvent` (bubbling, composed) from the host. A host
 * that wants its own toasts calls `preventDefault()`; otherwise the kit shows it in the document's
 * single toast stack (`<reseller-toast-region>`, created on first use under `<body>`, in the top
 * layer). The stack takes the raising element's `lang` and public theme tokens.
 *
 * The controller creates the stack by its tag; it does not register it (controllers never import
 * elements): an element that shows toasts declares `'reseller-toast-region'` in its
 * `static dependencies`, so registering the element registers the stack.
 *
 * Modal dialogs make everything outside them inert (no clicks, hidden from screen readers), even
 * top-layer popovers opened later. So when the raising element sits inside an open modal
 * `<dialog>` (the host's overlay, or one of the kit's), the toast goes to a stack inside that
 * dialog instead, removed when the dialog closes.
 *
 * A toast never covers the control that raised it: the stack is told the focused control and
 * where the pointer last pressed (within the last few seconds) and takes a viewport corner clear of
 * both (see `<reseller-toast-region>`). It takes the raising element's direction too, so under
 * `dir="rtl"` on the provider alone it still sits at the inline end.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {deepActiveElement} from '../dom/focus.js';
import {ResellerToastEvent, type ToastKind} from '../events.js';
import type {LocaleController} from './locale-controller.js';
import {PUBLIC_TOKENS} from '../styles/tokens.js';

/**
 * What is copied from the raising element to the stack, so toasts look like the element: every
 * public theme token (the list in styles/tokens.ts) and the inherited properties they default to.
 */
const INHERITED_TOKENS = [...PUBLIC_TOKENS, 'color-scheme', 'font-family', 'font-size'] as const;

/** The tag of the kit's toast stack (registered by the elements that declare it). */
export const TOAST_REGION_TAG = 'reseller-toast-region';

/** What the controller needs of `<reseller-toast-region>`. */
export interface ToastStack extends HTMLElement {
  add(message: string, kind: ToastKind, options?: {avoid?: readonly AvoidRect[]; pointerAt?: {x: number; y: number} | null}): unknown;
}

/** Viewport rectangles (`left`, `top`, `right`, `bottom`) a toast must not cover (the control just used). */
export type AvoidRect = Pick<DOMRectReadOnly, 'left' | 'top' | 'right' | 'bottom'>;

let warnedUndefined = false;

export interface ToastControllerOptions {
  /** The host's LocaleController: the stack then speaks the host's locale. */
  i18n?: LocaleController;
}

export class ToastController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ToastControllerOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ToastControllerOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    trackPresses(+1);
  }

  hostDisconnected(): void {
    trackPresses(-1);
  }

  /**
   * Asks to show a toast. Returns true when the kit shows it, false when the host prevented the
   * `reseller-toast` event (and shows its own).
   */
  show(message: string, kind: ToastKind = 'info'): boolean {
    const event = new ResellerToastEvent({message, kind});
    if (!this.#host.dispatchEvent(event)) return false;
    if (!customElements.get(TOAST_REGION_TAG)) {
      if (!warnedUndefined) {
        warnedUndefined = true;
        console.warn(`reseller-elements: <${TOAST_REGION_TAG}> is not registered, so toasts are not shown: register the element through its define module (it declares the toast stack), or prevent the reseller-toast event and show your own.`);
      }
      return false;
    }
    const region = ToastController.region(this.#host);
    this.#dress(region);
    region.add(message, kind, {avoid: justUsed(), pointerAt: pointer && {x: pointer.x, y: pointer.y}});
    return true;
  }

  /**
   * The toast stack for an element: the one inside the open modal dialog around it, if any, else
   * the document's (created on first use).
   */
  static region(from?: Element): ToastStack {
    const dialog = from ? modalAncestor(from) : null;
    if (dialog) {
      let region = dialogRegions.get(dialog);
      if (!region || region.parentNode !== dialog) {
        region = document.createElement(TOAST_REGION_TAG) as ToastStack;
        dialog.append(region);
        dialogRegions.set(dialog, region);
        dialog.addEventListener('close', () => {
          region!.remove();
          dialogRegions.delete(dialog);
        }, {once: true});
      }
      return region;
    }
    let region = document.body.querySelector<ToastStack>(`:scope > ${TOAST_REGION_TAG}`);
    if (!region) {
      region = document.createElement(TOAST_REGION_TAG) as ToastStack;
      document.body.append(region);
    }
    return region;
  }

  /** Copies the host's locale and theme onto the stack (CSSOM, so CSP-safe). */
  #dress(region: ToastStack) {
    const lang = this.#options.i18n?.locale;
    if (lang && region.lang !== lang) region.lang = lang;
    const computed = getComputedStyle(this.#host);
    const dir = computed.direction === 'rtl' ? 'rtl' : 'ltr';
    if (region.dir !== dir) region.dir = dir;
    for (const name of INHERITED_TOKENS) {
      const value = computed.getPropertyValue(name).trim();
      if (value) region.style.setProperty(name, value);
      else region.style.removeProperty(name);
    }
  }
}

const dialogRegions = new WeakMap<HTMLDialogElement, ToastStack>();

/** The nearest open modal `<dialog>` around an element, through slots and shadow roots. */
function modalAncestor(element: Element): HTMLDialogElement | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof HTMLDialogElement && node.open && node.matches(':modal')) return node;
    node = (node instanceof Element && node.assignedSlot) || node.parentNode || (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/** How long a pointer press counts as "just used" (a toast raised after an awaited request). */
const PRESS_MEMORY_MS = 10_000;
/** Half the side of the square around a press that a toast keeps clear (a fingertip). */
const PRESS_RADIUS = 24;
let lastPress: {x: number; y: number; at: number} | null = null;
/** Where the pointer is (last seen): a toast that appears under it does not count it as a hover. */
let pointer: {x: number; y: number} | null = null;
/** Connected hosts with a ToastController: the listeners live while there is one. */
let tracking = 0;
const TRACK_OPTIONS = {capture: true, passive: true} as const;
const onPress = (e: PointerEvent) => (lastPress = {x: e.clientX, y: e.clientY, at: performance.now()});
const onMove = (e: PointerEvent) => (pointer = {x: e.clientX, y: e.clientY});

/**
 * Two passive capture listeners per document (where the pointer is, where it last pressed), added
 * with the first connected element that toasts and removed with the last, so an unmounted kit
 * leaves no listener behind.
 */
function trackPresses(delta: 1 | -1) {
  if (typeof document === 'undefined') return;
  const before = tracking;
  tracking = Math.max(0, tracking + delta);
  if (before === 0 && tracking === 1) {
    document.addEventListener('pointerdown', onPress, TRACK_OPTIONS);
    document.addEventListener('pointermove', onMove, TRACK_OPTIONS);
  } else if (before > 0 && tracking === 0) {
    document.removeEventListener('pointerdown', onPress, TRACK_OPTIONS);
    document.removeEventListener('pointermove', onMove, TRACK_OPTIONS);
    pointer = null;
  }
}

/** The viewport rectangles of the control just used: the focused element and the last press. */
function justUsed(): AvoidRect[] {
  const out: AvoidRect[] = [];
  const active = deepActiveElement();
  if (active) out.push(active.getBoundingClientRect());
  if (lastPress && performance.now() - lastPress.at < PRESS_MEMORY_MS) {
    const {x, y} = lastPress;
    out.push({left: x - PRESS_RADIUS, right: x + PRESS_RADIUS, top: y - PRESS_RADIUS, bottom: y + PRESS_RADIUS});
  }
  return out;
}
