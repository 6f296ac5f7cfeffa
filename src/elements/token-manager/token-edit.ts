/**
 * Edit permissions: a modal `<dialog>` (shared/form-dialog.ts) with the same permission
 * checkboxes as Generate token, pre-set to the token's. A change that removes any permission asks
 * first, in the same dialog (which permissions systems using the token lose; Back returns to the
 * choice). `PATCH /tokens/{id}` with the whole new set; on failure the choice stays and the error
 * shows (a 422 at the permissions, anything else in the dialog's alert, from its code). Loaded
 * the first time an operator edits (token-manager.ts).
 */
import {html, type ReactiveElement} from 'lit';
import type {Token, TokenPermission} from '../../contract/schemas.js';
import {ValidationError} from '../../api/errors.js';
import type {ListScope} from '../shared/customer-list.js';
import {FormDialogController} from '../shared/form-dialog.js';
import {ordered, renderPermissionChecks} from './token-permissions.js';

export interface EditOptions extends ListScope {
  /** The server changed the token's permissions. */
  onUpdated: (token: Token) => void;
}

export class TokenEditController extends FormDialogController<'permissions'> {
  readonly #o: EditOptions;
  #token: Token | null = null;
  #chosen: readonly TokenPermission[] = [];
  /** The narrowing step is showing. */
  #confirming = false;

  constructor(host: ReactiveElement, options: EditOptions) {
    super(host, {i18n: options.i18n, name: 'edit', fields: {permissions: 'input[name="permissions"]'}});
    this.#o = options;
  }

  /** Opens the dialog for `token` (with what was chosen for it before, if the operator cancelled). */
  edit(token: Token): void {
    if (this.#token?.id !== token.id || this.#token.permissions.join() !== token.permissions.join()) this.#chosen = token.permissions;
    this.#token = token;
    this.#confirming = false;
    this.open();
  }

  /** The permissions the choice removes from the token. */
  get #removed(): TokenPermission[] {
    return (this.#token?.permissions ?? []).filter((p) => !this.#chosen.includes(p));
  }

  protected renderBody() {
    const token = this.#token;
    if (!token) return null;
    const t = this.i18n.t.bind(this.i18n);
    if (this.#confirming) {
      const removed = this.#removed.map((p) => t(`tokens.permissions.${p}`)).join(', ');
      return this.renderForm(
        t('tokens.edit.narrowConfirm'),
        html`<p class="alert warning" part="narrow-warning">${t('tokens.edit.narrowMessage', {prefix: token.prefix, removed})}</p>`,
        html`<div class="dialog-actions">
          <button type="button" class="button" part="back-button" @click=${this.#back}>${t('common.back')}</button>
          <button type="submit" class="button danger" part="submit-button" aria-busy=${this.busy ? 'true' : 'false'}>
            ${this.busy ? t('common.saving') : t('tokens.edit.narrowConfirm')}</button>
        </div>`,
      );
    }
    return this.renderForm(
      t('tokens.edit'),
      html`<p class="hint"><bdi>${token.name}</bdi> <code class="prefix">${token.prefix}…</code></p>
        ${renderPermissionChecks(t, this.#chosen, this.errors.permissions, (permissions) => {
          this.#chosen = permissions;
          this.touched('permissions');
        })}`,
      this.renderActions(t('common.save'), t('common.saving')),
    );
  }

  protected override firstFocus(): string {
    return this.#confirming ? '[part~="back-button"]' : 'input[name="permissions"]';
  }

  protected override check() {
    return this.#chosen.length ? {} : {permissions: this.i18n.t('tokens.errors.permissionsRequired')};
  }

  protected failedText(): string {
    return this.i18n.t('tokens.edit.failed', {name: this.#token?.name ?? ''});
  }

  protected async send(signal: AbortSignal): Promise<void> {
    const token = this.#token!;
    const permissions = ordered(this.#chosen);
    if (permissions.join() === ordered(token.permissions).join()) return this.close();
    if (this.#removed.length && !this.#confirming) {
      this.#confirming = true;
      this.host.requestUpdate();
      await this.host.updateComplete;
      return this.focus(this.firstFocus());
    }
    const updated = await this.#o
      .client()
      .updateToken(token.id, {permissions}, {signal})
      .catch((error: unknown) => {
        // The server's word on the permissions shows at the checkboxes.
        if (error instanceof ValidationError) this.#confirming = false;
        throw error;
      });
    this.#token = updated;
    this.#chosen = updated.permissions;
    this.busy = false;
    this.close();
    this.#o.onUpdated(updated);
  }

  protected override closed(): void {
    this.#confirming = false;
  }

  #back = async (): Promise<void> => {
    this.#confirming = false;
    this.failure = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.focus('input[name="permissions"]');
  };
}
