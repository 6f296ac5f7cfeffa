/**
 * Invite user: a modal `<dialog>` with Name and Email. Client-side checks first (required, email
 * format), then the server's 422 field messages next to the fields. What the operator typed is
 * kept on every failure and when the dialog is cancelled; it is cleared after a success.
 */
import {html, nothing, type ReactiveController, type ReactiveElement} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import type {ResellerClient} from '../../api/client.js';
import type {User} from '../../contract/schemas.js';
import {ValidationError, isAbortError} from '../../api/errors.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {ModalController} from '../shared/modal-controller.js';
import {errorText} from '../shared/error-text.js';

type Field = 'name' | 'email';

/** A quick shape check (no zod on this path); the server's 422 has the last word. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export interface InviteOptions {
  i18n: LocaleController;
  client: () => ResellerClient;
  customerId: () => number;
  onInvited: (user: User) => void;
}

export class UserInviteController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #o: InviteOptions;
  readonly #modal: ModalController;
  #open = false;
  #draft: Record<Field, string> = {name: '', email: ''};
  #errors: Partial<Record<Field, string>> = {};
  #failure = '';
  #busy = false;
  #abort: AbortController | null = null;

  constructor(host: ReactiveElement, options: InviteOptions) {
    this.#host = host;
    this.#o = options;
    this.#modal = new ModalController(host, {
      dialog: () => host.renderRoot.querySelector<HTMLDialogElement>('dialog.invite'),
      isOpen: () => this.#open,
      onShown: () => this.#focus('#invite-name'),
      onClosed: () => {
        this.#open = false;
        this.#errors = {};
        this.#failure = '';
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  get isOpen(): boolean {
    return this.#open;
  }

  open(): void {
    this.#modal.rememberOpener();
    this.#open = true;
    this.#host.requestUpdate();
  }

  close(): void {
    if (this.#busy) return;
    this.#open = false;
    this.#host.requestUpdate();
  }

  render() {
    const t = this.#o.i18n.t.bind(this.#o.i18n);
    return html`<dialog class="dialog invite" part="invite-dialog" aria-labelledby="invite-heading"
      @cancel=${(e: Event) => this.#busy && e.preventDefault()} @close=${this.#modal.closed}>
      ${this.#open
        ? html`<form class="dialog-body" part="invite-form" novalidate @submit=${this.#submit}>
            <h2 id="invite-heading" class="dialog-heading" part="dialog-heading">${t('users.invite.heading')}</h2>
            ${this.#failure ? html`<p class="alert" role="alert" part="alert">${this.#failure}</p>` : nothing}
            ${this.#field('name', t('users.invite.name'), 'text', 'name')}
            ${this.#field('email', t('users.invite.email'), 'email', 'email')}
            <div class="dialog-actions">
              <button type="button" class="button" part="cancel-button" @click=${() => this.close()}>${t('common.cancel')}</button>
              <button type="submit" class="button primary" part="submit-button" aria-busy=${this.#busy ? 'true' : 'false'}>
                ${this.#busy ? t('users.invite.submitting') : t('users.invite.submit')}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  #field(field: Field, label: string, type: 'text' | 'email', autocomplete: 'name' | 'email') {
    const error = this.#errors[field];
    return html`<div class="field">
      <label class="label" for="invite-${field}">${label} <span class="required" aria-hidden="true">*</span></label>
      <input id="invite-${field}" class="input" part="${field}-input" type=${type} autocomplete=${autocomplete} required
        .value=${live(this.#draft[field])} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(error ? `invite-${field}-error` : undefined)}
        @input=${(e: Event) => this.#set(field, (e.target as HTMLInputElement).value)} />
      ${error ? html`<p class="field-error" part="field-error" id="invite-${field}-error">${error}</p>` : nothing}
    </div>`;
  }

  #set(field: Field, value: string): void {
    this.#draft = {...this.#draft, [field]: value};
    if (this.#errors[field]) this.#errors = {...this.#errors, [field]: undefined};
    this.#host.requestUpdate();
  }

  #check(): Partial<Record<Field, string>> {
    const {i18n} = this.#o;
    const errors: Partial<Record<Field, string>> = {};
    if (!this.#draft.name.trim()) errors.name = i18n.t('field.required', {field: i18n.t('users.invite.name')});
    if (!this.#draft.email.trim()) errors.email = i18n.t('field.required', {field: i18n.t('users.invite.email')});
    else if (!EMAIL_SHAPE.test(this.#draft.email.trim())) errors.email = i18n.t('field.emailInvalid');
    return errors;
  }

  #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#busy) return;
    const {i18n} = this.#o;
    this.#failure = '';
    this.#errors = this.#check();
    if (Object.keys(this.#errors).length) return this.#showErrors();
    this.#busy = true;
    this.#abort = new AbortController();
    this.#host.requestUpdate();
    try {
      const body = {name: this.#draft.name.trim(), email: this.#draft.email.trim()};
      const user = await this.#o.client().inviteUser(this.#o.customerId(), body, {signal: this.#abort.signal});
      this.#draft = {name: '', email: ''};
      this.#busy = false;
      this.#open = false;
      this.#o.onInvited(user);
    } catch (error) {
      if (isAbortError(error)) return;
      const friendly = i18n.errorMessage(error);
      if (error instanceof ValidationError) {
        const rest: string[] = [];
        for (const [path, message] of Object.entries(i18n.fieldMessages(error))) {
          if (path === 'name' || path === 'email') this.#errors[path] ??= message;
          else rest.push(message);
        }
        this.#failure = [i18n.t('users.invite.failed'), friendly, ...rest].join(' ');
      } else {
        this.#failure = `${i18n.t('users.invite.failed')} ${errorText(i18n, error)}`;
      }
      this.#busy = false;
      await this.#showErrors();
    } finally {
      this.#busy = false;
      this.#abort = null;
      this.#host.requestUpdate();
    }
  };

  async #showErrors(): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#focus(this.#errors.name ? '#invite-name' : this.#errors.email ? '#invite-email' : '[part~="submit-button"]');
  }

  #focus(selector: string): void {
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
