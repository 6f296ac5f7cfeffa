import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {E164_PATTERN} from '../../contract/constants.js';
import {formatAsYouType, parsePhone, preloadPhone, type CountryCode} from '../../phone/index.js';
import {shared, tokens} from '../../styles/index.js';
import {styles} from './phone-field.styles.js';

/** A phone field's verdict: empty, a valid number (as E.164), or not a valid number. */
export type PhoneResult = {kind: 'empty'} | {kind: 'valid'; e164: string} | {kind: 'invalid'};

const COUNTRY = /^[A-Za-z]{2}$/;

/**
 * A phone number field: label, input, hint and error in one, shared by the New Customer form and
 * the customer detail. Takes any international number (`+32 470 12 34 56`); a number typed
 * without a country code is read in `default-country` (`06 12345678` → `+31612345678` for NL).
 * Formats the number as it is typed (only while typing at the end, never while deleting, and never
 * dropping a digit). libphonenumber-js is loaded on the first focus or `check()`, not before.
 *
 * The host does the messages: `check()` says empty / valid (with the E.164) / invalid, and the
 * host sets `error`. The inner input's `input` events bubble out of the element (composed);
 * `value` is up to date when they arrive. Enter submits the form the field is in.
 *
 * @summary Phone input with as-you-type formatting and E.164 parsing.
 * @tag reseller-phone-field
 * @csspart field - The wrapper.
 * @csspart label - The label.
 * @csspart input - The `<input type="tel">`.
 * @csspart hint - The hint under the input.
 * @csspart error - The error message.
 * @cssprop --reseller-color-danger - Colour of the error and the invalid border.
 */
export class ResellerPhoneField extends LitElement {
  static override shadowRootOptions = {...LitElement.shadowRootOptions, delegatesFocus: true};
  static override styles = [tokens, shared, styles];

  /** The label. */
  @property() label = '';
  /** Help text under the input (described-by). */
  @property() hint = '';
  /** An error message to show (sets aria-invalid); empty for none. */
  @property() error = '';
  /** The text in the input, as typed and formatted. Set it to fill or clear the field. */
  @property() value = '';
  /** Country for numbers without a country code (ISO 3166 alpha-2). */
  @property({attribute: 'default-country'}) defaultCountry = 'NL';
  /** Whether a number is required (marks the label; `check()` still answers `empty`). */
  @property({type: Boolean, reflect: true}) required = false;
  /** Disables the input. */
  @property({type: Boolean, reflect: true}) disabled = false;
  /** The input's `autocomplete` token. */
  @property() autocomplete: 'tel' | 'tel-national' | 'off' = 'tel';

  static #warnedCountry = false;

  /** The country used for national numbers (NL when `default-country` is not a country code). */
  get country(): CountryCode {
    return (COUNTRY.test(this.defaultCountry) ? this.defaultCountry.toUpperCase() : 'NL') as CountryCode;
  }

  /**
   * Checks the current text: `{kind: 'empty'}`, `{kind: 'valid', e164}` or `{kind: 'invalid'}`.
   * Loads libphonenumber-js if it is not loaded yet; if that fails, only a number already in E.164
   * form (spaces allowed) counts as valid.
   */
  async check(): Promise<PhoneResult> {
    const text = this.value.trim();
    if (!text) return {kind: 'empty'};
    try {
      const parsed = await parsePhone(text, this.country);
      return parsed?.valid && E164_PATTERN.test(parsed.e164) ? {kind: 'valid', e164: parsed.e164} : {kind: 'invalid'};
    } catch {
      const compact = text.replace(/[\s().-]/g, '');
      return E164_PATTERN.test(compact) ? {kind: 'valid', e164: compact} : {kind: 'invalid'};
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultCountry') && !COUNTRY.test(this.defaultCountry) && !ResellerPhoneField.#warnedCountry) {
      ResellerPhoneField.#warnedCountry = true;
      console.warn(`default-country="${this.defaultCountry}" is not a two-letter country code (ISO 3166); using NL.`);
    }
  }

  override focus(options?: FocusOptions): void {
    const input = this.renderRoot?.querySelector('input');
    if (input) input.focus(options);
    else super.focus(options);
  }

  protected override render() {
    const describedBy = [this.hint ? 'hint' : '', this.error ? 'error' : ''].filter(Boolean).join(' ');
    return html`<div class="field" part="field">
      <label class="label" part="label" for="input">${this.label}${this.required
        ? html` <span class="required" aria-hidden="true">*</span>`
        : nothing}</label>
      <input class="input" part="input" id="input" type="tel" inputmode="tel" autocomplete=${this.autocomplete}
        .value=${live(this.value)} ?required=${this.required} ?disabled=${this.disabled}
        aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy || undefined)}
        @focus=${this.#onFocus} @input=${this.#onInput} @blur=${this.#onBlur} @keydown=${this.#onKeydown} />
      ${this.hint ? html`<p class="hint" part="hint" id="hint">${this.hint}</p>` : nothing}
      ${this.error ? html`<p class="field-error" part="error" id="error">${this.error}</p>` : nothing}
    </div>`;
  }

  #onFocus = (): void => {
    void preloadPhone().catch(() => {});
  };

  #onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.value = input.value;
    const inserting = (event as InputEvent).inputType?.startsWith('insert') ?? true;
    if (inserting && input.selectionStart === input.value.length) void this.#format(input);
  };

  #onBlur = (event: FocusEvent): void => {
    void this.#format(event.target as HTMLInputElement);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.isComposing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const form = this.closest('form');
    if (form) {
      event.preventDefault();
      form.requestSubmit();
    }
  };

  /** Reformats the whole text, unless it changed meanwhile or the formatter would drop a digit or the `+`. */
  async #format(input: HTMLInputElement): Promise<void> {
    const typed = input.value;
    // Only digits and the usual separators: anything else (an extension, a typo) is left alone.
    if (!typed.trim() || /[^\d\s+().\-/]/.test(typed)) return;
    let formatted: string;
    try {
      formatted = await formatAsYouType(typed, this.country);
    } catch {
      return;
    }
    if (input.value !== typed || formatted === typed || signature(formatted) !== signature(typed)) return;
    input.value = formatted;
    this.value = formatted;
  }
}

/** The digits and a leading `+`: what formatting must keep. */
function signature(text: string): string {
  return (text.trim().startsWith('+') ? '+' : '') + text.replace(/\D/g, '');
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-phone-field': ResellerPhoneField;
  }
}
