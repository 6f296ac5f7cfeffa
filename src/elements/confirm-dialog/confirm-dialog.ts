import {LitElement, html, nothing} from 'lit';
import {LocaleController} from '../../controllers/locale-controller.js';
import {shared} from '../../styles/shared.js';
import {tokens} from '../../styles/tokens.js';
import {deepActiveElement} from '../../dom/focus.js';
import {styles} from './confirm-dialog.styles.js';

export const CONFIRM_DIALOG_TAG = 'reseller-confirm-dialog';

export interface ConfirmOptions {
  heading: string;
  message?: string;
  /** The confirm button's label (default "Confirm"). */
  confirmLabel?: string;
  /** The cancel button's label (default "Cancel"). */
  cancelLabel?: string;
  /** A destructive action: red confirm button, focus starts on Cancel. */
  danger?: boolean;
  /** Runs on confirm; the dialog stays open, busy, until it settles. Aborted if the dialog is torn down. */
  action?: (signal: AbortSignal) => Promise<unknown>;
  /** The text shown when `action` fails (default: the kit's message for the client's typed errors). */
  errorMessage?: (error: unknown) => string;
}

interface Pending extends ConfirmOptions {
  resolve: (confirmed: boolean) => void;
  opener: HTMLElement | null;
}

/**
 * The kit's shared confirmation dialog (internal): a modal `<dialog>` (top layer, so it works
 * inside a host's overlays) with a heading, a message, Cancel and a confirm button.
 *
 * ```ts
 * // in the element's template, once:  html`<reseller-confirm-dialog></reseller-confirm-dialog>`
 * const dialog = this.renderRoot.querySelector('reseller-confirm-dialog')!;
 * const deleted = await dialog.confirm({
 *   heading: t('table.delete.heading', {name}),
 *   message: t('table.delete.message', {name, email}),
 *   confirmLabel: t('table.delete.confirm'),
 *   danger: true,
 *   action: (signal) => client.deleteCustomer(id, {signal}),   // optional
 * });
 * ```
 *
 * Without `action`, `confirm()` resolves true/false as soon as the operator chooses. With `action`,
 * confirming runs it with the confirm button busy; on success the dialog closes and `confirm()`
 * resolves true; on failure the error is shown inside the dialog (`errorMessage`, or the kit's
 * message for client errors) and the operator can try again or cancel. Escape and Cancel resolve
 * false (not while the action runs). Focus returns to the element focused when `confirm()` was
 * called. Danger confirms start on Cancel, so a stray Enter does not delete.
 *
 * An element that renders it declares it in `static dependencies`, so registering the element
 * registers the dialog (shared/registration.ts).
 *
 * @summary Internal: a modal confirm dialog with a busy state and in-dialog errors.
 * @tag reseller-confirm-dialog
 * @csspart dialog - The `<dialog>`.
 * @csspart heading - The heading.
 * @csspart message - The message.
 * @csspart error - The error shown when the action failed.
 * @csspart actions - The button row.
 * @csspart cancel-button - Cancel.
 * @csspart confirm-button - The confirm button.
 */
export class ResellerConfirmDialog extends LitElement {
  static override styles = [tokens, shared, styles];

  readonly #i18n = new LocaleController(this);
  #pending: Pending | null = null;
  #busy = false;
  #error = '';
  #abort: AbortController | null = null;

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.#pending !== null;
  }

  /** Whether the action is running. */
  get busy(): boolean {
    return this.#busy;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#settle(false, {restoreFocus: false});
  }

  /** Asks; resolves true when confirmed (and the action, if any, succeeded), false when cancelled. */
  async confirm(options: ConfirmOptions): Promise<boolean> {
    const opener = deepActiveElement();
    if (this.#pending) this.#settle(false, {restoreFocus: false});
    const result = new Promise<boolean>((resolve) => {
      this.#pending = {...options, resolve, opener};
    });
    this.#busy = false;
    this.#error = '';
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.#dialog;
    if (!dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>(options.danger ? '.cancel' : '.confirm')?.focus();
    return result;
  }

  /** Closes as if cancelled (no effect while the action runs). */
  cancel(): void {
    if (!this.#busy) this.#settle(false);
  }

  override render() {
    const p = this.#pending;
    const t = this.#i18n.t.bind(this.#i18n);
    return html`<dialog
      class="dialog"
      part="dialog"
      role="alertdialog"
      aria-labelledby="heading"
      aria-describedby=${p?.message ? 'message' : nothing}
      @cancel=${this.#onCancel}
      @close=${this.#onClose}
    >
      ${p
        ? html`<div class="dialog-body">
            <h2 id="heading" class="dialog-heading" part="heading">${p.heading}</h2>
            ${p.message ? html`<p id="message" class="message" part="message">${p.message}</p>` : nothing}
            ${this.#error ? html`<p class="alert" role="alert" part="error">${this.#error}</p>` : nothing}
            <div class="dialog-actions" part="actions">
              <button
                type="button"
                class="button cancel"
                part="cancel-button"
                aria-disabled=${this.#busy ? 'true' : 'false'}
                @click=${() => this.cancel()}
              >
                ${p.cancelLabel ?? t('common.cancel')}
              </button>
              <button
                type="button"
                class="button confirm ${p.danger ? 'danger' : 'primary'}"
                part="confirm-button"
                aria-busy=${this.#busy ? 'true' : 'false'}
                @click=${this.#onConfirm}
              >
                ${p.confirmLabel ?? t('confirm.confirm')}
              </button>
            </div>
            <span class="visually-hidden" role="status">${this.#busy ? t('confirm.busy') : ''}</span>
          </div>`
        : nothing}
    </dialog>`;
  }

  get #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  #onConfirm = async () => {
    const p = this.#pending;
    if (!p || this.#busy) return;
    if (!p.action) {
      this.#settle(true);
      return;
    }
    this.#busy = true;
    this.#error = '';
    this.#abort = new AbortController();
    this.requestUpdate();
    try {
      await p.action(this.#abort.signal);
      if (this.#pending === p) this.#settle(true);
    } catch (error) {
      if (this.#pending !== p) return;
      this.#busy = false;
      this.#error = p.errorMessage?.(error) ?? this.#i18n.errorMessage(error);
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('.confirm')?.focus();
    } finally {
      this.#abort = null;
    }
  };

  #onCancel = (event: Event) => {
    event.preventDefault(); // we close ourselves (and not while busy)
    this.cancel();
  };

  /** The dialog closed by other means (the browser's forced close): settle as cancelled. */
  #onClose = () => {
    // A close we made ourselves fires its `close` event a task later, possibly after the next
    // question was already asked: it must not cancel that one.
    if (this.#selfClosing) {
      this.#selfClosing = false;
      return;
    }
    if (this.#pending) {
      this.#abort?.abort();
      this.#settle(false);
    }
  };

  #selfClosing = false;

  #settle(confirmed: boolean, {restoreFocus = true}: {restoreFocus?: boolean} = {}) {
    const p = this.#pending;
    if (!p) return;
    this.#pending = null;
    this.#busy = false;
    this.#error = '';
    const dialog = this.renderRoot?.querySelector('dialog');
    if (dialog?.open) {
      this.#selfClosing = true;
      dialog.close();
    }
    this.requestUpdate();
    if (restoreFocus && p.opener?.isConnected) p.opener.focus();
    p.resolve(confirmed);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-confirm-dialog': ResellerConfirmDialog;
  }
}
