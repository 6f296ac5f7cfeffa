import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {repeat} from 'lit/directives/repeat.js';
import {TaskStatus} from '@lit/task';
import {reportFileName} from '../../contract/constants.js';
import type {ReportSettings, ReportSummary} from '../../contract/schemas.js';
import {isAbortError} from '../../api/errors.js';
import {ApiController, isAccessError} from '../../controllers/api-controller.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {ResourceController} from '../../controllers/resource-controller.js';
import {ToastController} from '../../controllers/toast-controller.js';
import {ResellerReportGeneratedEvent, ResellerReportSettingsSavedEvent} from '../../events.js';
import type {PartialMessages} from '../../i18n/registry.js';
import {shared, tokens} from '../../styles/index.js';
import {ConnectionMixin} from '../shared/connection.js';
import {errorText} from '../shared/error-text.js';
import type {ElementDependencies} from '../shared/registration.js';
import {saveBlob} from '../shared/save-blob.js';
import {renderAccess, renderEmpty, renderLoadError} from '../shared/states.js';
import {ResellerToastRegion} from '../toast-region/toast-region.js';
import type {ReportSettingsController} from './report-settings.js';
import {styles} from './report-list.styles.js';

/** The report formats a partner can download. */
export const REPORT_FORMATS = ['csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** How many months the list shows (the newest first): eight years and four months. */
const SHOWN = 100;
const COLUMNS = ['customers', 'audio', 'transcriptions', 'overage', 'generated'] as const;


/**
 * The reseller's monthly usage reports, newest month first: the month, whether it is complete or
 * still in progress, the totals (customers, audio hours, transcriptions, minutes above quota) and
 * when it was made; each as CSV and PDF. "Generate now" makes (or refreshes) the report of the
 * month so far. Report settings (a dialog loaded on first use): whether the month-end job makes
 * and emails a report, and to whom. For the RESELLER role; other callers see "reseller access
 * required".
 *
 * @summary Monthly usage reports: list, download CSV/PDF, generate now, settings.
 * @tag reseller-report-list
 * @csspart header - The heading, the count and the actions.
 * @csspart heading - The heading.
 * @csspart count - "12 reports".
 * @csspart settings-button - Report settings.
 * @csspart generate-button - Generate now (`aria-busy` while it runs).
 * @csspart generate-error - Why Generate now failed (the list stays).
 * @csspart table - The `<table>` (each report a card when the element is narrower than 1120 px).
 * @csspart header-row - Its header row.
 * @csspart header-cell - Every `<th>` of the header row.
 * @csspart row - Every report row (`data-id`, `data-period`, `data-complete`).
 * @csspart cell - Every data cell.
 * @csspart skeleton - Placeholder rows while loading.
 * @csspart status-badge - Complete / In progress.
 * @csspart download-button - A download (with `csv` or `pdf`).
 * @csspart state - Empty, error and access blocks (with `empty`, `error`, `access-required`).
 * @csspart state-title - A state's title.
 * @csspart state-message - A state's message.
 * @csspart retry-button - The error's retry.
 * @csspart settings-dialog - The settings `<dialog>`.
 * @csspart settings-form - Its form.
 * @csspart dialog-heading - Its heading.
 * @csspart enabled-input - The "make and email reports" checkbox.
 * @csspart recipient-input - A recipient's email address.
 * @csspart remove-recipient - Remove a recipient.
 * @csspart add-recipient - Add recipient.
 * @csspart field-error - A field's message.
 * @csspart alert - Why the settings were not saved.
 * @csspart cancel-button - Cancel.
 * @csspart submit-button - Save settings.
 * @cssprop --reseller-color-brand - Brand colour (primary button, in-progress badge, focus ring).
 * @cssprop --reseller-color-success - Complete badge.
 * @cssprop --reseller-color-danger - Errors.
 * @cssprop --reseller-color-surface - Background.
 * @cssprop --reseller-color-text - Text colour.
 * @cssprop --reseller-color-border - Table lines.
 * @cssprop --reseller-radius - Corner radius.
 * @fires {ResellerReportGeneratedEvent} reseller-report-generated - Generate now made or refreshed a report; `detail.report` is the full report.
 * @fires {ResellerReportSettingsSavedEvent} reseller-report-settings-saved - The settings were saved; `detail.settings` as stored.
 * @fires {ResellerToastEvent} reseller-toast - Cancelable: generated, saved, or why a download failed.
 * @fires {ResellerRequestErrorEvent} reseller-request-error - A request failed (with an element-own client).
 */
export class ResellerReportList extends ConnectionMixin(LitElement) {
  static override styles = [tokens, shared, styles];
  /** The sub-elements it renders: registering this element registers them (shared/registration.ts). */
  static dependencies: ElementDependencies = {'reseller-toast-region': ResellerToastRegion};

  /** The element's own string overrides. */
  @property({attribute: false}) strings: PartialMessages | undefined = undefined;

  @state() private generating = false;
  @state() private generateError = '';

  readonly #api = new ApiController(this);
  readonly #i18n = new LocaleController(this, {strings: () => this.strings});
  readonly #toast = new ToastController(this, {i18n: this.#i18n});
  /** The last load, with the reports made here since (by id). */
  #items: ReportSummary[] | null = null;
  #total = 0;
  readonly #downloading = new Set<string>();
  readonly #urls = new Set<string>();
  #abort = new AbortController();
  /** The settings dialog: loaded the first time it is opened. */
  #settings: Promise<ReportSettingsController> | null = null;
  #settingsDialog: ReportSettingsController | null = null;

  readonly #list = new ResourceController(this, {
    api: this.#api,
    args: () => [] as const,
    load: (client, _, {signal, fresh}) => client.listReports({per_page: SHOWN}, {signal, fresh}),
    onComplete: (page) => {
      this.#items = page.data;
      this.#total = page.total;
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#abort = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort.abort();
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  /** The reports shown now, newest month first (empty while loading). */
  get reports(): readonly ReportSummary[] {
    return this.#items ?? [];
  }

  /** Loads the list again from the server. */
  reload(): Promise<unknown> {
    return this.#list.reload();
  }

  /**
   * Makes (or refreshes) the report of the month so far, as the Generate now button does; the
   * report shows in the list and `reseller-report-generated` fires. Resolves true when made; a
   * failure shows beside the button and keeps the list.
   */
  async generate(): Promise<boolean> {
    if (this.generating) return false;
    this.generating = true;
    this.generateError = '';
    const i18n = this.#i18n;
    try {
      const report = await this.#api.client.generateReport({}, {signal: this.#abort.signal});
      const {plans: _, lines: __, ...summary} = report;
      const items = (this.#items ?? []).filter((r) => r.id !== report.id && r.period !== report.period);
      if (items.length === (this.#items ?? []).length) this.#total++;
      this.#items = [...items, summary].sort((a, b) => b.period.localeCompare(a.period));
      this.#toast.show(i18n.t('reports.generated', {month: this.#month(report.period)}), 'success');
      this.dispatchEvent(new ResellerReportGeneratedEvent(report));
      return true;
    } catch (error) {
      if (!isAbortError(error)) this.generateError = `${i18n.t('reports.generateFailed')} ${errorText(i18n, error)}`;
      return false;
    } finally {
      this.generating = false;
    }
  }

  /** Downloads a listed report as CSV or PDF under its file name; resolves true when saved (a failure toasts). */
  async download(id: number, format: ReportFormat): Promise<boolean> {
    const report = this.reports.find((r) => r.id === id);
    const key = `${id}:${format}`;
    if (!report || this.#downloading.has(key)) return false;
    const filename = reportFileName(report.period, format);
    this.#downloading.add(key);
    this.requestUpdate();
    try {
      const blob = await this.#api.client.downloadReport(id, format, {signal: this.#abort.signal});
      this.#urls.add(saveBlob(this.renderRoot, blob, filename, {onRevoked: (url) => this.#urls.delete(url)}));
      return true;
    } catch (error) {
      if (!isAbortError(error)) this.#toast.show(`${this.#i18n.t('reports.downloadFailed', {filename})} ${errorText(this.#i18n, error)}`, 'error');
      return false;
    } finally {
      this.#downloading.delete(key);
      this.requestUpdate();
    }
  }

  /** Opens the report settings (loading the dialog and the settings the first time). */
  async openSettings(): Promise<void> {
    this.#settings ??= import('./report-settings.js').then(({ReportSettingsController}) => {
      this.#settingsDialog = new ReportSettingsController(this, {
        i18n: this.#i18n,
        client: () => this.#api.client,
        onSaved: (settings) => this.#saved(settings),
      });
      this.requestUpdate();
      return this.#settingsDialog;
    });
    (await this.#settings).open();
  }

  protected override render() {
    const i18n = this.#i18n;
    const t = i18n.t.bind(i18n);
    const error = this.#list.error;
    if (isAccessError(error)) return renderAccess(i18n, error);
    const items = this.#list.status === TaskStatus.COMPLETE || this.#items ? this.#items : null;
    return html`<section class="panel" aria-labelledby="reports-heading">
      <div class="header" part="header">
        <h2 class="heading" id="reports-heading" part="heading">${t('reports.heading')}</h2>
        <p class="count" part="count">${items?.length ? i18n.tn('reports.total', this.#total) : ''}</p>
        <button type="button" class="button" part="settings-button" aria-haspopup="dialog" @click=${() => void this.openSettings()}>${t('reports.settings')}</button>
        <button type="button" class="button primary" part="generate-button" aria-busy=${this.generating ? 'true' : 'false'}
          aria-describedby="reports-generate-hint" @click=${() => void this.generate()}>${this.generating ? t('reports.generating') : t('reports.generate')}</button>
        <span class="visually-hidden" id="reports-generate-hint">${t('reports.generateHint')}</span>
      </div>
      ${this.generateError ? html`<p class="alert" part="generate-error" role="alert">${this.generateError}</p>` : nothing}
      ${error && !items
        ? renderLoadError(i18n, t('reports.loadError'), error, () => void this.reload())
        : items?.length === 0
          ? renderEmpty({title: t('reports.empty'), message: t('reports.emptyMessage')})
          : this.#renderTable(items)}
      ${this.#settingsDialog?.render() ?? nothing}
    </section>`;
  }

  #renderTable(items: readonly ReportSummary[] | null) {
    const t = this.#i18n.t.bind(this.#i18n);
    return html`<div class="table-scroll">
      <table class="table" part="table" role="table" aria-busy=${items ? 'false' : 'true'}>
        <caption class="visually-hidden">${t('reports.heading')}${items ? nothing : html`, ${t('reports.loading')}`}</caption>
        <thead role="rowgroup">
          <tr part="header-row" role="row">
            <th scope="col" role="columnheader" part="header-cell" class="col-month">${t('reports.columns.month')}</th>
            <th scope="col" role="columnheader" part="header-cell" class="col-status">${t('reports.columns.status')}</th>
            ${COLUMNS.map((c) => html`<th scope="col" role="columnheader" part="header-cell" class="col-${c} num">${t(`reports.columns.${c}`)}</th>`)}
            <th scope="col" role="columnheader" part="header-cell" class="col-actions">${t('reports.columns.downloads')}</th>
          </tr>
        </thead>
        ${items
          ? html`<tbody role="rowgroup">${repeat(items, (r) => r.id, (r) => this.#renderRow(r))}</tbody>`
          : html`<tbody part="skeleton" aria-hidden="true">
              ${Array.from({length: 3}, () => html`<tr class="skeleton-row"><td><span class="skeleton"></span></td><td><span class="skeleton"></span></td>
                ${COLUMNS.map(() => html`<td><span class="skeleton"></span></td>`)}<td class="col-actions"></td></tr>`)}
            </tbody>`}
      </table>
    </div>`;
  }

  #renderRow(r: ReportSummary): TemplateResult {
    const i18n = this.#i18n;
    const t = i18n.t.bind(i18n);
    const month = this.#month(r.period);
    const cell = (c: (typeof COLUMNS)[number], value: string) =>
      html`<td part="cell" role="cell" class="col-${c} num" data-label=${t(`reports.columns.${c}`)}>${value}</td>`;
    return html`<tr part="row" role="row" data-id=${r.id} data-period=${r.period} data-complete=${r.complete ? 'true' : 'false'}>
      <th scope="row" role="rowheader" part="cell" class="col-month"><time datetime=${r.period}>${month}</time></th>
      <td part="cell" role="cell" class="col-status">
        <span class=${r.complete ? 'badge success' : 'badge brand'} part="status-badge">${t(r.complete ? 'reports.complete' : 'reports.inProgress')}</span>
      </td>
      ${cell('customers', i18n.number(r.totals.customers))}
      ${cell('audio', i18n.hours(r.totals.audio_minutes))}
      ${cell('transcriptions', i18n.number(r.totals.transcriptions))}
      ${cell('overage', i18n.duration(r.totals.overage_minutes))}
      <td part="cell" role="cell" class="col-generated" data-label=${t('reports.columns.generated')}><time datetime=${r.generated_at}>${i18n.dateTime(r.generated_at)}</time></td>
      <td part="cell" role="cell" class="col-actions">
        <div class="row-actions">${REPORT_FORMATS.map((f) => html`<button type="button" class="button" part="download-button ${f}"
          aria-busy=${this.#downloading.has(`${r.id}:${f}`) ? 'true' : 'false'}
          aria-label=${t('reports.download', {format: f.toUpperCase(), month})} @click=${() => void this.download(r.id, f)}>${f.toUpperCase()}</button>`)}</div>
      </td>
    </tr>`;
  }

  /** `2026-03` in the locale's month format ("March 2026", "maart 2026", "مارس ٢٠٢٦"). */
  #month(period: string): string {
    return this.#i18n.date(`${period}-01`, {year: 'numeric', month: 'long'});
  }

  #saved(settings: ReportSettings): void {
    this.#toast.show(this.#i18n.t('reports.settings.saved'), 'success');
    this.dispatchEvent(new ResellerReportSettingsSavedEvent(settings));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reseller-report-list': ResellerReportList;
  }
}
