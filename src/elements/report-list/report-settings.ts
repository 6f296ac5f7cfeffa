/**
 * Report settings: a modal `<dialog>` (shared/form-dialog.ts), loaded the first time an operator
 * opens it. Whether the month-end job makes and emails a report, and the recipients' addresses
 * (one field each; add and remove). Client checks first (address shape, the same address twice),
 * then the server's 422 per address (`recipients.<i>`) next to that address; blank fields are
 * dropped when saving. What the operator typed stays on every failure and when the dialog is
 * cancelled; the settings are loaded when the dialog first opens.
 */
import {html, nothing, type ReactiveElement} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import type {ResellerClient} from '../../api/client.js';
import {isAbortError} from '../../api/errors.js';
import {EMAIL_SHAPE, REPORT_RECIPIENTS_MAX} from '../../contract/constants.js';
import type {ReportSettings} from '../../contract/schemas.js';
import type {LocaleController} from '../../controllers/locale-controller.js';
import {errorText} from '../shared/error-text.js';
import {FormDialogController} from '../shared/form-dialog.js';

type Field = 'enabled' | 'recipients' | `recipients.${number}`;

const FIELDS = Object.fromEntries([
  ['enabled', '#report-enabled'],
  ...Array.from({length: REPORT_RECIPIENTS_MAX}, (_, i) => [`recipients.${i}`, `#recipient-${i}`]),
  ['recipients', '[part~="add-recipient"]'],
]) as Record<Field, string>;

export interface ReportSettingsOptions {
  i18n: LocaleController;
  client: () => ResellerClient;
  onSaved: (settings: ReportSettings) => void;
}

export class ReportSettingsController extends FormDialogController<Field> {
  readonly #o: ReportSettingsOptions;
  /** What the dialog shows; null until the settings are loaded. */
  #draft: {enabled: boolean; recipients: string[]} | null = null;
  #loadError: unknown = null;
  #loading: AbortController | null = null;

  constructor(host: ReactiveElement, options: ReportSettingsOptions) {
    super(host, {i18n: options.i18n, name: 'settings', fields: FIELDS});
    this.#o = options;
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.#loading?.abort();
  }

  /** Opens the dialog, loading the settings when it has none (what was typed before stays). */
  override open(): void {
    super.open();
    if (!this.#draft) void this.#load();
  }

  protected renderBody() {
    const t = this.i18n.t.bind(this.i18n);
    const draft = this.#draft;
    if (!draft) {
      const body = this.#loadError
        ? html`<div class="alert" role="alert" part="alert">${t('reports.settings.loadError')} ${errorText(this.i18n, this.#loadError)}
            <button type="button" class="button" part="retry-button" @click=${() => void this.#load()}>${t('common.retry')}</button></div>`
        : html`<p class="dialog-loading" role="status">${t('reports.settings.loading')}</p>`;
      return html`<div class="dialog-body">
        <h2 id="settings-heading" class="dialog-heading" part="dialog-heading">${t('reports.settings.heading')}</h2>
        ${body}
        <div class="dialog-actions"><button type="button" class="button" part="cancel-button" @click=${() => this.close()}>${t('common.cancel')}</button></div>
      </div>`;
    }
    const full = draft.recipients.length >= REPORT_RECIPIENTS_MAX;
    return this.renderForm(
      t('reports.settings.heading'),
      html`<div class="field checkbox-field">
          <input id="report-enabled" type="checkbox" part="enabled-input" .checked=${live(draft.enabled)}
            @change=${(e: Event) => this.#set({enabled: (e.target as HTMLInputElement).checked})} />
          <label for="report-enabled">${t('reports.settings.enabled')}</label>
        </div>
        <fieldset class="recipients" aria-describedby=${ifDefined(this.errors.recipients ? 'recipients-error' : undefined)}>
          <legend class="label">${t('reports.settings.recipients')}</legend>
          <p class="hint" id="recipients-hint">${t('reports.settings.recipientsHint', {max: REPORT_RECIPIENTS_MAX})}</p>
          ${draft.recipients.length ? html`<ol class="recipient-list">${draft.recipients.map((value, i) => this.#recipient(value, i))}</ol>` : nothing}
          ${this.renderError('recipients', 'recipients')}
          <button type="button" class="button" part="add-recipient" ?disabled=${full} @click=${this.#add}>${t('reports.settings.add')}</button>
        </fieldset>`,
      this.renderActions(t('reports.settings.submit'), t('reports.settings.submitting')),
    );
  }

  protected override check(): Partial<Record<Field, string>> {
    const draft = this.#draft;
    if (!draft) return {recipients: this.i18n.t('reports.settings.loading')};
    // Blank fields are dropped first, so the server's indices are the fields the operator sees.
    this.#set({recipients: draft.recipients.filter((r) => r.trim())});
    const errors: Partial<Record<Field, string>> = {};
    const seen = new Set<string>();
    this.#draft!.recipients.forEach((value, i) => {
      const email = value.trim().toLowerCase();
      if (!EMAIL_SHAPE.test(email)) errors[`recipients.${i}`] = this.i18n.t('field.emailInvalid');
      else if (seen.has(email)) errors[`recipients.${i}`] = this.i18n.t('reports.settings.duplicate');
      seen.add(email);
    });
    return errors;
  }

  protected failedText(): string {
    return this.i18n.t('reports.settings.failed');
  }

  protected override firstFocus(): string {
    return '#report-enabled';
  }

  protected async send(signal: AbortSignal): Promise<void> {
    const {enabled, recipients} = this.#draft!;
    const saved = await this.#o.client().updateReportSettings({enabled, recipients: recipients.map((r) => r.trim())}, {signal});
    this.#draft = {enabled: saved.enabled, recipients: [...saved.recipients]};
    this.busy = false;
    this.close();
    this.#o.onSaved(saved);
  }

  async #load(): Promise<void> {
    this.#loading?.abort();
    const abort = (this.#loading = new AbortController());
    this.#loadError = null;
    this.host.requestUpdate();
    try {
      const settings = await this.#o.client().getReportSettings({signal: abort.signal, fresh: true});
      this.#draft = {enabled: settings.enabled, recipients: [...settings.recipients]};
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.focus(this.firstFocus());
    } catch (error) {
      if (isAbortError(error)) return;
      this.#loadError = error;
      this.host.requestUpdate();
    }
  }

  #recipient(value: string, i: number) {
    const field: Field = `recipients.${i}`;
    const error = this.errors[field];
    const t = this.i18n.t.bind(this.i18n);
    const label = t('reports.settings.recipient', {n: i + 1});
    return html`<li class="recipient">
      <label class="visually-hidden" for="recipient-${i}">${label}</label>
      <input id="recipient-${i}" class="input" part="recipient-input" type="email" autocomplete="email" dir="auto"
        .value=${live(value)} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `recipient-${i}-error` : 'recipients-hint'}
        @input=${(e: Event) => {
          const recipients = [...this.#draft!.recipients];
          recipients[i] = (e.target as HTMLInputElement).value;
          this.#set({recipients});
          this.touched(field);
        }} />
      <button type="button" class="button ghost" part="remove-recipient" aria-label=${t('reports.settings.remove', {n: i + 1})}
        @click=${() => this.#remove(i)}>${t('common.remove')}</button>
      ${this.renderError(field, `recipient-${i}`)}
    </li>`;
  }

  #set(change: Partial<{enabled: boolean; recipients: string[]}>): void {
    this.#draft = {...this.#draft!, ...change};
    this.host.requestUpdate();
  }

  /** Errors of the recipients (their indices move when one is added or removed). */
  #clearRecipientErrors(): void {
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith('recipients'))) as typeof this.errors;
  }

  #add = async (): Promise<void> => {
    const recipients = [...this.#draft!.recipients, ''];
    if (recipients.length > REPORT_RECIPIENTS_MAX) return;
    this.#set({recipients});
    await this.host.updateComplete;
    this.focus(`#recipient-${recipients.length - 1}`);
  };

  async #remove(i: number): Promise<void> {
    const recipients = this.#draft!.recipients.filter((_, j) => j !== i);
    this.#clearRecipientErrors();
    this.#set({recipients});
    await this.host.updateComplete;
    this.focus(recipients.length ? `#recipient-${Math.min(i, recipients.length - 1)}` : '[part~="add-recipient"]');
  }
}
