import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {Branding, Role} from '../../contract/schemas.js';
import {isAbortError} from '../../api/errors.js';
import {abortWhenRemoved, ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import {ResellerBrandChangeEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {applyBrandColor, shared, tokens} from '../../styles/index.js';
import {renderAccess, renderLoadError, renderLoading} from '../shared/states.js';
import {DEFAULT_BRAND, parseBrandInput} from './brand-color.js';
import {styles} from './brand-editor.styles.js';
import {renderColor, renderLogo, renderPreview, renderReadOnly} from './brand-sections.js';
import {LiveTarget, failureText} from './brand-support.js';
import {typedLogo} from './logo-file.js';
import {LogoPicker} from './logo-picker.js';
import type {ElementDependencies} from '../shared/registration.js';
import {ResellerConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import {ConnectionMixin} from '../shared/connection.js';

/**
 * The reseller's branding: brand colour (picker and hex field kept in sync, contrast check, live
 * preview) and logo (file button that is also the drop zone, preview before saving, replace,
 * delete with confirmation). Save persists both through the API. The chosen colour is applied
 * live to `apply-to` (default the document root), so the whole page re-themes as you pick.
 *
 * The role comes from `GET /me`: a RESELLEE (a user of one of the reseller's customers) sees its
 * reseller's branding read-only (`data-read-only` on the host; the colour, preview and logo, and a
 * note that the reseller manages it), with no control that could change it.
 *
 * @summary Brand colour and logo editor with contrast check, live preview and save.
 * @tag reseller-brand-editor
 * @csspart form - The editor.
 * @csspart color - The colour section.
 * @csspart color-picker - `<input type=color>`.
 * @csspart hex-input - The hex text field.
 * @csspart default-button - "Use the default colour".
 * @csspart color-error - The colour's message.
 * @csspart contrast - The contrast facts (also `contrast-white`, `contrast-dark`, `contrast-verdict`, `aa-pass`, `aa-fail`).
 * @csspart preview-section - The preview block.
 * @csspart preview - The preview in the chosen colour (also `preview-button`, `preview-badge`, `preview-table`).
 * @csspart logo - The logo section.
 * @csspart logo-frame - The image frame.
 * @csspart logo-image - The saved or chosen logo (`<img>`).
 * @csspart no-logo - "No logo uploaded."
 * @csspart pending-name - The chosen file's name and size (with `converted`: "Converted from BMP to PNG in your browser.").
 * @csspart converting - The polite status while a chosen image is converted to PNG.
 * @csspart drop-zone - The file button, also the drop target (also `file-button`).
 * @csspart discard-button - Discard the chosen file.
 * @csspart delete-button - Delete the saved logo.
 * @csspart logo-error - The logo's message.
 * @csspart actions - The button row.
 * @csspart save-button - Save.
 * @csspart reset-button - Reset to the saved branding.
 * @csspart alert - Why saving failed.
 * @csspart read-only - The read-only view a RESELLEE gets (also `read-only-note`, `read-only-color`).
 * @csspart state - Loading, error and access blocks (also `loading`, `error`, `access-required`).
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart retry-button - The error's retry.
 * @cssprop --reseller-color-brand - Brand colour of the editor itself (the preview shows the chosen one).
 * @fires {ResellerBrandChangeEvent} reseller-brand-change - `phase: 'before'` (cancelable: prevent it and nothing is saved), then `phase: 'after'` with the saved branding.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: "Branding saved.", "Logo deleted.".
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (own client only).
 */
export class ResellerBrandEditor extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-confirm-dialog': ResellerConfirmDialog, 'reseller-toast-region': ResellerToastRegion};

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #toast = new ToastController(this, {i18n: this.#i18n});
  readonly #logo = new LogoPicker(this, {
    i18n: this.#i18n,
    disabled: () => this.busy,
    input: () => this.renderRoot.querySelector<HTMLInputElement>('.file-input'),
  });

  /** This element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;
  /** Where the colour applies live: a selector (default `:root`); empty: nowhere but the preview. */
  @property({attribute: 'apply-to'}) applyTo = ':root';

  /** The server's branding (after loading and after each save). */
  @state() private saved: Branding | null = null;
  /** The caller's role from `GET /me`: a RESELLEE gets the read-only view. */
  @state() private callerRole: Role | null = null;
  @state() private text = '';
  @state() private color: string | null = null;
  @state() private colorError = '';
  @state() private busy = false;
  @state() private failure = '';

  readonly #live = new LiveTarget();
  #abort: AbortController | null = null;

  readonly #load = new ResourceController(this, {
    api: this.#api,
    args: () => [] as const,
    // Always fresh: the editor shows what is saved now, never a cached answer. The role says
    // whether it may be changed (not a 403 guessed from).
    load: async (client, _args, {signal}) => {
      const [me, branding] = await Promise.all([client.getMe({signal}), client.getBranding({signal, fresh: true})]);
      return {role: me.role, branding};
    },
    onComplete: ({role, branding}) => {
      this.callerRole = role;
      this.#adopt(branding, {keepEdits: this.dirty});
    },
  });

  /** Whether the caller may only look (a RESELLEE: its reseller's branding). */
  get readOnly(): boolean {
    return this.callerRole === 'RESELLEE';
  }

  /** Whether something differs from the saved branding (or the hex field holds an invalid value). */
  get dirty(): boolean {
    return !!this.colorError || (this.saved !== null && this.color !== this.saved.brand_color) || this.#logo.pending !== null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (moved by the host's layout): the unsaved colour is previewed live again.
    if (this.saved) this.#live.apply(this.applyTo, this.color);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move (out and back in within a task) keeps a running save; only a removal aborts it.
    abortWhenRemoved(this, this.#abort);
    this.#live.restore(this.saved?.brand_color ?? null);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('callerRole')) this.toggleAttribute('data-read-only', this.readOnly);
    if (changed.has('color') || changed.has('saved') || changed.has('applyTo')) {
      // The preview and the contrast swatches show the chosen colour (the default when none).
      for (const scope of this.renderRoot.querySelectorAll<HTMLElement>('.theme-scope')) applyBrandColor(scope, this.color ?? DEFAULT_BRAND);
      if (this.saved) this.#live.apply(this.applyTo, this.color);
    }
  }

  /** Loads the saved branding again (edits are kept). */
  reload(): Promise<unknown> {
    return this.#load.reload();
  }

  /** Back to the saved branding: the colour, and no chosen logo. */
  reset(): void {
    if (this.saved) this.#adopt(this.saved, {keepEdits: false});
  }

  /** Saves what changed (colour, logo). Resolves true when everything was saved. */
  async save(): Promise<boolean> {
    if (this.busy || !this.saved || this.readOnly) return false;
    if (this.colorError) {
      this.renderRoot.querySelector<HTMLInputElement>('#hex')?.focus();
      return false;
    }
    const colorChanged = this.color !== this.saved.brand_color;
    const logo = this.#logo.pending;
    if (!colorChanged && !logo) return true;
    const before = new ResellerBrandChangeEvent({...this.saved, brand_color: this.color}, {phase: 'before', ...(logo ? {logo: logo.file} : {})});
    if (!this.dispatchEvent(before)) return false;
    const client = this.#api.client;
    const abort = (this.#abort = new AbortController());
    const {signal} = abort;
    this.busy = true;
    this.failure = '';
    let step: 'color' | 'logo' = 'color';
    let savedSomething = false;
    try {
      if (colorChanged) {
        this.saved = await client.updateBranding({brand_color: this.color}, {signal});
        savedSomething = true;
      }
      if (logo) {
        step = 'logo';
        this.saved = await client.uploadLogo(await typedLogo(logo.file), {signal});
        savedSomething = true;
        this.#logo.clear();
      }
      this.#toast.show(this.#i18n.t(colorChanged && logo ? 'brand.saved' : logo ? 'toast.logoUploaded' : 'toast.brandSaved'), 'success');
      return true;
    } catch (error) {
      if (isAbortError(error) || signal.aborted) return false;
      this.failure = failureText(this.#i18n, step, error);
      return false;
    } finally {
      if (this.#abort === abort) this.#abort = null;
      this.busy = false;
      if (savedSomething && this.saved) this.dispatchEvent(new ResellerBrandChangeEvent(this.saved));
    }
  }

  protected override render() {
    const t = this.#i18n.t.bind(this.#i18n);
    const error = this.#load.error;
    if (error && !this.saved) {
      return isAccessError(error) ? renderAccess(this.#i18n, error) : renderLoadError(this.#i18n, t('brand.loadError'), error, () => void this.reload());
    }
    const saved = this.saved;
    if (!saved) return renderLoading(t('brand.loading'), {lines: 6});
    if (this.readOnly) return renderReadOnly(this.#i18n, saved.brand_color, this.#logoUrl(saved));
    const dirty = this.dirty;
    return html`<form class="editor" part="form" novalidate aria-label=${t('brand.heading')} @submit=${this.#onSubmit}>
      ${renderColor({
        i18n: this.#i18n, text: this.text, color: this.color, error: this.colorError,
        onPick: this.#onPick, onText: this.#onText, onTextDone: this.#onTextDone, onDefault: this.#onDefault,
      })}
      ${renderPreview(this.#i18n)}
      ${renderLogo({
        i18n: this.#i18n, savedUrl: this.#logoUrl(saved), pending: this.#logo.pending, error: this.#logo.error, dragging: this.#logo.dragging,
        busy: this.busy, checking: this.#logo.checking, converting: this.#logo.converting, onChoose: this.#logo.onChoose, onFile: this.#logo.onFile, onDragOver: this.#logo.onDragOver,
        onDragLeave: this.#logo.onDragLeave, onDrop: this.#logo.onDrop, onDiscard: () => this.#logo.clear(), onDelete: () => void this.#deleteLogo(),
      })}
      ${this.failure ? html`<p class="alert" part="alert" role="alert">${this.failure}</p>` : nothing}
      <div class="actions" part="actions">
        <span class="hint unsaved" role="status">${dirty ? t('brand.unsaved') : ''}</span>
        <button type="button" class="button" part="reset-button" aria-disabled=${dirty && !this.busy ? 'false' : 'true'} @click=${this.#onReset}>${t('brand.reset')}</button>
        <button type="submit" class="button primary" part="save-button" aria-busy=${this.busy ? 'true' : 'false'}
          aria-disabled=${dirty && !this.busy ? 'false' : 'true'}>${this.busy ? t('common.saving') : t('brand.saveAll')}</button>
      </div>
      <reseller-confirm-dialog></reseller-confirm-dialog>
    </form>`;
  }

  #logoUrl(b: Branding): string | null {
    return b.logo_url ? new URL(b.logo_url, this.#api.client.baseUrl).href : null;
  }

  #adopt(branding: Branding, {keepEdits}: {keepEdits: boolean}) {
    this.saved = branding;
    if (keepEdits) return;
    this.color = branding.brand_color;
    this.text = branding.brand_color ?? '';
    this.colorError = '';
    this.failure = '';
    this.#logo.clear();
  }

  #setColor(color: string | null, text: string) {
    this.color = color;
    this.text = text;
    this.colorError = '';
  }

  #onPick = (event: Event) => {
    const value = (event.target as HTMLInputElement).value.toLowerCase();
    this.#setColor(value, value);
  };

  #onText = (event: Event) => {
    const text = (event.target as HTMLInputElement).value;
    const parsed = parseBrandInput(text);
    if (parsed.ok) this.#setColor(parsed.color, text);
    else {
      this.text = text;
      // Say it once the field is left or saved; while typing, clear a stale message only.
      if (this.colorError) this.colorError = this.#i18n.t('brand.errors.colorInvalid');
    }
  };

  #onTextDone = () => {
    const parsed = parseBrandInput(this.text);
    if (parsed.ok) this.#setColor(parsed.color, parsed.color ?? '');
    else this.colorError = this.#i18n.t('brand.errors.colorInvalid');
  };

  #onDefault = () => this.#setColor(null, '');

  #onSubmit = (event: Event) => {
    event.preventDefault();
    this.#onTextDone();
    if (!this.dirty || this.busy) return;
    void this.save();
  };

  #onReset = () => {
    if (!this.busy && this.dirty) this.reset();
  };

  async #deleteLogo(): Promise<void> {
    const saved = this.saved;
    if (!saved || this.busy || this.readOnly) return;
    const t = this.#i18n.t.bind(this.#i18n);
    let result: Branding | null = null;
    const dialog = this.renderRoot.querySelector<ResellerConfirmDialog>('reseller-confirm-dialog')!;
    const confirmed = await dialog.confirm({
      heading: t('brand.deleteLogo.heading'), message: t('brand.deleteLogo.message'), confirmLabel: t('brand.deleteLogo'), danger: true,
      action: async (signal) => {
        const before = new ResellerBrandChangeEvent({...saved, logo_url: null, logo_content_type: null}, {phase: 'before', logo: null});
        if (!this.dispatchEvent(before)) return;
        result = await this.#api.client.deleteLogo({signal});
      },
    });
    if (!confirmed || !result) return;
    this.saved = result;
    this.dispatchEvent(new ResellerBrandChangeEvent(result));
    this.#toast.show(t('toast.logoDeleted'), 'success');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-brand-editor': ResellerBrandEditor;
  }
}
