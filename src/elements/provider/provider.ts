import {LitElement, html, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {ContextProvider} from '@lit/context';
import {ResellerClient, type ResellerClientOptions} from '../../api/client.js';
import {clientContext} from '../../context/client-context.js';
import {i18nContext, localeContext} from '../../i18n/context.js';
import {localeDirection} from '../../i18n/bidi.js';
import type {I18nOverrides} from '../../i18n/overrides.js';
import {ResellerAuthErrorEvent, ResellerRequestErrorEvent} from '../../events.js';
import {styles} from './provider.styles.js';
import {ConnectionMixin} from '../shared/connection.js';

/** Client options a host may tune on the provider (base URL and credentials have their own properties). */
export type ProviderClientOptions = Omit<ResellerClientOptions, 'baseUrl' | 'token' | 'getToken' | 'auth' | 'onAuthError' | 'onRequestError' | 'ready'>;

/**
 * Configuration for every reseller element inside it: the API client (base URL, token or token
 * source), the locale and string overrides, through `@lit/context`. Renders its children as they are.
 *
 * The token is a property only (`provider.token = …` or `provider.getToken = async () => …`): it
 * never becomes an attribute. A new `api-base`, `token` or `clientOptions` builds a new client, and
 * every element inside loads its data again with it.
 *
 * @summary Configuration (API, token, locale, strings) for the reseller elements inside it.
 * @tag reseller-provider
 * @slot - The reseller elements (and anything else).
 * @fires {ResellerAuthErrorEvent} reseller-auth-error - Authentication failed even after one token refresh.
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request of an element inside failed (after retries).
 */
export class ResellerProvider extends ConnectionMixin(LitElement) {
  static override styles = styles;

  /**
   * Locale of the elements inside (BCP 47, e.g. `nl`); unset follows `lang` and the browser. A
   * right-to-left locale (`ar`) also sets `dir="rtl"` on the provider unless the host set a `dir`.
   */
  @property() locale: string | undefined = undefined;

  /** String overrides: `{'key': 'text'}` or per locale `{nl: {'key': 'text'}}`. */
  @property({attribute: false}) i18n: I18nOverrides | undefined = undefined;

  /** Client tuning: `timeoutMs`, `retry`, `cacheTtlMs`, `fetch`. */
  @property({attribute: false}) clientOptions: ProviderClientOptions | undefined = undefined;

  /**
   * Elements inside follow live usage and transcription events over one shared connection (opt-in:
   * it holds a connection open per page; see docs/live.md). Set it before the elements connect.
   */
  @property({type: Boolean, reflect: true}) live = false;

  #client: ResellerClient | undefined;
  #clientKey: readonly unknown[] = [];
  #unsubscribe: (() => void) | undefined;
  readonly #clientProvider = new ContextProvider(this, {context: clientContext});
  readonly #localeProvider = new ContextProvider(this, {context: localeContext});
  readonly #i18nProvider = new ContextProvider(this, {context: i18nContext});
  /** The `dir` this provider set from its locale (null: none, or the host's own). */
  #dirSet: string | null = null;
  static #warnedTokenAttribute = false;

  /** Alias of `i18n`. */
  get strings(): I18nOverrides | undefined {
    return this.i18n;
  }
  set strings(value: I18nOverrides | undefined) {
    this.i18n = value;
  }

  /** The client the elements inside use now. */
  get client(): ResellerClient {
    this.#sync();
    return this.#client!;
  }

  override connectedCallback(): void {
    // Provide before the children ask (they connect right after this element).
    this.#sync();
    if (this.hasAttribute('token') && !ResellerProvider.#warnedTokenAttribute) {
      ResellerProvider.#warnedTokenAttribute = true;
      console.warn('<reseller-provider>: the token is a property only (provider.token = …); the token attribute is ignored. Remove it from the markup.');
    }
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#sync();
    this.#client!.live = this.live;
    if (changed.has('locale')) {
      this.#localeProvider.setValue(this.locale || undefined);
      this.#applyDirection();
    }
    if (changed.has('i18n')) this.#i18nProvider.setValue(this.i18n);
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  /**
   * A right-to-left `locale` (Arabic, Hebrew, …) sets `dir="rtl"` on the provider, so the elements
   * inside mirror even on a left-to-right page; a `dir` the host wrote itself is never touched.
   */
  #applyDirection(): void {
    const wanted = this.locale ? localeDirection(this.locale) : null;
    const current = this.getAttribute('dir');
    if (current !== null && current !== this.#dirSet) return; // the host's own
    if (wanted === 'rtl') {
      this.setAttribute('dir', 'rtl');
      this.#dirSet = 'rtl';
    } else if (this.#dirSet !== null) {
      this.removeAttribute('dir');
      this.#dirSet = null;
    }
  }

  /** Builds a new client when the base URL, token, token source presence or options changed. */
  #sync(): void {
    const key = [this.apiBase || null, this.token || null, !!this.getToken, this.auth === 'cookie', this.clientOptions];
    if (this.#client && key.every((v, i) => v === this.#clientKey[i])) return;
    this.#clientKey = key;
    this.#unsubscribe?.();
    const client = new ResellerClient({
      ...this.clientOptions,
      baseUrl: this.apiBase,
      token: this.token,
      // Reads the property at call time: a new function (a host re-render) needs no new client.
      getToken: this.getToken ? () => this.getToken!() : null,
      auth: this.auth === 'cookie' ? 'cookie' : 'token',
    });
    this.#unsubscribe = client.subscribe({
      onAuthError: (error) => this.dispatchEvent(new ResellerAuthErrorEvent(error)),
      onRequestError: (error) =>
        this.dispatchEvent(new ResellerRequestErrorEvent({error, method: error.method, path: error.path})),
    });
    client.live = this.live;
    this.#client = client;
    this.#clientProvider.setValue(client);
    this.#localeProvider.setValue(this.locale || undefined);
    this.#i18nProvider.setValue(this.i18n);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-provider': ResellerProvider;
  }
}
