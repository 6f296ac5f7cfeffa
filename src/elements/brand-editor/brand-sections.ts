/**
 * The brand editor's two sections as templates: the colour (picker, hex field, contrast, live
 * preview) and the logo (image, drop zone that is also the file button, discard/delete).
 */
import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {LOGO_MAX_BYTES} from '../../contract/constants.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {DEFAULT_BRAND, contrastFacts, roundRatio} from './brand-color.js';
import {LOGO_ACCEPT} from './logo-file.js';

export interface ColorView {
  i18n: LocaleController;
  /** The hex field's text. */
  text: string;
  /** The valid colour chosen (null: the default). */
  color: string | null;
  error: string;
  onPick: (event: Event) => void;
  onText: (event: Event) => void;
  onTextDone: () => void;
  onDefault: () => void;
}

export function renderColor(v: ColorView): TemplateResult {
  const t = v.i18n.t.bind(v.i18n);
  const describedBy = `hex-hint${v.error ? ' hex-error' : ''}`;
  return html`<fieldset class="section color" part="color">
    <legend class="section-title">${t('brand.color')}</legend>
    <div class="color-inputs">
      <div class="field picker-field">
        <label class="label" for="picker">${t('brand.colorPicker')}</label>
        <input type="color" id="picker" class="picker" part="color-picker" .value=${v.color ?? DEFAULT_BRAND} @input=${v.onPick} />
      </div>
      <div class="field hex-field">
        <label class="label" for="hex">${t('brand.colorHex')}</label>
        <input id="hex" class="input hex" part="hex-input" type="text" spellcheck="false" autocomplete="off" maxlength="32"
          placeholder=${DEFAULT_BRAND} .value=${v.text} aria-invalid=${v.error ? 'true' : 'false'} aria-describedby=${describedBy}
          @input=${v.onText} @change=${v.onTextDone} />
      </div>
      <button type="button" class="button ghost default-button" part="default-button" @click=${v.onDefault}
        aria-disabled=${v.color === null && !v.error ? 'true' : 'false'}>${t('brand.colorReset')}</button>
    </div>
    <p class="hint" id="hex-hint">${t('brand.colorHint')} ${t('brand.colorDefault', {color: DEFAULT_BRAND})}</p>
    ${v.error ? html`<p class="field-error" id="hex-error" part="color-error" role="alert">${v.error}</p>` : nothing}
    ${renderContrast(v.i18n, v.color)}
  </fieldset>`;
}

function renderContrast(i18n: LocaleController, color: string | null): TemplateResult {
  const t = i18n.t.bind(i18n);
  const f = contrastFacts(color);
  const ratio = (n: number) => i18n.number(roundRatio(n), {maximumFractionDigits: 2});
  const verdict = (n: number) => {
    const pass = roundRatio(n) >= 4.5;
    return html`<span class="badge ${pass ? 'success' : 'danger'}" part="aa-${pass ? 'pass' : 'fail'}">${t(pass ? 'brand.aaPass' : 'brand.aaFail')}</span>`;
  };
  return html`<div class="contrast theme-scope" part="contrast" data-ratio=${roundRatio(f.ratio)} data-on-brand=${f.onBrand}>
    <p class="contrast-title">${t('brand.contrastHeading')}</p>
    <ul class="contrast-list">
      <li part="contrast-white" data-ratio=${roundRatio(f.white)}><span class="swatch on-white" aria-hidden="true"></span>
        ${t('brand.contrastWhite', {ratio: ratio(f.white)})} ${verdict(f.white)}</li>
      <li part="contrast-dark" data-ratio=${roundRatio(f.dark)}><span class="swatch on-dark" aria-hidden="true"></span>
        ${t('brand.contrastDark', {ratio: ratio(f.dark)})} ${verdict(f.dark)}</li>
    </ul>
    <p class="contrast-verdict alert ${f.ok ? 'success' : 'warning'}" part="contrast-verdict" role="status">
      ${f.ok ? t('brand.contrastOk') : t('brand.contrastLow', {ratio: ratio(f.ratio)})}
      ${t(f.onBrand === '#ffffff' ? 'brand.onBrandWhite' : 'brand.onBrandDark')}
    </p>
  </div>`;
}

/** Buttons, a link, badges and a table header in the chosen colour (the host sets the tokens on `.preview`). */
export function renderPreview(i18n: LocaleController): TemplateResult {
  const t = i18n.t.bind(i18n);
  // Not a heading: the editor cannot know the heading levels of the page around it.
  return html`<div class="section" part="preview-section" role="group" aria-labelledby="preview-title">
    <p class="section-title" id="preview-title">${t('brand.preview')}</p>
    <div class="preview theme-scope" part="preview" inert>
      <div class="preview-row">
        <button type="button" class="button primary" part="preview-button">${t('brand.sample')}</button>
        <button type="button" class="button">${t('brand.previewSecondary')}</button>
        <span class="link">${t('brand.previewLink')}</span>
        <span class="badge brand" part="preview-badge">${t('brand.previewBadge')}</span>
        <span class="badge success">${t('status.active')}</span>
      </div>
      <table class="table preview-table" part="preview-table">
        <thead><tr><th>${t('common.customer')}</th><th>${t('common.status')}</th></tr></thead>
        <tbody><tr><td><span class="link">${t('brand.previewRow')}</span></td><td>${t('status.active')}</td></tr></tbody>
      </table>
    </div>
  </div>`;
}

/**
 * What a RESELLEE sees: its reseller's colour (a swatch and its value), the preview in it and the
 * logo, with a note that the reseller manages them. Nothing here can change the branding.
 */
export function renderReadOnly(i18n: LocaleController, color: string | null, logoUrl: string | null): TemplateResult {
  const t = i18n.t.bind(i18n);
  return html`<section class="editor read-only" part="read-only" aria-label=${t('brand.heading')}>
    <p class="alert info" part="read-only-note">${t('brand.readOnly')}</p>
    <div class="section" role="group" aria-labelledby="ro-color">
      <p class="section-title" id="ro-color">${t('brand.color')}</p>
      <p class="read-only-color theme-scope" part="read-only-color"><span class="swatch brand" aria-hidden="true"></span>
        <span dir="ltr">${color ?? t('brand.colorDefault', {color: DEFAULT_BRAND})}</span></p>
    </div>
    ${renderPreview(i18n)}
    <div class="section" role="group" aria-labelledby="ro-logo">
      <p class="section-title" id="ro-logo">${t('brand.logo')}</p>
      <figure class="logo-frame" part="logo-frame">
        ${logoUrl ? html`<img part="logo-image" class="logo-image" src=${logoUrl} alt=${t('brand.currentLogo')} />` : html`<span class="no-logo" part="no-logo">${t('brand.noLogo')}</span>`}
      </figure>
    </div>
  </section>`;
}

export interface LogoView {
  i18n: LocaleController;
  /** The saved logo's URL (absolute), or null. */
  savedUrl: string | null;
  /** The chosen, not yet saved file and its blob: URL. */
  pending: {url: string; name: string; size: number; convertedFrom?: string} | null;
  error: string;
  dragging: boolean;
  busy: boolean;
  /** A chosen file is being checked. */
  checking: boolean;
  /** The name of the file being converted to PNG, while it is. */
  converting: string;
  onChoose: () => void;
  onFile: (event: Event) => void;
  onDragOver: (event: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (event: DragEvent) => void;
  onDiscard: () => void;
  onDelete: () => void;
}

export function renderLogo(v: LogoView): TemplateResult {
  const t = v.i18n.t.bind(v.i18n);
  const shown = v.pending?.url ?? v.savedUrl;
  const describedBy = `logo-hint${v.error ? ' logo-error' : ''}`;
  return html`<fieldset class="section logo" part="logo">
    <legend class="section-title">${t('brand.logo')}</legend>
    <div class="logo-row">
      <figure class="logo-frame" part="logo-frame">
        ${shown
          ? html`<img part="logo-image" class="logo-image" src=${shown} alt=${v.pending ? t('brand.newLogoAlt') : t('brand.currentLogo')} />`
          : html`<span class="no-logo" part="no-logo">${t('brand.noLogo')}</span>`}
        ${v.pending
          ? html`<figcaption class="hint" part="pending-name">${t('brand.newLogo', {name: v.pending.name, size: v.i18n.bytes(v.pending.size)})}
              ${v.pending.convertedFrom ? html`<span part="converted">${t('brand.converted', {type: v.pending.convertedFrom})}</span>` : nothing}</figcaption>`
          : nothing}
      </figure>
      <div class="logo-actions">
        <button type="button" class="drop-zone ${v.dragging ? 'dragging' : ''}" part="drop-zone file-button"
          aria-describedby=${describedBy} aria-disabled=${v.busy ? 'true' : 'false'} aria-busy=${v.checking ? 'true' : 'false'}
          @click=${v.onChoose} @dragenter=${v.onDragOver} @dragover=${v.onDragOver} @dragleave=${v.onDragLeave} @drop=${v.onDrop}>
          <span class="drop-label">${shown ? t('brand.replace') : t('brand.upload')}</span>
          <span class="drop-hint">${t('brand.dropHint')}</span>
        </button>
        <input type="file" class="file-input" accept=${LOGO_ACCEPT} hidden @change=${v.onFile} />
        ${v.pending
          ? html`<button type="button" class="button ghost" part="discard-button" @click=${v.onDiscard}>${t('brand.discardLogo')}</button>`
          : v.savedUrl
            ? html`<button type="button" class="button ghost danger-text" part="delete-button" aria-disabled=${ifDefined(v.busy ? 'true' : undefined)}
                @click=${v.onDelete}>${t('brand.deleteLogo')}</button>`
            : nothing}
      </div>
    </div>
    <p class="hint" id="logo-hint">${t('brand.logoHint', {size: v.i18n.bytes(LOGO_MAX_BYTES)})}</p>
    <p class="hint" part="converting" role="status">${v.converting ? t('brand.converting', {name: v.converting}) : ''}</p>
    ${v.error ? html`<p class="field-error" id="logo-error" part="logo-error" role="alert">${v.error}</p>` : nothing}
  </fieldset>`;
}
