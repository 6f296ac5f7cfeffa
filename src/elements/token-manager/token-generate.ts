/**
 * Generate token: a modal `<dialog>` (shared/form-dialog.ts) with the form (name, permissions,
 * expiry) and, after the server created the token, the secret with a copy button and the "you
 * will not see it again" warning. The secret lives in one private field of this controller while
 * that view is open, is rendered only as an input's `.value` property (never an attribute), and is
 * dropped the moment the dialog closes (I have stored it, Escape). What the operator typed is
 * kept on every failure.
 */
import {html, type ReactiveElement} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import type {Token} from '../../contract/schemas.js';
import type {ListScope} from '../shared/customer-list.js';
import {FormDialogController} from '../shared/form-dialog.js';
import {checkDraft, emptyDraft, EXPIRY_LABELS, EXPIRY_OPTIONS, NAME_MAX, toCreate, type DraftField, type ExpiryOption, type TokenDraft} from './token-draft.js';
import {renderPermissionChecks} from './token-permissions.js';

export interface GenerateOptions extends ListScope {
  /** The token was created (without its secret). */
  onCreated: (token: Token) => void;
  /** Copies text; rejects when it cannot. */
  copy: (text: string) => Promise<void>;
}

export class TokenGenerateController extends FormDialogController<DraftField> {
  readonly #o: GenerateOptions;
  #draft: TokenDraft = emptyDraft();
  /** The one place the secret is kept: while the secret view is open. */
  #secret: {name: string; value: string} | null = null;
  #copied = false;

  constructor(host: ReactiveElement, options: GenerateOptions) {
    super(host, {i18n: options.i18n, name: 'generate', fields: {name: '#token-name', permissions: 'input[name="permissions"]', expires_at: '#token-expiry'}});
    this.#o = options;
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.#secret = null;
  }

  /** Closes the dialog; the secret, if shown, is gone. */
  override close(): void {
    this.#secret = null;
    super.close();
  }

  protected renderBody() {
    return this.#secret ? this.#renderSecret(this.#secret) : this.#renderForm();
  }

  protected override firstFocus(): string {
    return this.#secret ? '.secret' : '#token-name';
  }

  protected override check() {
    return Object.fromEntries(Object.entries(checkDraft(this.#draft)).map(([k, key]) => [k, this.i18n.t(key)]));
  }

  protected failedText(): string {
    return this.i18n.t('tokens.generateFailed');
  }

  protected async send(signal: AbortSignal): Promise<void> {
    const {secret, ...token} = await this.#o.client().createToken(toCreate(this.#o.customerId(), this.#draft), {signal});
    this.#secret = {name: token.name, value: secret};
    this.#copied = false;
    this.#draft = emptyDraft();
    this.#o.onCreated(token);
    await this.host.updateComplete;
    this.focus('.secret');
  }

  protected override closed(): void {
    this.#secret = null;
    this.#copied = false;
  }

  #renderForm() {
    const {i18n} = this;
    const t = i18n.t.bind(i18n);
    const d = this.#draft;
    const e = this.errors;
    const describedBy = (...ids: (string | false)[]) => ifDefined(ids.filter(Boolean).join(' ') || undefined);
    return this.renderForm(t('tokens.form.heading'), html`
      <div class="field">
        <label class="label" for="token-name">${t('tokens.form.name')} <span class="required" aria-hidden="true">*</span></label>
        <input id="token-name" class="input" part="name-input" autocomplete="off" required maxlength=${NAME_MAX}
          .value=${live(d.name)} aria-invalid=${e.name ? 'true' : 'false'} aria-describedby=${describedBy('token-name-hint', !!e.name && 'token-name-error')}
          @input=${(ev: Event) => this.#set({name: (ev.target as HTMLInputElement).value}, 'name')} />
        <p class="hint" id="token-name-hint">${t('tokens.form.nameHint')}</p>
        ${this.renderError('name', 'token-name')}
      </div>
      ${renderPermissionChecks(t, d.permissions, e.permissions, (permissions) => this.#set({permissions}, 'permissions'))}
      <div class="field">
        <label class="label" for="token-expiry">${t('tokens.form.expiry')}</label>
        <select id="token-expiry" class="input" part="expiry-select" aria-invalid=${e.expires_at ? 'true' : 'false'}
          aria-describedby=${describedBy(!!e.expires_at && 'token-expiry-error')}
          @change=${(ev: Event) => this.#set({expiry: (ev.target as HTMLSelectElement).value as ExpiryOption}, 'expires_at')}>
          ${EXPIRY_OPTIONS.map((o) => html`<option value=${o} ?selected=${o === d.expiry}>${t(EXPIRY_LABELS[o])}</option>`)}
        </select>
        ${this.renderError('expires_at', 'token-expiry')}
      </div>
    `, this.renderActions(t('tokens.form.submit'), t('tokens.generating')));
  }

  #renderSecret(secret: {name: string; value: string}) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="dialog-body" part="secret-panel">
      <h2 id="generate-heading" class="dialog-heading" part="dialog-heading">${t('tokens.secret.heading')}</h2>
      <p class="alert warning" part="secret-warning">${t('tokens.secret.message', {name: secret.name})}</p>
      <div class="field">
        <label class="label" for="token-secret">${t('tokens.secret.label')}</label>
        <div class="secret-row">
          <input id="token-secret" class="input secret" part="secret" readonly autocomplete="off" spellcheck="false"
            .value=${secret.value} @focus=${(ev: Event) => (ev.target as HTMLInputElement).select()} />
          <button type="button" class="button" part="copy-button" @click=${this.#copySecret}>${t('tokens.secret.copy')}</button>
        </div>
        <p class="hint" role="status">${this.#copied ? t('common.copied') : ''}</p>
      </div>
      <div class="dialog-actions">
        <button type="button" class="button primary" part="done-button" @click=${() => this.close()}>${t('tokens.secret.done')}</button>
      </div>
    </div>`;
  }

  #set(patch: Partial<TokenDraft>, field: DraftField): void {
    this.#draft = {...this.#draft, ...patch};
    this.touched(field);
  }

  #copySecret = async (): Promise<void> => {
    if (!this.#secret) return;
    try {
      await this.#o.copy(this.#secret.value);
      this.#copied = true;
    } catch {
      this.#copied = false;
      this.focus('.secret'); // selected: the operator can copy it by hand
    }
    this.host.requestUpdate();
  };
}
