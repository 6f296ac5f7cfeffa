import {LitElement, html, nothing} from 'lit';
import {METADATA_KEY_PATTERN, METADATA_VALUE_MAX} from '../../contract/constants.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {shared} from '../../styles/shared.js';
import {tokens} from '../../styles/tokens.js';
import {ModalController} from '../shared/modal-controller.js';
import {styles} from './metadata-dialog.styles.js';

/** What the operator chose: a `key:value` filter (or `''`), a search within values, the metadata columns. */
export interface MetadataChoice {
  filter: string;
  q: string;
  columns: string[];
}

/**
 * The customer table's metadata dialog (internal, loaded on first use): filter by one key and
 * value, search within every metadata value, and choose metadata columns. A modal `<dialog>`
 * (APG dialog pattern: focus starts on the first field, Tab stays inside, Escape cancels, focus
 * returns to the button that opened it); the columns are native checkboxes.
 *
 * ```ts
 * const choice = await dialog.edit({filter: 'region:benelux', q: '', columns: ['tier']}, ['region', 'tier']);
 * // null when cancelled
 * ```
 *
 * @summary Internal: filter, search and columns by customer metadata.
 * @tag reseller-metadata-dialog
 * @csspart dialog - The `<dialog>`.
 * @csspart key - The filter's key input.
 * @csspart value - The filter's value input.
 * @csspart search - The search within metadata values.
 * @csspart column - Each column checkbox.
 * @csspart apply-button - Apply.
 */
export class ResellerMetadataDialog extends LitElement {
  static override styles = [tokens, shared, styles];

  readonly #i18n = new LocaleController(this);
  #current: MetadataChoice | null = null;
  #keys: string[] = [];
  #keyError = false;
  #resolve: ((choice: MetadataChoice | null) => void) | null = null;
  readonly #modal = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    isOpen: () => this.#current !== null,
    onShown: () => this.renderRoot.querySelector<HTMLInputElement>('#key')?.focus(),
    onClosed: () => this.#settle(null),
  });

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.#current !== null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#settle(null);
  }

  /** Opens with the current choice and the keys to offer; resolves with the new choice, or null when cancelled. */
  edit(current: MetadataChoice, keys: readonly string[]): Promise<MetadataChoice | null> {
    this.#settle(null);
    this.#modal.rememberOpener();
    this.#current = current;
    this.#keys = [...new Set([...current.columns, ...keys])].sort();
    this.#keyError = false;
    this.requestUpdate();
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  override render() {
    const c = this.#current;
    const t = this.#i18n.t.bind(this.#i18n);
    const at = c?.filter.indexOf(':') ?? -1;
    return html`<dialog class="dialog" part="dialog" aria-labelledby="heading" @close=${this.#modal.closed}>
      ${c
        ? html`<form class="dialog-body" novalidate @submit=${this.#onSubmit}>
            <h2 id="heading" class="dialog-heading">${t('table.metadata.button')}</h2>
            <fieldset>
              <legend>${t('common.filter')}</legend>
              <div class="pair">
                <div class="field">
                  <label class="label" for="key">${t('detail.metadata.key')}</label>
                  <input id="key" name="key" part="key" class="input" list="keys" autocomplete="off" spellcheck="false" maxlength="40"
                    .value=${at > 0 ? c.filter.slice(0, at) : ''} aria-invalid=${this.#keyError ? 'true' : 'false'}
                    aria-describedby=${this.#keyError ? 'key-error' : 'key-hint'}>
                </div>
                <div class="field">
                  <label class="label" for="value">${t('detail.metadata.value')}</label>
                  <input id="value" name="value" part="value" class="input" autocomplete="off" maxlength=${METADATA_VALUE_MAX}
                    .value=${at > 0 ? c.filter.slice(at + 1) : ''}>
                </div>
              </div>
              ${this.#keyError
                ? html`<p id="key-error" class="field-error" role="alert">${t('detail.metadata.keyInvalid')}</p>`
                : html`<p id="key-hint" class="hint">${t('metadata.filterHint')}</p>`}
              <datalist id="keys">${this.#keys.map((k) => html`<option value=${k}></option>`)}</datalist>
              <div class="field">
                <label class="label" for="q">${t('metadata.search')}</label>
                <input id="q" name="q" part="search" class="input" type="search" autocomplete="off" maxlength="200" .value=${c.q}>
              </div>
            </fieldset>
            ${this.#keys.length
              ? html`<fieldset>
                  <legend>${t('metadata.columns')}</legend>
                  <div class="columns">${this.#keys.map((k) => html`<label class="check"
                    ><input type="checkbox" name="column" part="column" value=${k} ?checked=${c.columns.includes(k)}><span dir="auto">${k}</span></label>`)}</div>
                </fieldset>`
              : nothing}
            <div class="dialog-actions">
              <button type="button" class="button clear" @click=${this.#onClear}>${t('common.clearFilters')}</button>
              <button type="button" class="button" @click=${() => this.#settle(null)}>${t('common.cancel')}</button>
              <button type="submit" class="button primary" part="apply-button">${t('usage.apply')}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  #field(id: string): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!;
  }

  #onClear = () => {
    this.#field('key').value = '';
    this.#field('value').value = '';
    this.#field('q').value = '';
    this.#keyError = false;
    this.requestUpdate();
    this.#field('key').focus();
  };

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const key = this.#field('key').value.trim();
    const value = this.#field('value').value.trim();
    // A value needs a valid key; a key alone (no value) filters nothing.
    this.#keyError = value !== '' && !METADATA_KEY_PATTERN.test(key);
    if (this.#keyError) {
      this.requestUpdate();
      void this.updateComplete.then(() => this.#field('key').focus());
      return;
    }
    const columns = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="column"]:checked')].map((i) => i.value);
    this.#settle({filter: value ? `${key}:${value}` : '', q: this.#field('q').value.trim(), columns});
  };

  #settle(choice: MetadataChoice | null): void {
    const resolve = this.#resolve;
    this.#resolve = null;
    if (this.#current === null && !resolve) return;
    this.#current = null;
    this.requestUpdate();
    resolve?.(choice);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-metadata-dialog': ResellerMetadataDialog;
  }
}
