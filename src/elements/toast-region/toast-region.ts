/**
 * `<reseller-toast-region>`: the kit's toast stack (its class JSDoc, the element's documentation in
 * custom-elements.json, is on the class below: cem reads a component's tags only there).
 */
import {LitElement, html, type PropertyValues} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import type {AvoidRect} from '../../controllers/toast-controller.js';
import type {ToastKind} from '../../events.js';
import {shared} from '../../styles/shared.js';
import {tokens} from '../../styles/tokens.js';
import {styles} from './toast-region.styles.js';

interface Toast {
  id: number;
  message: string;
  kind: ToastKind;
  /** ms left before it dismisses itself. */
  remaining: number;
  /** When the current timer started (performance.now()), or null while paused. */
  startedAt: number | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export const TOAST_REGION_TAG = 'reseller-toast-region';

/** The corners the stack may take, in order of preference (`data-placement`). */
export const TOAST_PLACEMENTS = ['bottom-end', 'top-end', 'bottom-start', 'top-start'] as const;
export type ToastPlacement = (typeof TOAST_PLACEMENTS)[number];

/**
 * The kit's toast stack: one per document (and one inside an open modal dialog), created on first
 * use by `ToastController`. **Internal**: hosts do not place, register or script it; it is
 * documented because it can be styled. It is a `popover="manual"` element, so it renders in the
 * top layer, above the host's own overlays, and it is raised again for every new toast.
 *
 * Two live regions that exist before any toast is added (so screen readers announce insertions):
 * `role="status"` (polite) for success and info, `role="alert"` for errors. A toast dismisses
 * itself after a while (`durations`); focusing a toast, or moving the pointer over one, pauses
 * every timer (a pointer that merely rests where a toast appeared does not); each toast has a
 * dismiss button.
 *
 * Placement: a corner of the viewport, bottom inline-end by default (`dir` mirrors it). The kit
 * passes the control just used (the focused element, the last pointer press) and the stack takes
 * the first corner of `bottom-end`, `top-end`, `bottom-start`, `top-start` where it covers none of
 * them (its `data-placement` attribute). Only the toasts take the pointer (`pointer-events`),
 * never the gaps around them. A host positions it through `--reseller-toast-offset` (distance from
 * the viewport's edges, default 1rem × density), `--reseller-toast-max-width` (default 26rem), or
 * outright with its own rules for `reseller-toast-region` (document styles win over the kit's). A host that wants its own toasts prevents the cancelable
 * `reseller-toast` event of the element that raises one instead.
 *
 * Styling: it sits under `<body>`, so it takes theme tokens from `:root`; `ToastController` also
 * copies the raising element's public tokens (brand, surface, text, border, status colours, focus
 * ring, radius, font, scheme) and `lang` onto it. Its parts are reached from the page, e.g.
 * `reseller-toast-region::part(toast) { box-shadow: none; }`.
 *
 * @summary Internal: the shared toast stack (created by the kit; styled through parts and tokens).
 * @tag reseller-toast-region
 * @csspart stack - The stack.
 * @csspart toast - One toast (also `toast-success`, `toast-error`, `toast-info`).
 * @csspart toast-success - A success toast.
 * @csspart toast-error - An error toast.
 * @csspart toast-info - An info toast.
 * @csspart message - A toast's text.
 * @csspart dismiss-button - A toast's dismiss button.
 * @cssprop --reseller-color-surface-raised - A toast's background.
 * @cssprop --reseller-color-text - A toast's text.
 * @cssprop --reseller-color-text-muted - The dismiss button.
 * @cssprop --reseller-color-border - A toast's border.
 * @cssprop --reseller-color-success - The accent bar of a success toast.
 * @cssprop --reseller-color-danger - The accent bar of an error toast.
 * @cssprop --reseller-color-brand - The accent bar of an info toast.
 * @cssprop --reseller-color-focus-ring - The dismiss button's focus ring.
 * @cssprop --reseller-radius - Corner radius.
 * @cssprop --reseller-density - Spacing multiplier (`0.75` compact).
 * @cssprop --reseller-font-family - Font.
 * @cssprop --reseller-font-size - Base font size.
 * @cssprop --reseller-color-scheme - `light` or `dark` for the kit only.
 * @cssprop --reseller-toast-offset - Distance of the stack from the viewport's edges (default 1rem × density).
 * @cssprop --reseller-toast-max-width - The stack's greatest width (default 26rem).
 */
export class ResellerToastRegion extends LitElement {
  static override styles = [tokens, shared, styles];

  /** How long each kind stays, in ms (errors longest). */
  durations: Record<ToastKind, number> = {success: 5000, info: 5000, error: 10000};

  /** The toasts on screen, oldest first (read-only view, for tests and hosts that inspect). */
  get toasts(): readonly {message: string; kind: ToastKind}[] {
    return this.#toasts.map(({message, kind}) => ({message, kind}));
  }

  readonly #i18n = new LocaleController(this);
  #toasts: Toast[] = [];
  #nextId = 1;
  #paused = false;
  #raise = false;
  /** What the newest toasts must not cover (viewport rectangles), until the stack empties. */
  #avoid: AvoidRect[] = [];
  /** Where the pointer rested when the newest toast came; pointer events there are no hover. */
  #restingAt: {x: number; y: number} | null = null;
  /** Where the pointer came onto a toast (when its resting place is unknown). */
  #enteredAt: {x: number; y: number} | null = null;
  /** The pointer moved over a toast and has not left. */
  #hovered = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('popover')) this.setAttribute('popover', 'manual');
    // Pause on hover only once the pointer really moved over a toast: a toast that appears under a
    // resting pointer (browsers then fire enter events, and some a synthetic move at the same
    // spot) does not freeze.
    this.addEventListener('pointerenter', this.#onPointerEnter);
    this.addEventListener('pointermove', this.#onPointerMove);
    this.addEventListener('focusin', this.#pause);
    this.addEventListener('pointerleave', this.#onPointerLeave);
    this.addEventListener('focusout', this.#resumeUnlessHovered);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const toast of this.#toasts) if (toast.timer) clearTimeout(toast.timer);
    this.#toasts = [];
  }

  /**
   * Adds a toast. Returns its id. `avoid`: viewport rectangles (the control just used) that the
   * stack must not cover; it takes the first corner that covers none of them. `pointerAt`: where
   * the pointer rests now (pointer events there are not a hover).
   */
  add(message: string, kind: ToastKind = 'info', {avoid = [], pointerAt = null}: {avoid?: readonly AvoidRect[]; pointerAt?: {x: number; y: number} | null} = {}): number {
    this.#avoid = [...avoid];
    this.#restingAt = pointerAt;
    const toast: Toast = {id: this.#nextId++, message, kind, remaining: this.durations[kind], startedAt: null, timer: null};
    this.#toasts = [...this.#toasts, toast];
    if (!this.#paused) this.#start(toast);
    this.#raise = true;
    this.requestUpdate();
    return toast.id;
  }

  /** Removes a toast (by id), or every toast. */
  dismiss(id?: number): void {
    for (const toast of this.#toasts) if ((id === undefined || toast.id === id) && toast.timer) clearTimeout(toast.timer);
    this.#toasts = id === undefined ? [] : this.#toasts.filter((t) => t.id !== id);
    if (!this.#toasts.length) {
      // The stack is gone: no pointer can be over it any more (browsers fire no leave event for
      // a removed node), so the next toast starts unpaused.
      this.#avoid = [];
      this.#enteredAt = this.#restingAt = null;
      this.#hovered = false;
      if (!this.matches(':focus-within')) this.#paused = false;
    }
    this.requestUpdate();
  }

  /** The corner the stack is in. */
  get placement(): ToastPlacement {
    return (this.dataset.placement as ToastPlacement | undefined) ?? 'bottom-end';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const open = this.matches(':popover-open');
    if (!this.#toasts.length) {
      if (open) this.hidePopover();
    } else if (!open || this.#raise) {
      // hide + show puts the stack back on top of anything opened in the top layer since.
      if (open) this.hidePopover();
      this.showPopover();
    }
    this.#raise = false;
    if (this.#toasts.length) this.#place();
  }

  /** Takes the first corner where the stack covers nothing in `#avoid` (else stays at the first). */
  #place() {
    const overlaps = () => {
      const r = this.getBoundingClientRect();
      return this.#avoid.some((a) => r.left < a.right && a.left < r.right && r.top < a.bottom && a.top < r.bottom);
    };
    for (const placement of TOAST_PLACEMENTS) {
      if (placement === 'bottom-end') delete this.dataset.placement;
      else this.dataset.placement = placement;
      if (!overlaps()) return;
    }
    delete this.dataset.placement;
  }

  override render() {
    const polite = this.#toasts.filter((t) => t.kind !== 'error');
    const errors = this.#toasts.filter((t) => t.kind === 'error');
    return html`<div class="stack" part="stack" aria-label=${this.#i18n.t('toast.region')} role="region">
      <div class="live" role="status" aria-live="polite">${repeat(polite, (t) => t.id, (t) => this.#renderToast(t))}</div>
      <div class="live" role="alert">${repeat(errors, (t) => t.id, (t) => this.#renderToast(t))}</div>
    </div>`;
  }

  #renderToast(toast: Toast) {
    return html`<div class="toast ${toast.kind}" part="toast toast-${toast.kind}">
      <p class="message" part="message">${toast.message}</p>
      <button
        type="button"
        class="button ghost icon dismiss"
        part="dismiss-button"
        aria-label=${this.#i18n.t('toast.dismiss')}
        @click=${() => this.dismiss(toast.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>`;
  }

  #start(toast: Toast) {
    toast.startedAt = performance.now();
    toast.timer = setTimeout(() => this.dismiss(toast.id), toast.remaining);
  }

  #pause = () => {
    if (this.#paused) return;
    this.#paused = true;
    const now = performance.now();
    for (const toast of this.#toasts) {
      if (toast.timer) clearTimeout(toast.timer);
      if (toast.startedAt !== null) toast.remaining = Math.max(0, toast.remaining - (now - toast.startedAt));
      toast.timer = null;
      toast.startedAt = null;
    }
  };

  #resume() {
    if (!this.#paused) return;
    this.#paused = false;
    // Give a reader at least a moment after leaving.
    for (const toast of this.#toasts) {
      toast.remaining = Math.max(toast.remaining, 1500);
      this.#start(toast);
    }
  }

  #onPointerEnter = (event: PointerEvent) => {
    this.#enteredAt = {x: event.clientX, y: event.clientY};
    this.#onPointerMove(event);
  };

  #onPointerMove = (event: PointerEvent) => {
    // Not a hover: the pointer where it rested when the toast came (enter events and synthetic
    // moves at that spot), or, resting place unknown, where it came onto the toast.
    const still = this.#restingAt ?? this.#enteredAt;
    if (!still || (event.clientX === still.x && event.clientY === still.y)) return;
    this.#hovered = true;
    this.#pause();
  };

  #onPointerLeave = () => {
    this.#enteredAt = null;
    this.#restingAt = null;
    this.#hovered = false;
    if (!this.matches(':focus-within')) this.#resume();
  };

  #resumeUnlessHovered = (event: FocusEvent) => {
    if (event.relatedTarget instanceof Node && this.shadowRoot!.contains(event.relatedTarget)) return;
    if (!this.#hovered) this.#resume();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-toast-region': ResellerToastRegion;
  }
}
