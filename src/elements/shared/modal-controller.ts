/**
 * Keeps a host's `<dialog>` in step with its open state: `showModal()` (top layer, inert page,
 * Escape closes) when the state turns open, `close()` when it turns closed; a close by the
 * dialog itself (Escape) is reported back; focus returns to the element that had it when the
 * dialog opened, looked up across shadow roots (a button inside another element's shadow root).
 *
 * ```ts
 * #modal = new ModalController(this, {dialog: () => this.renderRoot.querySelector('dialog'),
 *   isOpen: () => this.opened, onShown: () => focusFirstField(), onClosed: () => (this.opened = false)});
 * open() { this.#modal.rememberOpener(); this.opened = true; }
 * render() { return html`<dialog @close=${this.#modal.closed}>…</dialog>`; }
 * ```
 */
import type {ReactiveController, ReactiveElement} from 'lit';
import {deepActiveElement} from '../../dom/focus.js';

export interface ModalControllerOptions {
  dialog: () => HTMLDialogElement | null;
  isOpen: () => boolean;
  /** Right after `showModal()`: move focus into the dialog. */
  onShown?: () => void;
  /** The dialog closed (by `close()`, Escape or a form with `method="dialog"`). */
  onClosed: () => void;
}

export class ModalController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: ModalControllerOptions;
  #opener: HTMLElement | null = null;

  constructor(host: ReactiveElement, options: ModalControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Call before opening: the focused element gets focus back when the dialog closes. */
  rememberOpener(): void {
    this.#opener = deepActiveElement();
  }

  hostConnected(): void {
    // Moved in the document while open: the dialog left the top layer, show it again.
    if (this.#host.hasUpdated) void this.#host.updateComplete.then(() => this.#sync());
  }

  hostUpdated(): void {
    this.#sync();
  }

  /** The dialog's `close` event handler. */
  readonly closed = (): void => {
    this.#options.onClosed();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  };

  #sync(): void {
    const dialog = this.#options.dialog();
    if (!dialog || !this.#host.isConnected) return;
    if (this.#options.isOpen() && !dialog.open) {
      dialog.showModal();
      this.#options.onShown?.();
    } else if (!this.#options.isOpen() && dialog.open) {
      dialog.close();
    }
  }
}
