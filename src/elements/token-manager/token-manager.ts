import {html, type TemplateResult} from 'lit';
import type {ResellerClient} from '../../api/client.js';
import type {Token} from '../../contract/schemas.js';
import type {LoadOptions} from '../../controllers/resource-controller.js';
import {ResellerTokenCreatedEvent, ResellerTokenRevokedEvent, ResellerTokenUpdatedEvent} from '../../events.js';
import {shared, tokens} from '../../styles/index.js';
import {writeClipboard} from '../shared/clipboard.js';
import {ResellerCustomerList, type ListView} from '../shared/customer-list.js';
import {listStyles} from '../shared/customer-list.styles.js';
import {TokenGenerateController} from './token-generate.js';
import type {TokenEditController} from './token-edit.js';
import {COLUMNS, renderTokenRow} from './token-rows.js';
import {styles} from './token-manager.styles.js';

/**
 * A customer's API tokens: the list (name, prefix, permissions, created, expires, last used),
 * Generate token (name, permissions, expiry) with the secret shown exactly once, Edit permissions
 * (asks first when the change removes any), and Revoke with a confirmation. The secret never leaves the one dialog that shows it: not in an attribute, an
 * event, the list or storage, and it is dropped when the dialog closes.
 *
 * @summary A customer's API tokens: list, generate (secret shown once), revoke.
 * @tag reseller-token-manager
 * @csspart header - The heading and the Generate token button.
 * @csspart heading - The heading.
 * @csspart generate-button - Generate token.
 * @csspart table - The `<table>`.
 * @csspart header-row - Its header row.
 * @csspart header-cell - Every `<th>`.
 * @csspart row - Every token row.
 * @csspart cell - Every data cell.
 * @csspart skeleton - Placeholder rows while loading.
 * @csspart edit-button - A row's Edit permissions button.
 * @csspart revoke-button - A row's Revoke button.
 * @csspart edit-dialog - The Edit permissions `<dialog>` (its form `edit-form`; `narrow-warning`, `back-button` in the step that asks before removing permissions).
 * @csspart state - Empty, error and access blocks (with `empty`, `error`, `access-required`).
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart retry-button - The error's retry.
 * @csspart generate-dialog - The `<dialog>` of the form and the secret.
 * @csspart dialog-heading - Its heading.
 * @csspart generate-form - The form.
 * @csspart name-input - Token name.
 * @csspart permissions - The permissions fieldset.
 * @csspart expiry-select - Expires.
 * @csspart field-error - A field's message.
 * @csspart alert - Why generating failed.
 * @csspart cancel-button - Cancel.
 * @csspart submit-button - Generate.
 * @csspart secret-panel - The secret view.
 * @csspart secret-warning - "You cannot see it again".
 * @csspart secret - The secret (a read-only input).
 * @csspart copy-button - Copy token.
 * @csspart done-button - I have stored it.
 * @cssprop --reseller-color-brand - Brand colour (primary button, focus ring).
 * @cssprop --reseller-color-danger - Revoke, errors.
 * @cssprop --reseller-color-warning - The once-only warning.
 * @cssprop --reseller-color-surface - Background.
 * @cssprop --reseller-color-text - Text colour.
 * @cssprop --reseller-color-border - Table lines.
 * @cssprop --reseller-radius - Corner radius.
 * @fires {ResellerTokenCreatedEvent} reseller-token-created - A token was generated; `detail.token` has no secret.
 * @fires {ResellerTokenUpdatedEvent} reseller-token-updated - A token's permissions were changed; `detail.token` is the token as saved.
 * @fires {ResellerTokenRevokedEvent} reseller-token-revoked - A token was revoked; `detail` is `{id, customerId}`.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: "Token … created." / "Token … revoked."
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (with an element-own client).
 */
export class ResellerTokenManager extends ResellerCustomerList<Token> {
  static override styles = [tokens, shared, listStyles, styles];

  protected readonly view: ListView = {
    key: 'tokens',
    action: {part: 'generate-button', label: 'tokens.generate', run: () => this.generate()},
    columns: COLUMNS,
    addedFirst: true,
  };

  /** Edit permissions: loaded the first time an operator edits. */
  #edit: Promise<TokenEditController> | null = null;
  readonly #generate = new TokenGenerateController(this, {...this.scope, copy: writeClipboard, onCreated: (token) => this.#created(token)});

  /** Opens the Generate token dialog. */
  generate(): void {
    if (this.customerId > 0) this.#generate.open();
  }

  /** The tokens shown now (never with a secret). */
  get tokens(): readonly Token[] {
    return this.shown ?? [];
  }

  /** Opens Edit permissions for one of the listed tokens. */
  async editPermissions(id: number): Promise<void> {
    const token = this.tokens.find((t) => t.id === id);
    if (!token) return;
    this.#edit ??= import('./token-edit.js').then(({TokenEditController}) => {
      this.#editor = new TokenEditController(this, {...this.scope, onUpdated: (t) => this.#updated(t)});
      this.requestUpdate();
      return this.#editor;
    });
    (await this.#edit).edit(token);
  }

  protected loadItems(client: ResellerClient, id: number, options: LoadOptions): Promise<Token[]> {
    return client.listTokens(id, options);
  }

  protected renderRow(token: Token): TemplateResult {
    return renderTokenRow({i18n: this.i18n, now: Date.now(), onEdit: (t) => void this.editPermissions(t.id), onRevoke: (t) => void this.#revoke(t)}, token);
  }

  protected renderDialogs() {
    return html`${this.#generate.render()}${this.#editor?.render()}`;
  }

  protected closeDialogs(): void {
    if (this.#generate.isOpen) this.#generate.close();
    this.#editor?.close();
  }

  /** The edit dialog once loaded. */
  #editor: TokenEditController | null = null;

  #updated(token: Token): void {
    this.changed(token);
    this.toast.show(this.i18n.t('toast.tokenUpdated', {name: token.name}), 'success');
    this.dispatchEvent(new ResellerTokenUpdatedEvent(token));
  }

  #created(token: Token): void {
    this.changed(token);
    this.toast.show(this.i18n.t('toast.tokenCreated', {name: token.name}), 'success');
    this.dispatchEvent(new ResellerTokenCreatedEvent(token));
    void this.reload();
  }

  #revoke(token: Token): Promise<boolean> {
    const {i18n} = this;
    const customerId = this.customerId;
    return this.removeWithConfirm(token, {
      heading: i18n.t('tokens.revoke.heading', {name: token.name}),
      message: i18n.t('tokens.revoke.message', {prefix: token.prefix}),
      confirmLabel: i18n.t('tokens.revoke.confirm'),
      danger: true,
      action: (signal) => this.api.client.revokeToken(token.id, {signal}),
      failed: i18n.t('tokens.revoke.failed', {name: token.name}),
      done: i18n.t('toast.tokenRevoked', {name: token.name}),
      buttonPart: 'revoke-button',
      onRemoved: () => {
        this.dispatchEvent(new ResellerTokenRevokedEvent({id: token.id, customerId}));
        void this.reload();
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-token-manager': ResellerTokenManager;
  }
}
