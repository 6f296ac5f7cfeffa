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
import {applyBrandColor, normalizeHexColor, tokens} from '../../styles/index.js';
import {styles} from './brand-logo.styles.js';
import {ConnectionMixin} from '../shared/connection.js';

/** The brand shown before the API answers: from the host's server render or the keyed cache. */
type Known = Pick<Branding, 'logo_url' | 'brand_color'>;

const CACHE_PREFIX = 'reseller-elements:brand:';

interface Loaded {
  branding: Branding | null;
  name: string | null;
}

/**
 * The reseller's saved logo, for the host's navigation: an `<img>` (alt: the organization's name
 * from `GET /me`; for a RESELLEE, a user of one of the reseller's customers, who sees its reseller's
 * logo and colour, the generic "Logo"), or, without a logo, the slotted content (default: the organization's name as
 * text). It follows the page: a `reseller-brand-change` after-event on the document (the brand
 * editor's save or delete) shows the new logo at once.
 *
 * With `apply-to` (a selector, e.g. `:root`) it also applies the saved brand colour there, so one
 * tag in the portal's header brands the whole portal from the saved branding.
 *
 * `data-state` on the host: `loading`, `logo` or `name`.
 *
 * No late logo on a cold load: the host may pass the brand it already knows from its server render
 * (`initial-logo-url`, `initial-brand-color`), and/or name the reseller with `cache-key` (its id,
 * never a token or a user): the last branding seen for that key and API base is kept in
 * `localStorage` and shown on the first render. Either is replaced as soon as `GET /branding`
 * answers (a conditional request: the browser revalidates with the ETag and gets a 304 when
 * nothing changed). Different keys never share an entry, so one reseller never sees another's.
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
  /** The logo URL the host's server knows: shown at once, until `GET /branding` answers. */
  @property({attribute: 'initial-logo-url'}) initialLogoUrl: string | null = null;
  /** The brand colour the host's server knows (`#rrggbb`): applied at once, until `GET /branding` answers. */
  @property({attribute: 'initial-brand-color'}) initialBrandColor: string | null = null;
  /** Names the reseller (e.g. its id; never a token): keeps the last branding in `localStorage` under it for the next cold load. */
  @property({attribute: 'cache-key'}) cacheKey: string | null = null;

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
      // A RESELLEE's organization is its customer, not the reseller whose logo this is.
      return {branding, name: me?.role === 'RESELLER' ? me.organization.name : null};
    },
    onComplete: ({branding}) => {
      // A colour shown from the known brand is replaced, also by "none"; otherwise none leaves the host's.
      if (branding && !this.changed && (branding.brand_color || this.#known?.brand_color)) this.#applyColor(branding.brand_color);
      if (branding) this.#remember(branding);
    },
  });

  /** The brand known before loading (read once, at the first update). */
  #known: Known | null = null;

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
    return this.#load.run();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('changed')) this.broken = false;
    if (!this.hasUpdated) {
      const known = this.initialLogoUrl !== null || this.initialBrandColor !== null
        ? {logo_url: this.initialLogoUrl, brand_color: this.initialBrandColor}
        : this.#recall();
      // A colour that is not a hex colour (a typo in the host's render, a tampered cache entry) is
      // ignored: it must neither become CSS nor clear the colour the host set itself.
      this.#known = known && {...known, brand_color: known.brand_color && normalizeHexColor(known.brand_color)};
      if (this.#known?.brand_color) this.#applyColor(this.#known.brand_color);
    }
  }

  protected override updated(): void {
    const state = this.#settled ? (this.logoUrl && !this.broken ? 'logo' : 'name') : 'loading';
    if (this.dataset.state !== state) this.dataset.state = state;
  }

  protected override render() {
    if (!this.#settled) return html`<span class="placeholder" part="placeholder" aria-hidden="true"></span>`;
    const name = this.#load.latest?.name ?? null;
    const url = this.logoUrl;
    if (url && !this.broken) {
      return html`<img class="image" part="image" src=${url} alt=${name ?? this.#i18n.t('brand.logoAltDefault')} @error=${this.#onError} />`;
    }
    return html`<slot>${name ? html`<span class="name" part="name">${name}</span>` : nothing}</slot>`;
  }

  get #loaded(): boolean {
    return this.#load.status === TaskStatus.COMPLETE;
  }

  /** Something to show: the loaded or changed branding, or the brand known before loading. */
  get #settled(): boolean {
    return this.#loaded || !!this.changed || !!this.#known?.logo_url;
  }

  get #branding(): Known | null {
    return this.changed ?? (this.#loaded ? this.#load.latest?.branding ?? null : this.#known);
  }

  get #cacheName(): string | null {
    return this.cacheKey ? `${CACHE_PREFIX}${this.#api.client.baseUrl}|${this.cacheKey}` : null;
  }

  #recall(): Known | null {
    const name = this.#cacheName;
    try {
      const v = name ? (JSON.parse(localStorage.getItem(name) ?? 'null') as Known | null) : null;
      return v && typeof v === 'object' ? {logo_url: typeof v.logo_url === 'string' ? v.logo_url : null, brand_color: typeof v.brand_color === 'string' ? v.brand_color : null} : null;
    } catch {
      return null; // storage blocked or a broken entry: load as usual
    }
  }

  #remember({logo_url, brand_color}: Known) {
    const name = this.#cacheName;
    try {
      if (name) localStorage.setItem(name, JSON.stringify({logo_url, brand_color}));
    } catch {
      // storage blocked or full: the next cold load simply waits for the API
    }
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
    this.#remember(event.detail.branding);
  };

  #onError = () => (this.broken = true);
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-brand-logo': ResellerBrandLogo;
  }
}
