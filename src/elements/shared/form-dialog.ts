/**
 * `FormDialogController`: a modal `<dialog>` holding one form of an element (Generate token,
 * Invite user, Edit permissions, …), written once: open / close with focus back to the opener,
 * Escape refused while the request runs, the request's abort when the element leaves, field
 * errors and a failure message (from the client's checks or the server's 422, in the user's
 * language), focus on the first field in error. What the operator typed stays in the subclass's
 * draft on every failure.
 *
 * ```ts
 * class InviteDialog extends FormDialogController<'name' | 'email'> {
 *   protected renderBody() { return html`<form @submit=${this.submit}>…${this.renderActions(…)}</form>`; }
 *   protected async send(signal) { … }  // throws on failure
 * }
 * ```
 */
import {html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult} from 'lit';
import {ValidationError, isAbortError} from '../../api/errors.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {errorText} from './error-text.js';
import {ModalController} from './modal-controller.js';

export interface FormDialogOptions<F extends string> {
  i18n: LocaleController;
  /** The dialog's class and part prefix: `<name>-dialog`, heading id `<name>-heading`. */
  name: string;
  /** The form's fields, in order, with the selector of each one's control (focus on error). */
  fields: Readonly<Record<F, string>>;
}

export abstract class FormDialogController<F extends string> implements ReactiveController {
  protected readonly host: ReactiveElement;
  protected readonly i18n: LocaleController;
  protected errors: Partial<Record<F, string>> = {};
  protected failure = '';
  protected busy = false;
  readonly #options: FormDialogOptions<F>;
  readonly #modal: ModalController;
  #open = false;
  #abort: AbortController | null = null;

  constructor(host: ReactiveElement, options: FormDialogOptions<F>) {
    this.host = host;
    this.i18n = options.i18n;
    this.#options = options;
    this.#modal = new ModalController(host, {
      dialog: () => host.renderRoot.querySelector<HTMLDialogElement>(`dialog.${options.name}`),
      isOpen: () => this.#open,
      onShown: () => this.focus(this.firstFocus()),
      onClosed: () => {
        this.#open = false;
        this.errors = {};
        this.failure = '';
        this.closed();
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.#open;
  }

  /** Opens the dialog (with what was typed before, if the operator cancelled). */
  open(): void {
    this.#modal.rememberOpener();
    this.#open = true;
    this.host.requestUpdate();
  }

  /** Closes the dialog; a running request is aborted. */
  close(): void {
    this.#abort?.abort();
    this.#open = false;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const name = this.#options.name;
    return html`<dialog class="dialog ${name}" part="${name}-dialog" aria-labelledby="${name}-heading"
      @cancel=${(e: Event) => this.busy && e.preventDefault()} @close=${this.#modal.closed}>
      ${this.#open ? this.renderBody() : nothing}
    </dialog>`;
  }

  /** The dialog's content while open. */
  protected abstract renderBody(): unknown;
  /** Runs the request (throws on failure). */
  protected abstract send(signal: AbortSignal): Promise<void>;
  /** Client-side checks: field -> message. */
  protected check(): Partial<Record<F, string>> {
    return {};
  }
  /** "… was not saved." before a failure's text. */
  protected abstract failedText(): string;
  /** Where focus goes when the dialog opens. */
  protected firstFocus(): string {
    return Object.values<string>(this.#options.fields)[0] ?? '[part~="submit-button"]';
  }
  /** After the dialog closed (by any way). */
  protected closed(): void {}

  /** The heading, the failure alert and the form's body; `submit` runs `check()` then `send()`. */
  protected renderForm(heading: string, body: unknown, actions: unknown): TemplateResult {
    const name = this.#options.name;
    return html`<form class="dialog-body" part="${name}-form" novalidate @submit=${this.submit}>
      <h2 id="${name}-heading" class="dialog-heading" part="dialog-heading">${heading}</h2>
      ${this.failure ? html`<p class="alert" role="alert" part="alert">${this.failure}</p>` : nothing}
      ${body}
      ${actions}
    </form>`;
  }

  /** Cancel and submit. */
  protected renderActions(submit: string, submitting: string): TemplateResult {
    return html`<div class="dialog-actions">
      <button type="button" class="button" part="cancel-button" @click=${() => this.close()}>${this.i18n.t('common.cancel')}</button>
      <button type="submit" class="button primary" part="submit-button" aria-busy=${this.busy ? 'true' : 'false'}>
        ${this.busy ? submitting : submit}</button>
    </div>`;
  }

  /** A field's error paragraph (`<id>-error`), for its control's `aria-describedby`. */
  protected renderError(field: F, id: string): unknown {
    const error = this.errors[field];
    return error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing;
  }

  /** Clears `field`'s error (the operator changed it). */
  protected touched(field: F): void {
    if (this.errors[field]) this.errors = {...this.errors, [field]: undefined};
    this.host.requestUpdate();
  }

  protected readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    this.failure = '';
    this.errors = this.check();
    if (Object.values(this.errors).some(Boolean)) return this.#showErrors();
    this.busy = true;
    const abort = (this.#abort = new AbortController());
    this.host.requestUpdate();
    try {
      await this.send(abort.signal);
    } catch (error) {
      if (isAbortError(error)) return;
      this.#fail(error);
      this.busy = false;
      await this.#showErrors();
    } finally {
      this.busy = false;
      if (this.#abort === abort) this.#abort = null;
      this.host.requestUpdate();
    }
  };

  /** A failed request: the server's field messages next to their fields, the rest in the alert. */
  #fail(error: unknown): void {
    const {i18n} = this;
    if (!(error instanceof ValidationError)) {
      this.failure = `${this.failedText()} ${errorText(i18n, error)}`;
      return;
    }
    const rest: string[] = [];
    for (const [path, message] of Object.entries(i18n.fieldMessages(error))) {
      // A field may be an item of a list (`recipients.2`): its own path first, then its list's.
      const field = (path in this.#options.fields ? path : path.split('.')[0]) as F;
      if (field in this.#options.fields) this.errors[field] ??= message;
      else rest.push(message);
    }
    this.failure = [this.failedText(), i18n.errorMessage(error), ...rest].join(' ');
  }

  async #showErrors(): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    const fields = this.#options.fields;
    const first = (Object.keys(fields) as F[]).find((f) => this.errors[f]);
    this.focus(first ? fields[first] : '[part~="submit-button"]');
  }

  protected focus(selector: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
