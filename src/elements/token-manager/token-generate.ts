/**
 * Generate token: a modal `<dialog>` with the form (name, permissions, expiry) and, after the
 * server created the token, the secret with a copy button and the "you will not see it again"
 * warning. The secret lives in one private field of this controller while that view is open, is
 * rendered only as an input's `.value` property (never an attribute), and is dropped the moment
 * the dialog closes (I have stored it, Escape). What the operator typed is kept on every failure.
 */
import {html, nothing, type ReactiveController, type ReactiveElement} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import type {ResellerClient} from '../../api/client.js';
import {TOKEN_PERMISSIONS} from '../../contract/constants.js';
import type {Token, TokenPermission} from '../../contract/schemas.js';
import {ValidationError, isAbortError} from '../../api/errors.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {ModalController} from '../shared/modal-controller.js';
import {errorText} from '../shared/error-text.js';
import {checkDraft, emptyDraft, EXPIRY_LABELS, EXPIRY_OPTIONS, NAME_MAX, serverFieldErrors, toCreate, type DraftErrors, type ExpiryOption, type TokenDraft} from './token-draft.js';

export interface GenerateOptions {
  i18n: LocaleController;
  client: () => ResellerClient;
  customerId: () => number;
  /** The token was created (without its secret). */
  onCreated: (token: Token) => void;
  /** Copies text; rejects when it cannot. */
  copy: (text: string) => Promise<void>;
}

export class TokenGenerateController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #o: GenerateOptions;
  readonly #modal: ModalController;
  #open = false;
  #draft: TokenDraft = emptyDraft();
  #errors: DraftErrors = {};
  #failure = '';
  #busy = false;
  #abort: AbortController | null = null;
  /** The one place the secret is kept: while the secret view is open. */
  #secret: {name: string; value: string} | null = null;
  #copied = false;

  constructor(host: ReactiveElement, options: GenerateOptions) {
    this.#host = host;
    this.#o = options;
    this.#modal = new ModalController(host, {
      dialog: () => host.renderRoot.querySelector<HTMLDialogElement>('dialog.generate'),
      isOpen: () => this.#open,
      onShown: () => this.#focus(this.#secret ? '.secret' : '#token-name'),
      onClosed: () => this.#closed(),
    });
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#secret = null;
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.#open;
  }

  /** Opens the form (with what was typed before, if the operator cancelled). */
  open(): void {
    this.#modal.rememberOpener();
    this.#open = true;
    this.#host.requestUpdate();
  }

  /** Closes the dialog; the secret, if shown, is gone. */
  close(): void {
    if (this.#busy) this.#abort?.abort();
    this.#open = false;
    this.#secret = null;
    this.#host.requestUpdate();
  }

  render() {
    return html`<dialog class="dialog generate" part="generate-dialog" aria-labelledby="generate-heading"
      @cancel=${(e: Event) => this.#busy && e.preventDefault()} @close=${this.#modal.closed}>
      ${this.#open ? (this.#secret ? this.#renderSecret(this.#secret) : this.#renderForm()) : nothing}
    </dialog>`;
  }

  #renderForm() {
    const {i18n} = this.#o;
    const t = i18n.t.bind(i18n);
    const d = this.#draft;
    const e = this.#errors;
    const describedBy = (...ids: (string | false)[]) => ifDefined(ids.filter(Boolean).join(' ') || undefined);
    return html`<form class="dialog-body" part="generate-form" novalidate @submit=${this.#submit}>
      <h2 id="generate-heading" class="dialog-heading" part="dialog-heading">${t('tokens.form.heading')}</h2>
      ${this.#failure ? html`<p class="alert" role="alert" part="alert">${this.#failure}</p>` : nothing}
      <div class="field">
        <label class="label" for="token-name">${t('tokens.form.name')} <span class="required" aria-hidden="true">*</span></label>
        <input id="token-name" class="input" part="name-input" autocomplete="off" required maxlength=${NAME_MAX}
          .value=${live(d.name)} aria-invalid=${e.name ? 'true' : 'false'} aria-describedby=${describedBy('token-name-hint', !!e.name && 'token-name-error')}
          @input=${(ev: Event) => this.#set({name: (ev.target as HTMLInputElement).value}, 'name')} />
        <p class="hint" id="token-name-hint">${t('tokens.form.nameHint')}</p>
        ${e.name ? html`<p class="field-error" part="field-error" id="token-name-error">${e.name}</p>` : nothing}
      </div>
      <fieldset class="field permissions" part="permissions" aria-describedby=${describedBy(!!e.permissions && 'permissions-error')}>
        <legend class="label">${t('tokens.form.permissions')} <span class="required" aria-hidden="true">*</span></legend>
        ${TOKEN_PERMISSIONS.map((p) => html`<label class="check">
          <input type="checkbox" name="permissions" value=${p} .checked=${live(d.permissions.includes(p))}
            aria-invalid=${e.permissions ? 'true' : 'false'} @change=${(ev: Event) => this.#toggle(p, (ev.target as HTMLInputElement).checked)} />
          <span>${t(`tokens.permissions.${p}`)}</span> <code class="scope">${p}</code>
        </label>`)}
        ${e.permissions ? html`<p class="field-error" part="field-error" id="permissions-error">${e.permissions}</p>` : nothing}
      </fieldset>
      <div class="field">
        <label class="label" for="token-expiry">${t('tokens.form.expiry')}</label>
        <select id="token-expiry" class="input" part="expiry-select" aria-invalid=${e.expires_at ? 'true' : 'false'}
          aria-describedby=${describedBy(!!e.expires_at && 'token-expiry-error')}
          @change=${(ev: Event) => this.#set({expiry: (ev.target as HTMLSelectElement).value as ExpiryOption}, 'expires_at')}>
          ${EXPIRY_OPTIONS.map((o) => html`<option value=${o} ?selected=${o === d.expiry}>${t(EXPIRY_LABELS[o])}</option>`)}
        </select>
        ${e.expires_at ? html`<p class="field-error" part="field-error" id="token-expiry-error">${e.expires_at}</p>` : nothing}
      </div>
      <div class="dialog-actions">
        <button type="button" class="button" part="cancel-button" @click=${() => this.close()}>${t('common.cancel')}</button>
        <button type="submit" class="button primary" part="submit-button" aria-busy=${this.#busy ? 'true' : 'false'}>
          ${this.#busy ? t('tokens.generating') : t('tokens.form.submit')}</button>
      </div>
    </form>`;
  }

  #renderSecret(secret: {name: string; value: string}) {
    const t = this.#o.i18n.t.bind(this.#o.i18n);
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

  #set(patch: Partial<TokenDraft>, field: keyof DraftErrors): void {
    this.#draft = {...this.#draft, ...patch};
    if (this.#errors[field]) this.#errors = {...this.#errors, [field]: undefined};
    this.#host.requestUpdate();
  }

  #toggle(permission: TokenPermission, on: boolean): void {
    const rest = this.#draft.permissions.filter((p) => p !== permission);
    this.#set({permissions: on ? [...rest, permission] : rest}, 'permissions');
  }

  #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#busy) return;
    const {i18n} = this.#o;
    const local = checkDraft(this.#draft);
    this.#failure = '';
    this.#errors = Object.fromEntries(Object.entries(local).map(([k, key]) => [k, i18n.t(key)]));
    if (Object.keys(local).length) return this.#showErrors();
    this.#busy = true;
    this.#abort = new AbortController();
    this.#host.requestUpdate();
    try {
      const {secret, ...token} = await this.#o.client().createToken(toCreate(this.#o.customerId(), this.#draft), {signal: this.#abort.signal});
      this.#secret = {name: token.name, value: secret};
      this.#copied = false;
      this.#draft = emptyDraft();
      this.#o.onCreated(token);
      await this.#host.updateComplete;
      this.#focus('.secret');
    } catch (error) {
      if (isAbortError(error)) return;
      this.#fail(error);
      await this.#showErrors();
    } finally {
      this.#busy = false;
      this.#abort = null;
      this.#host.requestUpdate();
    }
  };

  /** A failed create: field errors from a 422, else a message; the draft stays as typed. */
  #fail(error: unknown): void {
    const {i18n} = this.#o;
    if (error instanceof ValidationError) {
      const {errors, rest} = serverFieldErrors(i18n.fieldMessages(error));
      this.#errors = errors;
      this.#failure = `${i18n.t('tokens.generateFailed')} ${[i18n.errorMessage(error), ...rest].join(' ')}`;
      return;
    }
    this.#failure = `${i18n.t('tokens.generateFailed')} ${errorText(i18n, error)}`;
  }

  async #showErrors(): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const e = this.#errors;
    this.#focus(e.name ? '#token-name' : e.permissions ? 'input[name="permissions"]' : e.expires_at ? '#token-expiry' : '[part="submit-button"]');
  }

  #copySecret = async (): Promise<void> => {
    if (!this.#secret) return;
    try {
      await this.#o.copy(this.#secret.value);
      this.#copied = true;
    } catch {
      this.#copied = false;
      this.#focus('.secret'); // selected: the operator can copy it by hand
    }
    this.#host.requestUpdate();
  };

  #closed(): void {
    this.#open = false;
    this.#secret = null;
    this.#copied = false;
    this.#errors = {};
    this.#failure = '';
    this.#host.requestUpdate();
  }

  #focus(selector: string): void {
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
