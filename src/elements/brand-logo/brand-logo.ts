import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {TaskStatus} from '@lit/task';
import type {Branding, Me} from '../../contract/schemas.js';
import {isAbortError} from '../../api/errors.js';
import {ApiController} from '../../controllers/api-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import type {ResellerBrandChangeEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {applyBrandColor, tokens} from '../../styles/index.js';
import {styles} from './brand-logo.styles.js';
import {ConnectionMixin} from '../shared/connection.js';

interface Loaded {
  branding: Branding | null;
  name: string | null;
}

/**
 * The reseller's saved logo, for the host's navigation: an `<img>` (alt: the organization's name
 * from `GET /me`), or, without a logo, the slotted content (default: the organization's name as
 * text). It follows the page: a `reseller-brand-change` after-event on the document (the brand
 * editor's save or delete) shows the new logo at once.
 *
 * With `apply-to` (a selector, e.g. `:root`) it also applies the saved brand colour there, so one
 * tag in the portal's header brands the whole portal from the saved branding.
 *
 * `data-state` on the host: `loading`, `logo` or `name`.
 *
 * @summary The saved logo (or the organization's name) for the host's navigation.
 * @tag reseller-brand-logo
 * @slot - Shown when there is no logo (default: the organization's name).
 * @csspart image - The logo `<img>`.
 * @csspart name - The organization's name (no logo, nothing slotted).
 * @csspart placeholder - The block shown while loading.
 */
export class ResellerBrandLogo extends ConnectionMixin(LitElement) {
  static override styles = [tokens, styles];

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});

  /** This element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;
  /** Also apply the saved brand colour to this element (a selector, e.g. `:root`); none by default. */
  @property({attribute: 'apply-to'}) applyTo: string | null = null;

  /** The branding from the last after-event (newer than the loaded one). */
  @state() private changed: Branding | null = null;
  /** The image failed to load: show the name. */
  @state() private broken = false;

  readonly #load = new ResourceController(this, {
    api: this.#api,
    args: () => [] as const,
    load: async (client, _args, {signal}): Promise<Loaded> => {
      const soft = <T>(p: Promise<T>) => p.catch((error: unknown) => {
        if (isAbortError(error)) throw error;
        return null;
      });
      const [branding, me] = await Promise.all([soft(client.getBranding({signal})), soft<Me>(client.getMe({signal}))]);
      return {branding, name: me?.organization.name ?? null};
    },
    onComplete: ({branding}) => {
      if (branding?.brand_color && !this.changed) this.#applyColor(branding.brand_color);
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('reseller-brand-change', this.#onBrandChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('reseller-brand-change', this.#onBrandChange);
  }

  /** The logo shown now (absolute URL), or null. */
  get logoUrl(): string | null {
    const url = this.#branding?.logo_url;
    return url ? new URL(url, this.#api.client.baseUrl).href : null;
  }

  /** Loads the branding again. */
  reload(): Promise<unknown> {
    this.changed = null;
    return this.#load.task.run();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('changed')) this.broken = false;
  }

  protected override updated(): void {
    const state = this.#load.status === TaskStatus.COMPLETE || this.changed ? (this.logoUrl && !this.broken ? 'logo' : 'name') : 'loading';
    if (this.dataset.state !== state) this.dataset.state = state;
  }

  protected override render() {
    if (this.#load.status !== TaskStatus.COMPLETE && !this.changed) {
      return html`<span class="placeholder" part="placeholder" aria-hidden="true"></span>`;
    }
    const name = this.#load.task.value?.name ?? null;
    const url = this.logoUrl;
    if (url && !this.broken) {
      return html`<img class="image" part="image" src=${url} alt=${name ?? this.#i18n.t('brand.logoAltDefault')} @error=${this.#onError} />`;
    }
    return html`<slot>${name ? html`<span class="name" part="name">${name}</span>` : nothing}</slot>`;
  }

  get #branding(): Branding | null {
    return this.changed ?? this.#load.task.value?.branding ?? null;
  }

  #applyColor(color: string | null) {
    if (!this.applyTo) return;
    let target: Element | null = null;
    try {
      target = document.querySelector(this.applyTo);
    } catch {
      target = null;
    }
    if (target instanceof HTMLElement) applyBrandColor(target, color);
  }

  #onBrandChange = (event: ResellerBrandChangeEvent) => {
    if (event.detail.phase !== 'after') return;
    this.changed = event.detail.branding;
    this.#applyColor(event.detail.branding.brand_color);
  };

  #onError = () => (this.broken = true);
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-brand-logo': ResellerBrandLogo;
  }
}
