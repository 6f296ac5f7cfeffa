/**
 * Edit name: a modal `<dialog>` (shared/form-dialog.ts) with the user's name, checked like at
 * invite (required, at most 200 characters, no line breaks, tabs or other control characters),
 * then `PATCH /customers/{id}/users/{userId}` with `name`. On failure what was typed stays and the
 * error shows (the server's 422 at the field, anything else in the dialog's alert). Loaded the
 * first time an operator edits a name (user-list.ts).
 */
import {html, type ReactiveElement} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {CONTROL_CHARACTER, USER_NAME_MAX} from '../../contract/constants.js';
import type {User} from '../../contract/schemas.js';
import type {ListScope} from '../shared/customer-list.js';
import {FormDialogController} from '../shared/form-dialog.js';

export interface EditNameOptions extends ListScope {
  /** The server saved the new name. */
  onUpdated: (user: User) => void;
}

export class UserEditController extends FormDialogController<'name'> {
  readonly #o: EditNameOptions;
  #user: User | null = null;
  #draft = '';

  constructor(host: ReactiveElement, options: EditNameOptions) {
    super(host, {i18n: options.i18n, name: 'edit-name', fields: {name: '#edit-name'}});
    this.#o = options;
  }

  /** Opens the dialog for `user` (with what was typed for them before, if the operator cancelled). */
  edit(user: User): void {
    if (this.#user?.id !== user.id || this.#user.name !== user.name) this.#draft = user.name;
    this.#user = user;
    this.open();
  }

  protected renderBody() {
    const user = this.#user;
    if (!user) return null;
    const t = this.i18n.t.bind(this.i18n);
    const error = this.errors.name;
    return this.renderForm(
      t('users.editName'),
      html`<p class="hint"><bdi>${user.email}</bdi></p>
        <div class="field">
          <label class="label" for="edit-name">${t('users.invite.name')} <span class="required" aria-hidden="true">*</span></label>
          <input id="edit-name" class="input" part="name-input" type="text" autocomplete="off" required
            .value=${live(this.#draft)} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? 'edit-name-error' : undefined)}
            @input=${(e: Event) => {
              this.#draft = (e.target as HTMLInputElement).value;
              this.touched('name');
            }} />
          ${this.renderError('name', 'edit-name')}
        </div>`,
      this.renderActions(t('common.save'), t('common.saving')),
    );
  }

  protected override check() {
    const {i18n} = this;
    const field = i18n.t('users.invite.name');
    const name = this.#draft.trim();
    if (!name) return {name: i18n.t('field.required', {field})};
    if (name.length > USER_NAME_MAX) return {name: i18n.t('field.tooLong', {field, max: String(USER_NAME_MAX)})};
    if (CONTROL_CHARACTER.test(name)) return {name: i18n.t('field.controlCharacters', {field})};
    return {};
  }

  protected failedText(): string {
    return this.i18n.t('users.editName.failed');
  }

  protected async send(signal: AbortSignal): Promise<void> {
    const user = this.#user!;
    const name = this.#draft.trim();
    if (name === user.name) return this.close();
    const updated = await this.#o.client().updateUser(this.#o.customerId(), user.id, {name}, {signal});
    this.#user = updated;
    this.#draft = updated.name;
    this.busy = false;
    this.close();
    this.#o.onUpdated(updated);
  }
}
