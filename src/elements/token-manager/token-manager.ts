import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {TaskStatus, initialState} from '@lit/task';
import type {Token} from '../../contract/schemas.js';
import {ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import {ResellerTokenCreatedEvent, ResellerTokenRevokedEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {shared, tokens} from '../../styles/index.js';
import {writeClipboard} from '../shared/clipboard.js';
import {errorText} from '../shared/error-text.js';
import {renderAccess, renderEmpty, renderLoadError} from '../shared/states.js';
import {TokenGenerateController} from './token-generate.js';
import {renderTokenTable} from './token-rows.js';
import {styles} from './token-manager.styles.js';
import type {ElementDependencies} from '../shared/registration.js';
import {ResellerConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {ConnectionMixin} from '../shared/connection.js';

/**
 * A customer's API tokens: the list (name, prefix, permissions, created, expires, last used),
 * Generate token (name, permissions, expiry) with the secret shown exactly once, and Revoke with a
 * confirmation. The secret never leaves the one dialog that shows it: not in an attribute, an
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
 * @csspart revoke-button - A row's Revoke button.
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
 * @fires {ResellerTokenRevokedEvent} reseller-token-revoked - A token was revoked; `detail` is `{id, customerId}`.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: "Token … created." / "Token … revoked."
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (with an element-own client).
 */
export class ResellerTokenManager extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-confirm-dialog': ResellerConfirmDialog, 'reseller-toast-region': ResellerToastRegion};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #toast = new ToastController(this, {i18n: this.#i18n});
  readonly #generate = new TokenGenerateController(this, {
    i18n: this.#i18n,
    client: () => this.#api.client,
    customerId: () => this.customerId,
    copy: writeClipboard,
    onCreated: (token) => this.#created(token),
  });

  /** The customer whose tokens are shown. */
  @property({type: Number, attribute: 'customer-id'}) customerId = 0;
  /** The element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;

  /** Tokens created here: shown at once, until a load has them. */
  #added: Token[] = [];
  /** Tokens revoked here: hidden at once. */
  #removed = new Set<number>();
  #last: {customerId: number; tokens: Token[]} | null = null;

  readonly #list = new ResourceController(this, {
    api: this.#api,
    args: () => [this.customerId] as const,
    load: async (client, [id], {signal, fresh}) => (id > 0 ? {customerId: id, tokens: await client.listTokens(id, {signal, fresh})} : initialState),
    onComplete: (value) => {
      this.#last = value;
      this.#added = this.#added.filter((a) => !value.tokens.some((t) => t.id === a.id));
      this.#removed.clear();
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.#added = [];
      this.#removed.clear();
      if (this.#generate.isOpen) this.#generate.close();
    }
  }

  /** Loads the tokens again from the server. */
  reload(): Promise<unknown> {
    return this.#list.reload();
  }

  /** Opens the Generate token dialog. */
  generate(): void {
    if (this.customerId > 0) this.#generate.open();
  }

  /** The tokens shown now (never with a secret). */
  get tokens(): readonly Token[] {
    return this.#shown ?? [];
  }

  protected override render() {
    const t = this.#i18n.t.bind(this.#i18n);
    const error = this.#list.error;
    if (isAccessError(error)) return renderAccess(this.#i18n, error);
    if (!(this.customerId > 0)) return nothing;
    const shown = this.#shown;
    return html`<section class="panel" aria-labelledby="tokens-heading">
      <div class="header" part="header">
        <h2 class="heading" id="tokens-heading" part="heading">${t('tokens.heading')}</h2>
        <button type="button" class="button primary generate-button" part="generate-button" aria-haspopup="dialog"
          @click=${() => this.generate()}>${t('tokens.generate')}</button>
      </div>
      ${error
        ? renderLoadError(this.#i18n, t('tokens.loadError'), error, () => void this.reload())
        : shown?.length === 0
          ? renderEmpty({title: t('tokens.empty')})
          : renderTokenTable({i18n: this.#i18n, now: Date.now(), onRevoke: (token) => void this.#revoke(token)}, shown, this.#last?.tokens.length || 3)}
      ${this.#generate.render()}
      <reseller-confirm-dialog></reseller-confirm-dialog>
    </section>`;
  }

  /** The rows to show: the last load of this customer with local changes, or null while loading. */
  get #shown(): Token[] | null {
    const complete = this.#list.status === TaskStatus.COMPLETE;
    const last = this.#last?.customerId === this.customerId ? this.#last : null;
    if (!last || (!complete && this.#list.status !== TaskStatus.PENDING)) return null;
    return [...this.#added, ...last.tokens].filter((t) => !this.#removed.has(t.id));
  }


  #created(token: Token): void {
    this.#added = [token, ...this.#added.filter((a) => a.id !== token.id)];
    this.#toast.show(this.#i18n.t('toast.tokenCreated', {name: token.name}), 'success');
    this.dispatchEvent(new ResellerTokenCreatedEvent(token));
    void this.reload();
  }

  async #revoke(token: Token): Promise<void> {
    const dialog = this.renderRoot.querySelector<ResellerConfirmDialog>('reseller-confirm-dialog');
    if (!dialog) return;
    const i18n = this.#i18n;
    const customerId = this.customerId;
    const index = this.tokens.findIndex((t) => t.id === token.id);
    const revoked = await dialog.confirm({
      heading: i18n.t('tokens.revoke.heading', {name: token.name}),
      message: i18n.t('tokens.revoke.message', {prefix: token.prefix}),
      confirmLabel: i18n.t('tokens.revoke.confirm'),
      danger: true,
      action: (signal) => this.#api.client.revokeToken(token.id, {signal}),
      errorMessage: (error) => `${i18n.t('tokens.revoke.failed', {name: token.name})} ${errorText(this.#i18n, error)}`,
    });
    if (!revoked) return;
    this.#removed.add(token.id);
    this.#added = this.#added.filter((a) => a.id !== token.id);
    this.#toast.show(i18n.t('toast.tokenRevoked', {name: token.name}), 'success');
    this.dispatchEvent(new ResellerTokenRevokedEvent({id: token.id, customerId}));
    this.requestUpdate();
    await this.updateComplete;
    // The row's button is gone: focus the one now in its place, else Generate token.
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="revoke-button"]')];
    (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('[part~="generate-button"]'))?.focus();
    void this.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-token-manager': ResellerTokenManager;
  }
}
