/**
 * Invite user: a modal `<dialog>` (shared/form-dialog.ts) with Name and Email. Client-side checks
 * first (required, email format), then the server's 422 field messages next to the fields. What
 * the operator typed is kept on every failure and when the dialog is cancelled; it is cleared
 * after a success.
 */
import {html, type ReactiveElement} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {EMAIL_SHAPE} from '../../contract/constants.js';
import type {User} from '../../contract/schemas.js';
import type {ListScope} from '../shared/customer-list.js';
import {FormDialogController} from '../shared/form-dialog.js';

type Field = 'name' | 'email';

export interface InviteOptions extends ListScope {
  onInvited: (user: User) => void;
}

export class UserInviteController extends FormDialogController<Field> {
  readonly #o: InviteOptions;
  #draft: Record<Field, string> = {name: '', email: ''};

  constructor(host: ReactiveElement, options: InviteOptions) {
    super(host, {i18n: options.i18n, name: 'invite', fields: {name: '#invite-name', email: '#invite-email'}});
    this.#o = options;
  }

  protected renderBody() {
    const t = this.i18n.t.bind(this.i18n);
    return this.renderForm(
      t('users.invite.heading'),
      html`${this.#field('name', t('users.invite.name'), 'text', 'name')}${this.#field('email', t('users.invite.email'), 'email', 'email')}`,
      this.renderActions(t('users.invite.submit'), t('users.invite.submitting')),
    );
  }

  protected override check(): Partial<Record<Field, string>> {
    const {i18n} = this;
    const errors: Partial<Record<Field, string>> = {};
    if (!this.#draft.name.trim()) errors.name = i18n.t('field.required', {field: i18n.t('users.invite.name')});
    if (!this.#draft.email.trim()) errors.email = i18n.t('field.required', {field: i18n.t('users.invite.email')});
    else if (!EMAIL_SHAPE.test(this.#draft.email.trim())) errors.email = i18n.t('field.emailInvalid');
    return errors;
  }

  protected failedText(): string {
    return this.i18n.t('users.invite.failed');
  }

  protected async send(signal: AbortSignal): Promise<void> {
    const body = {name: this.#draft.name.trim(), email: this.#draft.email.trim()};
    const user = await this.#o.client().inviteUser(this.#o.customerId(), body, {signal});
    this.#draft = {name: '', email: ''};
    this.busy = false;
    this.close();
    this.#o.onInvited(user);
  }

  #field(field: Field, label: string, type: 'text' | 'email', autocomplete: 'name' | 'email') {
    const error = this.errors[field];
    return html`<div class="field">
      <label class="label" for="invite-${field}">${label} <span class="required" aria-hidden="true">*</span></label>
      <input id="invite-${field}" class="input" part="${field}-input" type=${type} autocomplete=${autocomplete} required
        .value=${live(this.#draft[field])} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(error ? `invite-${field}-error` : undefined)}
        @input=${(e: Event) => {
          this.#draft = {...this.#draft, [field]: (e.target as HTMLInputElement).value};
          this.touched(field);
        }} />
      ${this.renderError(field, `invite-${field}`)}
    </div>`;
  }
}
